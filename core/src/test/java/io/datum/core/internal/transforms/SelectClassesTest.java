package io.datum.core.internal.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.core.internal.HandMadeDatasets;
import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Caption;
import io.datum.model.DatasetItem;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.options.UsageException;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.ItemCursor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectClassesTest {
    // entity > animal > (cat, dog > puppy); entity > vehicle > car; tree (no parent)
    private static final int ENTITY = 0, ANIMAL = 1, CAT = 2, DOG = 3, PUPPY = 4, VEHICLE = 5, CAR = 6, TREE = 7;
    private final LabelCategories labels = new LabelCategories(List.of(
            new LabelCategory("/m/entity", "", List.of(), "Entity"),
            new LabelCategory("/m/animal", "/m/entity", List.of(), "Animal"),
            new LabelCategory("/m/cat", "/m/animal", List.of(), "Cat"),
            new LabelCategory("/m/dog", "/m/animal", List.of(), "Dog"),
            new LabelCategory("/m/puppy", "/m/dog", List.of(), "Puppy"),
            new LabelCategory("/m/vehicle", "/m/entity", List.of(), "Vehicle"),
            new LabelCategory("/m/car", "/m/vehicle", List.of(), "Car"),
            new LabelCategory("/m/tree", "", List.of(), "Tree")), List.of());

    @TempDir
    Path temp;

    private static DatasetItem item(String id, int... labels) {
        List<Annotation> a = new ArrayList<>();
        for (int l : labels) {
            a.add(new Label(l));
        }
        return new DatasetItem(id, "train", null, a);
    }

    private DatasetSource select(List<DatasetItem> items, String... options) {
        return TransformRuns.apply(new SelectClasses(), HandMadeDatasets.of(labels, items.toArray(DatasetItem[]::new)),
                options);
    }

    private static List<String> labelNames(DatasetSource s) {
        return s.categories().labels().labels().stream().map(c -> c.name() + "<" + c.parent()).toList();
    }

    /** Each item as id=[label names]. */
    private static List<String> content(DatasetSource s) {
        LabelCategories l = s.categories().labels();
        List<String> out = new ArrayList<>();
        for (DatasetItem i : HandMadeDatasets.items(s)) {
            out.add(i.id() + "=" + i.annotations().stream()
                    .map(a -> a instanceof Caption c ? c.caption() : l.get(a.label()).name()).toList());
        }
        return out;
    }

    private final List<DatasetItem> items = List.of(item("1", DOG, CAR), item("2", CAT), item("3", PUPPY, ENTITY),
            item("4", TREE), item("5"), item("6", DOG, DOG));

    @Test
    void aDisplayNameInAnyCaseSelectsTheClassAndTheLabelsShrinkToItAndItsAncestors() {
        DatasetSource s = select(items, "-l", "dOG");
        assertEquals(List.of("/m/entity<", "/m/animal</m/entity", "/m/dog</m/animal"), labelNames(s));
        assertEquals(List.of("1=[/m/dog]", "6=[/m/dog, /m/dog]"), content(s));
    }

    @Test
    void subclassesAddEveryDescendantButNotTheAncestors() {
        DatasetSource s = select(items, "-l", "/m/animal", "--subclasses");
        assertEquals(List.of("/m/entity<", "/m/animal</m/entity", "/m/cat</m/animal", "/m/dog</m/animal",
                "/m/puppy</m/dog"), labelNames(s));
        // the entity annotation of item 3 goes: entity is kept only as an ancestor
        assertEquals(List.of("1=[/m/dog]", "2=[/m/cat]", "3=[/m/puppy]", "6=[/m/dog, /m/dog]"), content(s));
    }

    @Test
    void withoutSubclassesADescendantIsAnotherClass() {
        assertEquals(List.of("3=[/m/entity]"), content(select(items, "-l", "Entity")));
    }

    @Test
    void keepEmptyKeepsTheItemsLeftWithoutAnnotations() {
        DatasetSource s = select(items, "-l", "Tree", "--keep-empty");
        assertEquals(List.of("/m/tree<"), labelNames(s));
        assertEquals(List.of("1=[]", "2=[]", "3=[]", "4=[/m/tree]", "5=[]", "6=[]"), content(s));
    }

    @Test
    void annotationsWithoutALabelStayButDoNotKeepAnItem() {
        DatasetItem captioned = new DatasetItem("c", "train", null, List.of(new Caption("hello", 0, 0, Attributes.empty())));
        DatasetItem both = new DatasetItem("d", "train", null, List.of(new Caption("hi", 0, 0, Attributes.empty()),
                new Label(CAT)));
        assertEquals(List.of("d=[hi, /m/cat]"), content(select(List.of(captioned, both), "-l", "cat")));
    }

    @Test
    void aLabelOfScoreZeroStaysButKeepsNoItem() {
        Label absent = new Label(DOG, Attributes.of("score", 0.0));
        DatasetItem onlyAbsent = new DatasetItem("a", "train", null, List.of(absent, new Label(CAR)));
        DatasetItem withPuppy = new DatasetItem("b", "train", null, List.of(absent, new Label(PUPPY)));
        assertEquals(List.of("b=[/m/dog, /m/puppy]"),
                content(select(List.of(onlyAbsent, withPuppy), "-l", "dog", "--subclasses")));
    }

    @Test
    void maxPerClassKeepsAnItemWhileOneOfItsClassesHasRoom() {
        List<DatasetItem> many = List.of(item("1", DOG), item("2", DOG), item("3", DOG, CAT), item("4", DOG),
                item("5", CAT), item("6", CAT), item("7", PUPPY));
        DatasetSource s = select(many, "-l", "dog", "-l", "cat", "--subclasses", "--max-per-class", "2");
        // 3 is kept for cat (dog is full after 1 and 2) and counts for both; 5 fills cat; 7 counts for dog
        List<String> expected = List.of("1=[/m/dog]", "2=[/m/dog]", "3=[/m/dog, /m/cat]", "5=[/m/cat]");
        assertEquals(expected, content(s));
        assertEquals(expected, content(s), "a second pass counts from zero again");
    }

    @Test
    void idsKeepOnlyTheListedImagesOfAnySubsetOrOfTheirOwn() throws IOException {
        Path list = temp.resolve("ids.txt");
        Files.writeString(list, "train/1\n\n  0123456789abcdef \nvalidation/2\n");
        List<DatasetItem> mixed = List.of(item("1", DOG), item("2", DOG), item("0123456789abcdef", CAT),
                new DatasetItem("2", "validation", null, List.of(new Label(CAR))),
                new DatasetItem("0123456789abcdef", "test", null, List.of()));
        DatasetSource byIds = select(mixed, "--ids", list.toString());
        assertEquals(labels, byIds.categories().labels());
        assertEquals(List.of("train/1", "train/0123456789abcdef", "validation/2", "test/0123456789abcdef"),
                TransformRuns.ids(byIds));
        assertEquals(List.of("1=[/m/dog]"), content(select(mixed, "--ids", list.toString(), "-l", "Dog")));
    }

    @Test
    void anUnknownNameIsAUsageErrorWithTheCloseNames() {
        UsageException e = assertThrows(UsageException.class, () -> select(items, "-l", "Dgo"));
        assertEquals("argument -l/--label: no class is named 'Dgo'; close matches: Dog (/m/dog)", e.getMessage());
        UsageException far = assertThrows(UsageException.class, () -> select(items, "-l", "Helicopter"));
        assertEquals("argument -l/--label: no class is named 'Helicopter'", far.getMessage());
    }

    @Test
    void badOptionsAreUsageErrorsAndAMissingIdListNamesTheFile() {
        assertThrows(UsageException.class, () -> select(items));
        UsageException zero = assertThrows(UsageException.class, () -> select(items, "-l", "dog", "--max-per-class", "0"));
        assertTrue(zero.getMessage().contains("--max-per-class"), zero.getMessage());
        Path missing = temp.resolve("none.txt");
        DatasetException e = assertThrows(DatasetException.class, () -> select(items, "--ids", missing.toString()));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void aBadIdLineNamesTheFileAndLine() throws IOException {
        Path list = temp.resolve("ids.txt");
        Files.writeString(list, "a\ntrain/\n");
        DatasetException e = assertThrows(DatasetException.class, () -> select(items, "--ids", list.toString()));
        assertTrue(e.getMessage().contains("ids.txt") && e.getMessage().contains("2"), e.getMessage());
    }

    @Test
    void aMillionItemsStreamThrough() {
        TransformRuns.Generated generated = new TransformRuns.Generated(1_000_000);
        SelectClasses t = new SelectClasses();
        DatasetSource s = t.apply(generated, t.options().parse(List.of("-l", "dog")), io.datum.spi.JobContext.collecting());
        assertEquals(List.of("dog"), s.categories().labels().labels().stream().map(LabelCategory::name).toList());
        long kept = 0;
        try (ItemCursor c = s.items()) {
            while (c.hasNext()) {
                DatasetItem i = c.next();
                assertEquals(0, i.annotations().get(0).label());
                kept++;
            }
        }
        assertEquals(500_000, kept);
        assertEquals(1_000_000, generated.made());
    }
}
