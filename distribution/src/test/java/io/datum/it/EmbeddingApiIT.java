package io.datum.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import io.datum.api.Datum;
import io.datum.spi.CollectingJobContext;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The embedding API as an OSGi application sees it: the {@link Datum} service, over the formats
 * the framework has, imports the repository's Open Images sample and exports it to CVAT.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EmbeddingApiIT {
    @Inject
    Datum datum;

    @Configuration
    public Option[] config() throws Exception {
        return options(DistributionOptions.shipped().toArray(new Option[0]));
    }

    @Test
    public void theDatumServiceDetectsImportsAndExports() throws Exception {
        Path sample = Path.of(System.getProperty("datum.repo"), "samples", "open-images-sample").toAbsolutePath();
        assertEquals(List.of("open_images"), datum.detect(sample));
        Path out = Files.createTempDirectory(TestHome.work(), "api-").resolve("cvat");
        CollectingJobContext context = JobContext.collecting();
        try (DatasetSource dataset = datum.importFrom(sample, null, context)) {
            assertEquals(4, dataset.categories().labels().size());
            datum.export(dataset, out, "cvat", false, context, "--save-media");
        }
        assertTrue(Files.readString(out.resolve("train.xml")).contains("name=\"0a1b2c3d4e5f6a7b.jpg\""));
        assertTrue(Files.exists(out.resolve("images/1f2e3d4c5b6a7980.jpg")));
        // the warnings keep their kind and detail through the service's own context
        assertEquals(Long.valueOf(7), context.warningKinds()
                .get("skipped undeclared attributes (pass --allow-undeclared-attrs)").get("score"));
        assertTrue(context.warnings().containsKey("skipped undeclared attributes (pass --allow-undeclared-attrs): score"));
    }
}
