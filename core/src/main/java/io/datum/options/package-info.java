/** Argparse-compatible option parsing, shared by the verbs and by each format's own {@code --} options. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.datum.options;
