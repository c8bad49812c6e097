package io.datum.benchmarks;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What every benchmark here runs with: one state per benchmark, in one fork of its own with the
 * serial collector and a 1 GB heap, so that a collector's threads and a heap's size do not differ
 * between the figures. JMH reads these annotations from the superclasses of a benchmark; one that
 * the benchmark class declares itself wins.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xmx1g"})
public abstract class OwnForkBenchmark {
}
