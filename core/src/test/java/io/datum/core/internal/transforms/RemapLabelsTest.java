package io.datum.core.internal.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.datum.model.Annotation;
import io.datum.model.AttributeSpec;
import io.datum.model.Bbox;
import io.datum.model.Caption;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.options.UsageException;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import io.datum.spi.ItemCursor;
import io.datum.spi.JobContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemapLabelsTest {
    private final LabelCategories labels = new LabelCategories(List.of(new LabelCategory("person", "", List.of()),
            new LabelCategory("human", "", List.of()), new LabelCategory("cat", "animal", List.of()),
            new LabelCategory("animal", "", List.of()), new LabelCategory("bus", "", List.of())),
            List.of(AttributeSpec.named("occluded")));
    private final DatasetItem item = new DatasetItem("1", "train", null, List.of(new Label(0), new Label(1),
            Bbox.ofXywh(2, 1, 2, 3, 4, io.datum.model.Attributes.empty()), new Label(3), new Label(4),
            new Caption("a caption", 7, 0, io.datum.model.Attributes.empty())));

    private DatasetSource remap(String... options) {
        RemapLabels t = new RemapLabels();
        return t.apply(Datasets.of(new Categories(labels), List.of(item)), t.options().parse(List.of(options)),
                JobContext.collecting());
    }

    private static List<String> names(DatasetSource s) {
        return s.categories().labels().labels().stream().map(LabelCategory::name).toList();
    }

    private static List<Annotation> annotations(DatasetSource s) {
        try (ItemCursor c = s.items()) {
            return new ArrayList<>(c.next().annotations());
        }
    }

    @Test
    void renamesAndJoinsLabelsInTheOrderOfTheirFirstSource() {
        DatasetSource s = remap("-l", "person:pedestrian", "-l", "human:pedestrian");
        assertEquals(List.of("pedestrian", "cat", "animal", "bus"), names(s));
        List<Annotation> a = annotations(s);
        assertEquals(List.of(0, 0, 1, 2, 3), a.stream().filter(x -> !(x instanceof Caption)).map(Annotation::label).toList());
        assertEquals(6, a.size());
        assertEquals(List.of("occluded"), s.categories().labels().commonAttributes().stream().map(AttributeSpec::name).toList());
    }

    @Test
    void deletesLabelsWithTheirAnnotationsAndDropsParentsThatAreGone() {
        DatasetSource s = remap("-l", "person:car", "-l", "bus:bus", "-l", "cat:dog", "--default", "delete");
        assertEquals(List.of("car", "dog", "bus"), names(s));
        assertEquals("", s.categories().labels().get(1).parent());
        List<Annotation> a = annotations(s);
        // human and animal deleted; the caption has no label and the default is delete
        assertEquals(List.of(0, 1, 2), a.stream().map(Annotation::label).toList());
        assertEquals(Bbox.class, a.get(1).getClass());
    }

    @Test
    void keepsAParentThatIsStillALabel() {
        DatasetSource s = remap("-l", "person:");
        assertEquals(List.of("human", "cat", "animal", "bus"), names(s));
        assertEquals("animal", s.categories().labels().get(1).parent());
        assertEquals(5, annotations(s).size());
    }

    @Test
    void refusesAMappingWithoutOneColon() {
        assertThrows(UsageException.class, () -> remap("-l", "person"));
        assertThrows(UsageException.class, () -> remap("-l", "a:b:c"));
        assertThrows(UsageException.class, () -> remap("--default", "maybe"));
    }

    @Test
    void relabelledMovesALabelThroughTheTableOrDropsIt() {
        int[] newIndex = {0, 2, -1};
        Label stays = new Label(0);
        Caption caption = new Caption("no label", 1, 0, io.datum.model.Attributes.empty());
        assertSame(stays, RemapLabels.relabelled(stays, newIndex));
        assertSame(caption, RemapLabels.relabelled(caption, newIndex));
        Bbox box = Bbox.ofXywh(1, 1, 2, 3, 4, io.datum.model.Attributes.empty());
        Annotation moved = RemapLabels.relabelled(box, newIndex);
        assertEquals(2, moved.label());
        assertEquals(Bbox.ofXywh(2, 1, 2, 3, 4, io.datum.model.Attributes.empty()), moved);
        assertNull(RemapLabels.relabelled(new Label(2), newIndex));
        assertNull(RemapLabels.relabelled(new Label(3), newIndex));
        assertNull(RemapLabels.relabelled(new Label(-1), newIndex));
    }
}
