package io.datum.it;

import static io.datum.it.DistributionOptions.SAMPLES;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import io.datum.api.Datum;
import io.datum.api.RenderRequest;
import io.datum.api.RenderResult;
import io.datum.api.ValidationReport;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
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
 * {@code validate} and {@code render} in the framework: from the shell, whose results are objects
 * the shell prints, and from Java through the {@link Datum} service; drawing (AWT, image I/O and
 * text) works inside the bundles as shipped.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ValidateRenderIT {

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

    private Path sample() {
        return Path.of(context.getProperty(SAMPLES)).resolve("open-images-sample");
    }

    @Test
    public void validateAndRenderFromTheShell() throws Exception {
        Path work = Files.createTempDirectory(TestHome.work(), "validate-render-");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        try (CommandSession session = commandProcessor.createSession(new ByteArrayInputStream(new byte[0]), console,
                console)) {
            session.currentDir(work);
            Object validated = session.execute("datum:validate -t detection " + sample());
            String text = session.format(validated, Converter.INSPECT).toString();
            assertTrue(text, text.startsWith("Validation (detection): "));
            assertTrue(text, text.contains("  LabelDefinedButNotFound: 1"));
            assertTrue(Files.readString(work.resolve("validation-report.json")).contains("\"validation_reports\": ["));
            Object rendered = session.execute("datum:render " + sample() + " -o pictures");
            assertEquals(RenderResult.class.getName(), rendered.getClass().getName());
            assertTrue(session.format(rendered, Converter.INSPECT).toString().startsWith("rendered 3 items into 3 "
                    + "pictures in "));
        }
        BufferedImage picture = ImageIO.read(work.resolve("pictures/train/0a1b2c3d4e5f6a7b.png").toFile());
        assertTrue(picture.getWidth() > 0);
    }

    @Test
    public void validateAndRenderFromJava() throws Exception {
        try (ValidationReport report = datum.open(sample(), "open_images").validate("detection", List.of(), "train")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> stats = (Map<String, Object>) report.values().get("statistics");
            assertEquals(2L, stats.get("total_ann_count"));
            assertEquals(report.errors(), ((Map<?, ?>) report.values().get("summary")).get("errors"));
        }
        Path out = Files.createTempDirectory(TestHome.work(), "render-").resolve("sheets");
        RenderResult r = datum.open(sample(), "open_images").render(new RenderRequest(out, false, null, null,
                List.of(), -1, 2, 2, 200, 150, 0.5, RenderRequest.DEFAULT_MAX_PIXELS, false));
        assertEquals(1, r.pictures());
        assertEquals(3, r.items());
        assertEquals(400, ImageIO.read(out.resolve("sheet-0001.png").toFile()).getWidth());
    }
}
