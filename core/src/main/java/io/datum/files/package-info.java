/**
 * Safe use of the file system by formats and tools: relative names from data resolved inside a
 * folder (links included), input and output folders kept apart, and working folders owned by a
 * running process so that the leftovers of a killed one can be told apart and removed.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.datum.files;
