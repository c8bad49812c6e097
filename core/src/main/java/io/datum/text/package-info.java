/** Python-compatible spelling and parsing of numbers and JSON, as the reference tool writes and reads them. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package io.datum.text;
