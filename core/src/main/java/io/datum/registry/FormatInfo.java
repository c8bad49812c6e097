package io.datum.registry;

/**
 * What the registry knows of one format right now: whether something can import, export and
 * detect it, and which bundle (or jar) provides it, with its version.
 */
public record FormatInfo(String name, boolean canImport, boolean canExport, boolean canDetect, String provider,
                         String version, String description) {
}
