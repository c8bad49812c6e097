package io.datum.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;

import io.datum.api.Datum;
import io.datum.spi.CollectingJobContext;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Datum in a stock Apache Karaf, as a Karaf user installs it: the features repository this module
 * builds is added and the {@code datum} feature installed; then the shell command
 * {@code datum:formats} lists both formats and the {@link Datum} service converts the repository's
 * Open Images sample to CVAT.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KarafFeatureIT {
    private static final String MAVEN_CONFIG = "etc/org.ops4j.pax.url.mvn.cfg";

    @Inject
    Datum datum;

    @Inject
    SessionFactory sessions;

    @Configuration
    public Option[] config() {
        String repository = new File(System.getProperty("datum.karaf.repository")).toURI().toString();
        String local = new File(System.getProperty("datum.local.repository")).toURI().toString();
        return options(
                karafDistributionConfiguration()
                        .frameworkUrl(maven().groupId("org.apache.karaf").artifactId("apache-karaf")
                                .version(System.getProperty("datum.karaf.version")).type("tar.gz"))
                        .unpackDirectory(new File(System.getProperty("datum.karaf.work")))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                // Karaf resolves mvn: URLs itself: this build's bundles from target/repository, everything
                // else (the scr feature's bundles, Pax Exam's) from the local repository. Only file: URLs, so
                // it never goes online (its offline switch would refuse file: repositories too).
                editConfigurationFilePut(MAVEN_CONFIG, "org.ops4j.pax.url.mvn.repositories",
                        repository + "@id=datum@snapshots, " + local + "@id=local@snapshots"),
                editConfigurationFilePut(MAVEN_CONFIG, "org.ops4j.pax.url.mvn.connection.retryCount", "0"),
                editConfigurationFilePut(MAVEN_CONFIG, "org.ops4j.pax.url.mvn.offline", "false"),
                // the test runs inside Karaf: what it needs to know of this build goes there as system properties
                editConfigurationFilePut("etc/system.properties", "datum.repo",
                        new File(System.getProperty("datum.repo")).getAbsolutePath()),
                editConfigurationFilePut("etc/system.properties", "datum.karaf.output",
                        new File(System.getProperty("datum.karaf.work"), "output").getAbsolutePath()),
                features(new File(System.getProperty("datum.karaf.features")).toURI().toString(), "datum"));
    }

    @Test
    public void theShellCommandListsBothFormats() throws Exception {
        String listing = run("datum:formats");
        assertTrue(listing, listing.contains("open_images"));
        assertTrue(listing, listing.contains("cvat"));
        assertTrue(listing, listing.contains("io.datum.format-cvat"));
    }

    @Test
    public void theDatumServiceConvertsTheSample() throws Exception {
        Path sample = Path.of(System.getProperty("datum.repo"), "samples", "open-images-sample").toAbsolutePath();
        assertEquals(List.of("open_images"), datum.detect(sample));
        Path out = Files.createDirectories(Path.of(System.getProperty("datum.karaf.output")))
                .resolve("cvat-" + System.nanoTime());
        CollectingJobContext context = JobContext.collecting();
        try (DatasetSource dataset = datum.importFrom(sample, null, context)) {
            datum.export(dataset, out, "cvat", false, context);
        }
        String train = Files.readString(out.resolve("train.xml"));
        assertTrue(train, train.contains("name=\"0a1b2c3d4e5f6a7b.jpg\""));
    }

    /** A command line run as the Karaf console runs it, with what it printed. */
    private String run(String commandLine) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        Session session = sessions.create(new ByteArrayInputStream(new byte[0]), out, out);
        try {
            Object result = session.execute(commandLine);
            if (result != null) {
                out.println(result);
            }
        } finally {
            session.close();
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
