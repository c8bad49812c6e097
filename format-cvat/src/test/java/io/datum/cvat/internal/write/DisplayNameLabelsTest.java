package io.datum.cvat.internal.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.model.Categories;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisplayNameLabelsTest {
    private static DatasetSource of(LabelCategory... labels) {
        return Datasets.of(new Categories(new LabelCategories(List.of(labels), List.of())), List.of());
    }

    @Test
    void labelsAndParentsAreNamedByTheirDisplayNamesWhenTheyHaveOne() {
        DatasetSource named = DisplayNameLabels.of(of(new LabelCategory("/m/0bl9f", "", List.of(), "Entity"),
                new LabelCategory("/m/0bt9lr", "/m/0bl9f", List.of(), "Dog"), new LabelCategory("plain", "/m/0bl9f", List.of())));
        assertEquals(List.of("Entity<", "Dog<Entity", "plain<Entity"), named.categories().labels().labels().stream()
                .map(c -> c.name() + "<" + c.parent()).toList());
    }

    @Test
    void aDatasetWithoutDisplayNamesIsWrittenAsItIs() {
        DatasetSource plain = of(new LabelCategory("cat"), new LabelCategory("dog", "", List.of(), "dog"));
        assertSame(plain, DisplayNameLabels.of(plain));
    }

    @Test
    void twoLabelsWithOneDisplayNameAreAnErrorNamingBoth() {
        DatasetException e = assertThrows(DatasetException.class, () -> DisplayNameLabels.of(of(
                new LabelCategory("/m/a", "", List.of(), "Bat"), new LabelCategory("/m/b", "", List.of(), "Bat"))));
        assertTrue(e.getMessage().contains("'/m/a' and '/m/b' would both be named 'Bat'"), e.getMessage());
    }
}
