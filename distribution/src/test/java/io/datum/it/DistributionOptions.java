package io.datum.it;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ops4j.pax.exam.Option;

/**
 * What every framework test boots: the bundles of the assembled distribution as {@code file:}
 * URLs (never {@code mvn:} for our own modules: under {@code verify} those would resolve to a
 * stale installed SNAPSHOT or fail), plus Pax Exam's JUnit bundles. The interactive shell bundle is
 * left out: started, it would open a console on the test JVM's stdin, and installed without being
 * started it trips Pax Exam's unresolved-bundle check. {@link DistributionIT} resolves it by itself.
 */
public final class DistributionOptions {
    /** The framework property naming the repository's {@code samples} folder; see {@link #withSamples}. */
    public static final String SAMPLES = "datum.it.samples";
    /** The framework property naming the folder FileInstall watches; see {@link #watching}. */
    public static final String HOT_FOLDER = "datum.it.hotFolder";

    private DistributionOptions() {
    }

    public static List<Option> shipped() throws IOException {
        List<Option> options = new ArrayList<>();
        for (Map.Entry<String, Path> e : TestHome.shippedBundles().entrySet()) {
            if (!e.getKey().equals(TestHome.SHELL_BUNDLE)) {
                options.add(bundle(e.getValue().toUri().toString()));
            }
        }
        options.add(frameworkProperty("felix.log.level").value("1"));
        options.add(junitBundles());
        options.add(cleanCaches(true));
        return options;
    }

    /** {@link #shipped()} and {@link #SAMPLES}, for a test that reads the repository's sample datasets. */
    public static List<Option> withSamples() throws IOException {
        List<Option> options = shipped();
        // distribution/target/datum is three levels below the repository
        options.add(frameworkProperty(SAMPLES).value(TestHome.home().resolve("../../../samples").normalize().toString()));
        return options;
    }

    /**
     * Has Felix FileInstall (shipped in {@code shell/}) watch {@code hot} with the settings of
     * {@code bin/datum shell}, except a poll every 100 ms so that a test waits little, and names the
     * folder in {@link #HOT_FOLDER}.
     */
    public static void watching(List<Option> options, Path hot) {
        options.add(frameworkProperty("felix.fileinstall.dir").value(hot.toString()));
        options.add(frameworkProperty("felix.fileinstall.poll").value("100"));
        options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(frameworkProperty(HOT_FOLDER).value(hot.toString()));
    }
}
