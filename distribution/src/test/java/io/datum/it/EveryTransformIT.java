package io.datum.it;

import static io.datum.it.DistributionOptions.SAMPLES;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import io.datum.api.Dataset;
import io.datum.api.Datum;
import io.datum.api.ExportResult;
import io.datum.registry.FormatRegistry;
import io.datum.registry.TransformInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * Every transform the shipped bundles provide runs as a shell command ({@code datum:transform})
 * and through the Java API ({@code Dataset.transform}) in the framework, and the two give the same
 * annotation files, which hold what the transform is for. (The command line runs each of them in
 * the documentation's transcripts; {@code filter}, {@code validate} and {@code render} have their
 * own tests beside this one.) A transform added to core without a case here fails the test.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EveryTransformIT {

    /** A transform's options and what its output must hold. */
    private record Case(String name, List<String> options, String check, Predicate<Path> holds) {
    }

    @Inject
    BundleContext context;

    @Inject
    Datum datum;

    @Inject
    FormatRegistry registry;

    @Inject
    CommandProcessor commandProcessor;

    @Configuration
    public Option[] config() throws Exception {
        List<Option> options = DistributionOptions.withSamples();
        return options(options.toArray(new Option[0]));
    }

    private static List<Case> cases() {
        return List.of(
                new Case("remap_labels", List.of("-l", "/m/04yx4:/m/0bt9lr"), "the man's box is a dog's",
                        out -> bbox(out, "train").contains("1f2e3d4c5b6a7980,,/m/0bt9lr,")
                                && !bbox(out, "train").contains("/m/04yx4")),
                new Case("project_labels", List.of("-l", "/m/0bt9lr", "-l", "/m/01yrx"), "two labels, no man",
                        out -> read(out, "class-descriptions.csv").lines().count() == 2 && !bbox(out, "train").contains("/m/04yx4")),
                new Case("map_subsets", List.of("-s", "validation:val"), "the validation subset is 'val'",
                        out -> Files.exists(out.resolve("annotations/val-annotations-bbox.csv"))
                                && !Files.exists(out.resolve("annotations/validation-annotations-bbox.csv"))),
                new Case("random_split", List.of("-s", "all:1"), "one subset of three items",
                        out -> bbox(out, "all").lines().count() == 4),
                new Case("reindex", List.of("-s", "10"), "ids from 10",
                        out -> bbox(out, "train").contains("\n10,") && bbox(out, "validation").contains("\n12,")),
                new Case("id_from_image_name", List.of(), "ids are the image names",
                        out -> bbox(out, "train").contains("\n0a1b2c3d4e5f6a7b,")),
                new Case("rename", List.of("-e", "/^0a1b/first_/"), "the first id renamed",
                        out -> bbox(out, "train").contains("\nfirst_2c3d4e5f6a7b,")),
                new Case("remove_items", List.of("--id", "9a8b7c6d5e4f3a2b:validation"), "no validation item",
                        out -> !Files.exists(out.resolve("annotations/validation-annotations-bbox.csv"))),
                new Case("remove_annotations", List.of("--id", "1f2e3d4c5b6a7980:train"), "the man's box gone",
                        out -> !bbox(out, "train").contains("1f2e3d4c5b6a7980")
                                && bbox(out, "train").contains("0a1b2c3d4e5f6a7b")),
                new Case("remove_attributes", List.of("-a", "occluded"), "the man is no longer occluded",
                        out -> bbox(out, "train").contains("1f2e3d4c5b6a7980,,/m/04yx4,1.0,0.2,0.9,0.05,0.95,-1,1,")),
                new Case("select_classes", List.of("-l", "dog"), "only dogs (and their ancestor)",
                        out -> read(out, "class-descriptions.csv").contains("/m/0bt9lr")
                                && !read(out, "class-descriptions.csv").contains("/m/01yrx")),
                new Case("remove_unused_labels", List.of(), "the entity parent is kept for the hierarchy",
                        out -> read(out, "class-descriptions.csv").contains("/m/0bl9f")),
                new Case("shapes_to_boxes", List.of(), "the cat's mask is a second box of the cat",
                        out -> bbox(out, "train").lines().filter(l -> l.startsWith("0a1b2c3d4e5f6a7b,")).count() == 2),
                new Case("boxes_to_masks", List.of(), "every box is a mask",
                        out -> read(out, "train-annotations-object-segmentation.csv").lines().count() == 4),
                new Case("masks_to_polygons", List.of(), "the mask becomes a polygon, which Open Images cannot hold",
                        out -> read(out, "train-annotations-object-segmentation.csv").lines().count() <= 1),
                new Case("polygons_to_masks", List.of(), "no polygons: the mask stays",
                        out -> read(out, "train-annotations-object-segmentation.csv").contains("0a1b2c3d4e5f6a7b")),
                new Case("filter", List.of("-m", "i+a", "-e", "/item/annotation[type='bbox' and area > 1000]"),
                        "the large boxes' items",
                        out -> !bbox(out, "train").contains("0a1b2c3d4e5f6a7b") && bbox(out, "train").contains("1f2e")));
    }

    @Test
    public void everyTransformRunsFromTheShellAndFromJavaAlike() throws Exception {
        Path sample = Path.of(context.getProperty(SAMPLES)).resolve("open-images-sample");
        Path work = Files.createTempDirectory(TestHome.work(), "every-transform-");
        Set<String> installed = registry.transforms().stream().filter(t -> t.provider().equals("io.datum.core"))
                .map(TransformInfo::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals("a case for each of core's transforms", installed,
                cases().stream().map(Case::name).collect(Collectors.toCollection(TreeSet::new)));
        Gogo gogo = new Gogo(commandProcessor);
        for (Case c : cases()) {
            Path shell = work.resolve(c.name() + "-shell");
            String options = c.options().isEmpty() ? "" : " -- " + c.options().stream().map(o -> "\"" + o + "\"")
                    .collect(Collectors.joining(" "));
            gogo.output("datum:transform -t " + c.name() + " " + sample + " -o " + shell + options);
            assertTrue(c.name() + " from the shell: " + c.check(), c.holds().test(shell));

            Path java = work.resolve(c.name() + "-java");
            Dataset transformed = datum.open(sample, "open_images").transform(c.name(), c.options().toArray(new String[0]));
            ExportResult r = transformed.export(java, "open_images");
            assertEquals(java.toAbsolutePath().normalize(), r.output());
            assertTrue(c.name() + " from Java: " + c.check(), c.holds().test(java));
            assertEquals(c.name() + ": the same annotation files from the shell and from Java", annotations(shell),
                    annotations(java));
        }
    }

    /** The annotation files of an output, by name (line ends as written). */
    private static TreeMap<String, String> annotations(Path out) throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(out.resolve("annotations"))) {
            for (Path p : (Iterable<Path>) list::iterator) {
                files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        assertFalse(out + " has annotation files", files.isEmpty());
        return files;
    }

    private static String bbox(Path out, String subset) {
        return read(out, subset + "-annotations-bbox.csv");
    }

    /** An annotation file without its CRs, or "" when it is not there. */
    private static String read(Path out, String name) {
        try {
            Path p = out.resolve("annotations").resolve(name);
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8).replace("\r", "") : "";
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
