/**
 * Reading bytes the way the format readers' hot loops need them: {@link io.datum.support.io.ByteInput},
 * a buffer refilled from a stream that keeps the unfinished part (a record, a line, a token) whole
 * and bounds how large it may grow, {@link io.datum.support.io.Utf8}, strict UTF-8 checking
 * over byte ranges, and {@link io.datum.support.io.PackedBytes}, short names as two words for
 * look-up tables. Formats use them by composition, keeping their own tokenising loops.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.datum.support.io;
