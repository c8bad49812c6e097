package io.datum.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import io.datum.it.fake.FakeFormat;
import io.datum.registry.FormatInfo;
import io.datum.registry.FormatRegistry;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Two bundles that provide the same format name, as when a user drops a second build of a format
 * into {@code plugins/}: the registry reports both, uses the higher version, lets the other take
 * over when that one leaves, and {@code datum:formats} marks the clash.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FormatClashIT {
    static final String OLDER = "datum.it.olderFake";
    static final String NEWER = "datum.it.newerFake";

    @Inject
    BundleContext context;

    @Inject
    FormatRegistry registry;

    @Inject
    CommandProcessor commandProcessor;

    @Configuration
    public Option[] config() throws Exception {
        Path older = FakeFormatBundle.build(TestHome.home(), TestHome.work().resolve("clash/older.jar"),
                "com.example.fake.older", "1.0.0");
        Path newer = FakeFormatBundle.build(TestHome.home(), TestHome.work().resolve("clash/newer.jar"),
                "com.example.fake.newer", "2.0.0");
        List<Option> options = DistributionOptions.shipped();
        options.add(frameworkProperty(OLDER).value(older.toString()));
        options.add(frameworkProperty(NEWER).value(newer.toString()));
        return options(options.toArray(new Option[0]));
    }

    @Test
    public void bothProvidersAreReportedTheHigherVersionIsUsedAndTheOtherTakesOver() throws Exception {
        // the older one installed first: the lower bundle id must not beat the higher version
        Bundle older = context.installBundle(Path.of(context.getProperty(OLDER)).toUri().toString());
        Bundle newer = context.installBundle(Path.of(context.getProperty(NEWER)).toUri().toString());
        try {
            older.start();
            newer.start();
            List<FormatInfo> providers = Await.until("two providers of " + FakeFormat.NAME,
                    () -> registry.providers(FakeFormat.NAME), l -> l.size() == 2);
            assertEquals(List.of("com.example.fake.newer 2.0.0", "com.example.fake.older 1.0.0"),
                    providers.stream().map(p -> p.provider() + " " + p.version()).toList());
            assertEquals("com.example.fake.newer", registry.format(FakeFormat.NAME).orElseThrow().provider());
            String table = new Gogo(commandProcessor).output("datum:formats");
            assertTrue(table, table.lines().anyMatch(l -> l.startsWith(FakeFormat.NAME + " ")
                    && l.contains("com.example.fake.newer 2.0.0")
                    && l.endsWith("(clash: also com.example.fake.older 1.0.0, not used)")));

            newer.uninstall();
            Await.until("the older provider alone", () -> registry.providers(FakeFormat.NAME), l -> l.size() == 1);
            assertEquals("com.example.fake.older", registry.format(FakeFormat.NAME).orElseThrow().provider());
        } finally {
            for (Bundle b : List.of(newer, older)) {
                if (b.getState() != Bundle.UNINSTALLED) {
                    b.uninstall();
                }
            }
        }
    }
}
