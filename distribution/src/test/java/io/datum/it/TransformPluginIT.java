package io.datum.it;

import static io.datum.it.DistributionOptions.SAMPLES;
import static io.datum.it.DistributionOptions.HOT_FOLDER;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import io.datum.api.DatasetInfo;
import io.datum.api.Datum;
import io.datum.api.ExportResult;
import io.datum.it.faketransform.UpperCaseIds;
import io.datum.registry.DetectionReport;
import io.datum.registry.FormatRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * Transforms are plugins: a transform bundle built at test time (only core's exports on its class
 * path) and dropped into the watched plugins folder shows up in the registry, in
 * {@code datum:transforms} and in the API's pipelines, and leaves when its file is deleted. Also the
 * shell commands as a shell user meets them: paths relative to the session's folder, results that
 * are objects printed by the shell, and help text.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TransformPluginIT {
    static final String JAR = "datum.it.transformBundle";

    @Inject
    BundleContext context;

    @Inject
    FormatRegistry registry;

    @Inject
    Datum datum;

    @Inject
    CommandProcessor commandProcessor;

    @Configuration
    public Option[] config() throws Exception {
        Path work = Files.createTempDirectory(TestHome.work(), "transform-");
        Path hot = Files.createDirectories(work.resolve("plugins"));
        Path jar = FakeFormatBundle.build(TestHome.home(), work.resolve("fake-transform.jar"), UpperCaseIds.SYMBOLIC_NAME,
                "1.0.0", UpperCaseIds.class.getPackageName());
        List<Option> options = DistributionOptions.withSamples();
        DistributionOptions.watching(options, hot);
        options.add(frameworkProperty(JAR).value(jar.toString()));
        return options(options.toArray(new Option[0]));
    }

    @Test
    public void aTransformBundleDroppedIntoPluginsComesAndGoesWithTheFile() throws Exception {
        Gogo gogo = new Gogo(commandProcessor);
        Path hot = Path.of(context.getProperty(HOT_FOLDER));
        assertTrue("core's transforms are there", registry.transform("remap_labels").isPresent());
        assertTrue("nothing deployed yet", registry.transform(UpperCaseIds.NAME).isEmpty());

        Path staged = Files.copy(Path.of(context.getProperty(JAR)), hot.resolveSibling("staged.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        Path deployed = Files.move(staged, hot.resolve("fake-transform.jar"), StandardCopyOption.ATOMIC_MOVE);
        Await.until("transform " + UpperCaseIds.NAME + " deployed", () -> registry.transform(UpperCaseIds.NAME),
                Optional::isPresent);
        assertTrue(gogo.output("datum:transforms --names").lines().anyMatch(UpperCaseIds.NAME::equals));
        String table = gogo.output("datum:transforms");
        // the name column is as wide as the longest transform name
        assertTrue(table, table.lines().anyMatch(l -> l.matches(UpperCaseIds.NAME + " {2,}" + UpperCaseIds.SYMBOLIC_NAME
                .replace(".", "\\.") + " 1\\.0\\.0")));

        // the plugin's transform runs in a pipeline of the API
        Path samples = Path.of(context.getProperty(SAMPLES));
        Path out = Files.createTempDirectory(TestHome.work(), "upper-");
        Files.delete(out);
        datum.open(samples.resolve("open-images-sample"), "open_images").transform(UpperCaseIds.NAME)
                .export(out, "open_images");
        String labels = Files.readString(out.resolve("annotations/train-annotations-human-imagelabels.csv"));
        assertTrue(labels, labels.contains("0A1B2C3D4E5F6A7B,"));

        Files.delete(deployed);
        Await.until("transform " + UpperCaseIds.NAME + " gone", () -> registry.transform(UpperCaseIds.NAME),
                Optional::isEmpty);
        assertTrue(gogo.output("datum:transforms --names").lines().noneMatch(UpperCaseIds.NAME::equals));
    }

    @Test
    public void shellCommandsUseTheSessionsFolderReturnObjectsAndHaveHelp() throws Exception {
        Path samples = Path.of(context.getProperty(SAMPLES));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        try (CommandSession session = commandProcessor.createSession(new ByteArrayInputStream(new byte[0]), console,
                console)) {
            // what the shell's cd does
            session.currentDir(samples);
            Object report = session.execute("datum:detect open-images-sample");
            assertEquals(DetectionReport.class.getName(), report.getClass().getName());
            assertEquals("Detected format: open_images", session.format(report, Converter.INSPECT).toString());
            Object info = session.execute("datum:dinfo open-images-sample:open_images");
            assertEquals(DatasetInfo.class.getName(), info.getClass().getName());
            assertTrue(session.format(info, Converter.INSPECT).toString().startsWith("length: 3\n"));
            String help = String.valueOf(session.execute("help datum:convert"));
            assertTrue("help datum:convert describes the command, got:\n" + help, help.contains("Converts a dataset"));
            assertTrue(help, help.contains("options and arguments as on the datum command line"));
        }
        assertFalse("nothing of the results was printed, got:\n" + buffer, buffer.toString(StandardCharsets.UTF_8)
                .contains("Detected format"));
    }

    @Test
    public void coresTransformsChainFromTheShellAndFromJava() throws Exception {
        Path samples = Path.of(context.getProperty(SAMPLES));
        Path work = Files.createTempDirectory(TestHome.work(), "chain-");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        try (CommandSession session = commandProcessor.createSession(new ByteArrayInputStream(new byte[0]), console,
                console)) {
            session.currentDir(work);
            Object result = session.execute("datum:transform -t reindex -t map_subsets " + samples.resolve(
                    "open-images-sample") + " -o shell-out -- -- -s validation:val");
            assertEquals(ExportResult.class.getName(), result.getClass().getName());
        }
        assertTrue(Files.exists(work.resolve("shell-out/images/train/1.jpg")));
        assertTrue(Files.exists(work.resolve("shell-out/images/val/3.jpg")));

        Path out = work.resolve("java-out");
        datum.open(samples.resolve("open-images-sample"), "open_images")
                .transform("rename", "-e", "|^(\\w{4})\\w*$|img_\\1|")
                .transform("random_split", "-s", "all:1")
                .export(out, "open_images");
        String labels = Files.readString(out.resolve("annotations/all-annotations-human-imagelabels.csv"));
        assertTrue(labels, labels.contains("img_0a1b,") && labels.contains("img_9a8b,"));
    }
}
