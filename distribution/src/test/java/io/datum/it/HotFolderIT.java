package io.datum.it;

import static io.datum.it.DistributionOptions.HOT_FOLDER;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import io.datum.it.fake.FakeFormat;
import io.datum.registry.FormatRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * The shell's hot-deploy promise: Felix FileInstall (shipped in shell/) watches a folder; a format
 * bundle copied there appears in the registry and in {@code datum:formats}, and leaves when the
 * file is deleted. Same FileInstall settings as {@code bin/datum shell}, except a faster poll.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotFolderIT {
    static final String JAR = "datum.it.fakeBundle";

    @Inject
    BundleContext context;

    @Inject
    FormatRegistry registry;

    @Inject
    CommandProcessor commandProcessor;

    @Configuration
    public Option[] config() throws Exception {
        Path work = Files.createTempDirectory(TestHome.work(), "hot-");
        Path hot = Files.createDirectories(work.resolve("plugins"));
        Path jar = FakeFormatBundle.build(TestHome.home(), work.resolve("fake-format.jar"));
        List<Option> options = DistributionOptions.shipped();
        DistributionOptions.watching(options, hot);
        options.add(frameworkProperty(JAR).value(jar.toString()));
        return options(options.toArray(new Option[0]));
    }

    @Test
    public void bundleCopiedIntoTheWatchedFolderComesAndGoesWithTheFile() throws Exception {
        Gogo gogo = new Gogo(commandProcessor);
        Path hot = Path.of(context.getProperty(HOT_FOLDER));
        assertEquals("FileInstall is running", Bundle.ACTIVE, bundle("org.apache.felix.fileinstall").getState());
        assertTrue("nothing deployed yet", registry.format(FakeFormat.NAME).isEmpty());

        // Copy next to the folder, then move: FileInstall must never see a half-written jar.
        Path staged = Files.copy(Path.of(context.getProperty(JAR)), hot.resolveSibling("staged.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        Path deployed = Files.move(staged, hot.resolve("fake-format.jar"), StandardCopyOption.ATOMIC_MOVE);
        Await.until("format " + FakeFormat.NAME + " deployed from " + deployed, () -> registry.format(FakeFormat.NAME),
                Optional::isPresent);
        assertEquals("deployed and started by FileInstall", Bundle.ACTIVE, bundle(FakeFormat.SYMBOLIC_NAME).getState());
        assertTrue(gogo.output("datum:formats --names").lines().anyMatch(FakeFormat.NAME::equals));

        Files.delete(deployed);
        Await.until("format " + FakeFormat.NAME + " gone after deleting " + deployed,
                () -> registry.format(FakeFormat.NAME), Optional::isEmpty);
        Await.until("bundle " + FakeFormat.SYMBOLIC_NAME + " uninstalled", () -> Optional.ofNullable(
                bundle(FakeFormat.SYMBOLIC_NAME)), Optional::isEmpty);
        assertTrue(gogo.output("datum:formats --names").lines().noneMatch(FakeFormat.NAME::equals));
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElse(null);
    }
}
