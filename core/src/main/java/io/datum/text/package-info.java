/** Python-compatible spelling and parsing of numbers, as the reference tool writes and reads them. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.datum.text;
