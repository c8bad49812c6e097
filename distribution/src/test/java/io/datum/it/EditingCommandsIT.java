package io.datum.it;

import static io.datum.it.DistributionOptions.SAMPLES;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import io.datum.api.ComparisonOptions;
import io.datum.api.Dataset;
import io.datum.api.DatasetComparison;
import io.datum.api.DatasetInput;
import io.datum.api.DatasetListener;
import io.datum.api.Datum;
import io.datum.api.ExportResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * The editing verbs in the shipped framework: {@code datum:filter}, {@code datum:merge} and
 * {@code datum:compare} as shell commands returning objects the shell prints, and the API's merge
 * and comparison through the {@link Datum} service.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EditingCommandsIT {

    @Inject
    BundleContext context;

    @Inject
    Datum datum;

    @Inject
    CommandProcessor commandProcessor;

    @Configuration
    public Option[] config() throws Exception {
        List<Option> options = DistributionOptions.withSamples();
        return options(options.toArray(new Option[0]));
    }

    @Test
    public void filterMergeAndCompareAreShellCommandsReturningObjects() throws Exception {
        Path work = Files.createTempDirectory(TestHome.work(), "editing-");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        try (CommandSession session = commandProcessor.createSession(new ByteArrayInputStream(new byte[0]), console,
                console)) {
            session.currentDir(Path.of(context.getProperty(SAMPLES)));
            Object filtered = session.execute("datum:filter -e \"/item[subset='train']\" open-images-sample -o "
                    + work.resolve("train"));
            assertEquals(ExportResult.class.getName(), filtered.getClass().getName());
            assertEquals(2L, call(filtered, "items"));
            Object merged = session.execute("datum:merge " + work.resolve("train") + " open-images-sample -o "
                    + work.resolve("merged"));
            assertEquals(5L, call(merged, "items"));
            Object same = session.execute("datum:compare -m equality open-images-sample open-images-sample");
            assertEquals(DatasetComparison.class.getName(), same.getClass().getName());
            assertEquals("The datasets are equal (3 and 3 items)", session.format(same, Converter.INSPECT).toString());
            // datasets that differ are a result, not a failure
            Object differ = session.execute("datum:compare -m equality open-images-sample " + work.resolve("train"));
            assertEquals(false, call(differ, "equal"));
            assertTrue(session.format(differ, Converter.INSPECT).toString().startsWith(
                    "Only in the first: validation/9a8b7c6d5e4f3a2b\n"));
            // the table method is the default, as in the reference
            Object table = session.execute("datum:compare open-images-sample open-images-sample");
            assertEquals("TABLE", call(table, "method").toString());
            assertTrue(session.format(table, Converter.INSPECT).toString().startsWith("High-level comparison:\n+---"));
        }
        assertFalse("the shell printed a result itself:\n" + buffer, buffer.toString(StandardCharsets.UTF_8)
                .contains("The datasets"));
    }

    @Test
    public void theServiceMergesAndCompares() throws Exception {
        Path oi = Path.of(context.getProperty(SAMPLES)).resolve("open-images-sample");
        Dataset twice = datum.merge(List.of(DatasetInput.of(oi, "open_images"), DatasetInput.of(oi, null)),
                DatasetListener.IGNORE);
        assertEquals(6, twice.info().length());
        DatasetComparison c = datum.open(oi, "open_images").compare(twice, ComparisonOptions.EXACT);
        assertEquals(3, c.onlyInFirst().size());
        assertEquals(6, c.onlyInSecond().size());
    }

    private static Object call(Object target, String accessor) throws Exception {
        Method m = target.getClass().getMethod(accessor);
        return m.invoke(target);
    }
}
