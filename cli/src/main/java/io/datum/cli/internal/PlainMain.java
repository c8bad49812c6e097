package io.datum.cli.internal;

import io.datum.registry.FormatRegistries;
import java.util.List;

/**
 * {@code datum} without a framework: core, cli and format jars on a plain class path, formats
 * built by the jars' factories ({@link io.datum.registry.FormatRegistries#fromServiceLoader()}). Used for embedding and development; {@code bin/datum}
 * of the distribution runs the verbs inside Felix.
 */
public final class PlainMain {
    private PlainMain() {
    }

    public static void main(String[] args) {
        int code = new DatumCommandLine(FormatRegistries.fromServiceLoader()).run(List.of(args), System.out, System.err);
        System.out.flush();
        System.exit(code);
    }
}
