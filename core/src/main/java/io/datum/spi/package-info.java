/** The format SPI: what a format bundle implements (detector, importer, exporter) and what it is handed. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.6.0")
package io.datum.spi;
