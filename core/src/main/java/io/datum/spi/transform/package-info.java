/**
 * The transform SPI: what a transform bundle implements. A transform maps a dataset (categories and
 * item stream) to another one lazily, stage by stage, and is found by the registry at run time like
 * the formats.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.datum.spi.transform;
