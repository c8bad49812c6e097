package io.datum.registry;

/**
 * What the registry knows of one transform right now: its name, the bundle (or jar) providing it
 * with its version, and its one-line description.
 *
 * @since 1.2
 */
public record TransformInfo(String name, String provider, String version, String description) {
}
