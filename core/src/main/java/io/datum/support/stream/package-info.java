/**
 * Mechanisms a format or transform needs to stream datasets larger than memory: an external
 * sort with spill files ({@link io.datum.support.stream.ExternalSort}), a bounded read-ahead on
 * another thread ({@link io.datum.support.stream.ReadAhead}), output files written on another
 * thread while their next bytes are made ({@link io.datum.support.stream.WriteBehind}), and the
 * one source of the threads they use, which the caller of a job can bound
 * ({@link io.datum.support.stream.Workers}); the
 * record forms of dataset items and annotations for those sorts
 * ({@link io.datum.support.stream.DatasetRecords}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package io.datum.support.stream;
