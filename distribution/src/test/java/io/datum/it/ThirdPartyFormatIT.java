package io.datum.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import io.datum.it.fake.FakeFormat;
import io.datum.options.ParsedOptions;
import io.datum.registry.FormatInfo;
import io.datum.registry.FormatRegistry;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
 * A format bundle that is not part of the build, written against core's exported SPI and built by
 * bnd at test time, is installed into the running distribution: the registry and the Gogo command
 * see it and can convert with it; uninstalling it removes it again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ThirdPartyFormatIT {
    static final String BUNDLE_PROPERTY = "datum.it.fakeBundle";

    @Inject
    BundleContext context;

    @Inject
    FormatRegistry registry;

    @Inject
    CommandProcessor commandProcessor;

    @Configuration
    public Option[] config() throws Exception {
        // Runs in the test driver, before the framework starts; the probe finds the jar through the property.
        Path jar = FakeFormatBundle.build(TestHome.home(), TestHome.work().resolve("third-party/fake-format.jar"));
        List<Option> options = DistributionOptions.shipped();
        options.add(frameworkProperty(BUNDLE_PROPERTY).value(jar.toString()));
        return options(options.toArray(new Option[0]));
    }

    @Test
    public void installedFormatBundleIsListedUsableAndGoneAfterUninstall() throws Exception {
        Gogo gogo = new Gogo(commandProcessor);
        Path jar = Path.of(context.getProperty(BUNDLE_PROPERTY));
        assertTrue("no fake format before the bundle is installed", registry.format(FakeFormat.NAME).isEmpty());

        Bundle bundle = context.installBundle(jar.toUri().toString());
        try {
            bundle.start();
            FormatInfo fake = Await.until("format " + FakeFormat.NAME + " in the registry",
                    () -> registry.format(FakeFormat.NAME), Optional::isPresent).get();
            assertEquals(new FormatInfo(FakeFormat.NAME, true, true, true, FakeFormat.SYMBOLIC_NAME, "1.0.0",
                    "test format: item ids, one per line"), fake);
            FormatInfo upper = Await.until("format " + FakeFormat.UPPER_NAME, () -> registry.format(FakeFormat.UPPER_NAME),
                    Optional::isPresent).get();
            assertEquals("export only", List.of(false, true, false), List.of(upper.canImport(), upper.canExport(), upper.canDetect()));

            String table = gogo.output("datum:formats");
            assertTrue("datum:formats lists the third-party format:\n" + table,
                    table.lines().anyMatch(l -> l.matches("fake\\s+yes\\s+yes\\s+yes\\s+" + FakeFormat.SYMBOLIC_NAME + " 1\\.0\\.0")));

            Path in = Files.createDirectories(Files.createTempDirectory(TestHome.work(), "in-").resolve("data"));
            Files.writeString(in.resolve(FakeFormat.FILE), "cat-1\ndog-2\n");
            assertEquals("Detected format: fake\n", gogo.output("datum:detect " + in));

            Path out = in.resolveSibling("out");
            gogo.output("datum:convert -if fake -i " + in + " -f fake_upper -o " + out);
            assertEquals("CAT-1\nDOG-2\n", Files.readString(out.resolve(FakeFormat.FILE)));
        } finally {
            bundle.uninstall();
        }
        Await.until("no " + FakeFormat.NAME + " after uninstall", () -> registry.format(FakeFormat.NAME), Optional::isEmpty);
        assertTrue(registry.format(FakeFormat.UPPER_NAME).isEmpty());
        String names = gogo.output("datum:formats --names");
        assertFalse("datum:formats no longer lists it: " + names, names.lines().anyMatch(FakeFormat.NAME::equals));
    }

    /**
     * A bug in the bundle's code, thrown where none of its service classes is on the stack (while the
     * items are read, in a helper class of another package), is still traced to the format and bundle.
     */
    @Test
    public void aFailureInAHelperOfAnotherPackageNamesTheFormatAndBundle() throws Exception {
        Bundle bundle = context.installBundle(Path.of(context.getProperty(BUNDLE_PROPERTY)).toUri().toString());
        try {
            bundle.start();
            Await.until("format " + FakeFormat.NAME + " in the registry", () -> registry.format(FakeFormat.NAME),
                    Optional::isPresent);
            Path in = Files.createTempDirectory(TestHome.work(), "buggy-");
            Files.writeString(in.resolve(FakeFormat.FILE), "cat-1\n#x\n");
            NumberFormatException thrown;
            try (DatasetSource source = registry.requireImporter(FakeFormat.NAME).open(in, ParsedOptions.none(),
                    JobContext.collecting()); ItemCursor items = source.items()) {
                thrown = assertThrows(NumberFormatException.class, () -> items.forEachRemaining(item -> { }));
            }
            assertTrue("no service class on the stack", Arrays.stream(thrown.getStackTrace())
                    .noneMatch(f -> f.getClassName().startsWith(FakeFormat.class.getPackageName() + ".Fake")));
            FormatInfo culprit = registry.providerOf(thrown).orElseThrow();
            assertEquals(List.of(FakeFormat.NAME, FakeFormat.SYMBOLIC_NAME, "1.0.0"),
                    List.of(culprit.name(), culprit.provider(), culprit.version()));
        } finally {
            bundle.uninstall();
        }
    }
}
