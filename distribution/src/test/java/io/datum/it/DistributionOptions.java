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
}
