/**
 * Writing the media of items into an export ({@code --save-media}): {@link io.datum.support.media.MediaFolder}
 * resolves names that come from data inside the output folder, never through a link, and writes
 * each image as a byte copy or, for another extension, decoded and encoded again.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.datum.support.media;
