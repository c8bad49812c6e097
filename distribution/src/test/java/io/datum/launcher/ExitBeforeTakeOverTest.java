package io.datum.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signal can start the JVM's own shutdown before the launcher has taken over the signals, and
 * the launcher then goes on while the hooks run. Made certain here in a child JVM: its exit has
 * begun (a hook holds it open) when the launcher makes its framework storage. The storage must
 * not stay behind, and the run must print nothing.
 */
class ExitBeforeTakeOverTest {
    @Test
    void storageMadeWhileTheJvmExitsIsRemovedAndNothingIsPrinted(@TempDir Path tmp) throws Exception {
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Path report = tmp.resolve("report.txt");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + javaTmp,
                ExitingRun.class.getName(), report.toString())
                .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        Process child = pb.start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ended");
        String err = Files.readString(tmp.resolve("err.txt"));
        assertEquals(143, child.exitValue(), err);
        assertEquals("", err);
        assertEquals("", Files.readString(tmp.resolve("out.txt")));
        assertEquals("refused: the JVM is exiting", Files.readString(report).strip());
        try (Stream<Path> left = Files.list(javaTmp)) {
            assertEquals(List.of(), left.toList());
        }
    }

    /** The child: the launcher's streams and signal handling, then an exit begun by the JVM, then the storage. */
    static final class ExitingRun {
        public static void main(String[] args) throws Exception {
            PrintStream err = Termination.quietOnceRequested(System.err);
            Termination.install(Thread.currentThread());
            CountDownLatch done = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    done.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    // exit
                }
            }));
            // the JVM's own exit, as a signal's default handling starts it: System.exit(128 + 15)
            new Thread(() -> System.exit(143)).start();
            awaitHooksRefused();
            String outcome;
            try {
                FrameworkStorage.createDeletedAtExit();
                outcome = "made";
            } catch (LauncherException e) {
                outcome = "refused: " + e.getMessage();
                err.println("datum: " + e.getMessage());
            }
            Files.writeString(Path.of(args[0]), outcome);
            done.countDown();
            Thread.sleep(30_000);
        }

        private static void awaitHooksRefused() throws InterruptedException {
            Thread probe = new Thread(() -> { });
            for (int i = 0; i < 3000; i++) {
                try {
                    Runtime.getRuntime().addShutdownHook(probe);
                    Runtime.getRuntime().removeShutdownHook(probe);
                } catch (IllegalStateException e) {
                    return;
                }
                Thread.sleep(5);
            }
            throw new AssertionError("the JVM did not begin to exit");
        }
    }
}
