package io.datum.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

/**
 * Runs a command line through Gogo's {@link CommandProcessor} in a fresh {@link CommandSession},
 * as the interactive shell does, and captures what it printed, its result formatted as the shell
 * formats it. Output goes to our own stream, never
 * to {@code System.out} (Gogo redirects that per thread).
 */
public final class Gogo {
    /** What a command line printed, and the exception it ended with (null on success). */
    public record Result(String output, Exception failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    private final CommandProcessor processor;

    public Gogo(CommandProcessor processor) {
        this.processor = processor;
    }

    public Result run(String commandLine) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        Exception failure = null;
        try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, out)) {
            Object result = session.execute(commandLine);
            if (result != null) {
                // as the interactive shell prints a result: through the converters, in full
                out.println(session.format(result, Converter.INSPECT));
            }
        } catch (Exception e) {
            failure = e;
        }
        out.flush();
        return new Result(buffer.toString(StandardCharsets.UTF_8), failure);
    }

    /** Runs a command line that must succeed and returns its output. */
    public String output(String commandLine) {
        Result r = run(commandLine);
        if (!r.succeeded()) {
            throw new AssertionError("`" + commandLine + "` failed: " + r.failure() + "; output:\n" + r.output());
        }
        return r.output();
    }
}
