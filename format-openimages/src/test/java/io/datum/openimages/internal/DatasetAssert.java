package io.datum.openimages.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import io.datum.model.Annotation;
import io.datum.model.Attributes;
import io.datum.model.Bbox;
import io.datum.model.DatasetItem;
import io.datum.model.Label;
import io.datum.model.LabelCategory;
import io.datum.model.Mask;
import io.datum.model.MaskData;
import io.datum.spi.DatasetSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dataset equality as the reference's {@code compare_datasets} checks it: same labels and parents,
 * same items by (subset, id), with {@code requireMedia} the same image presence and size, and the
 * same annotations matched one to one (numbers compared by value, so 1 equals 1.0; masks by
 * their set pixels).
 */
public final class DatasetAssert {
    private DatasetAssert() {
    }

    static void assertSameDataset(DatasetSource expected, DatasetSource actual, boolean requireMedia) {
        assertEquals(describe(expected.categories().labels().labels()), describe(actual.categories().labels().labels()),
                "label categories");
        Map<String, DatasetItem> want = byKey(Fixtures.items(expected));
        Map<String, DatasetItem> got = byKey(Fixtures.items(actual));
        assertEquals(want.keySet(), got.keySet(), "items (subset/id)");
        for (String key : want.keySet()) {
            DatasetItem e = want.get(key);
            DatasetItem a = got.get(key);
            if (requireMedia) {
                if (e.image() == null || !e.image().hasData()) {
                    assertNull(a.image() == null || !a.image().hasData() ? null : a.image(), key + ": image");
                } else {
                    assertNotNull(a.image(), key + ": image");
                    assertEquals(e.image().size(), a.image().size(), key + ": image size");
                }
            }
            List<String> wantAnnotations = annotations(e.annotations());
            List<String> gotAnnotations = annotations(a.annotations());
            wantAnnotations.sort(null);
            gotAnnotations.sort(null);
            assertEquals(wantAnnotations, gotAnnotations, key + ": annotations");
        }
    }

    private static List<String> describe(List<LabelCategory> labels) {
        List<String> out = new ArrayList<>();
        for (LabelCategory c : labels) {
            out.add(c.name() + (c.parent().isEmpty() ? "" : " < " + c.parent()));
        }
        return out;
    }

    private static Map<String, DatasetItem> byKey(List<DatasetItem> items) {
        Map<String, DatasetItem> map = new TreeMap<>();
        for (DatasetItem i : items) {
            if (map.put(i.subset() + "/" + i.id(), i) != null) {
                fail("item " + i.subset() + "/" + i.id() + " is repeated");
            }
        }
        return map;
    }

    static List<String> annotations(List<Annotation> annotations) {
        List<String> out = new ArrayList<>();
        for (Annotation a : annotations) {
            out.add(describe(a));
        }
        return out;
    }

    /** A comparable text for one annotation. */
    static String describe(Annotation a) {
        StringBuilder sb = new StringBuilder(a.type().typeName()).append(" label=").append(a.label())
                .append(" group=").append(a.group());
        if (a instanceof Bbox b) {
            sb.append(" [").append(b.x1()).append(", ").append(b.y1()).append(", ").append(b.x2()).append(", ")
                    .append(b.y2()).append(']');
        } else if (a instanceof Mask m) {
            sb.append(' ').append(pixels(m.data()));
        } else if (!(a instanceof Label)) {
            sb.append(' ').append(a);
        }
        return sb.append(' ').append(attributes(a.attributes())).toString();
    }

    private static String pixels(MaskData data) {
        StringBuilder sb = new StringBuilder().append(data.width()).append('x').append(data.height()).append(':');
        byte[] p = data.pixels();
        for (int i = 0; i < p.length; i++) {
            if (i % data.width() == 0 && i > 0) {
                sb.append('/');
            }
            sb.append(p[i] != 0 ? '1' : '0');
        }
        return sb.toString();
    }

    private static String attributes(Attributes attributes) {
        Map<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, Object> e : attributes.entries()) {
            Object v = e.getValue();
            sorted.put(e.getKey(), v instanceof Number n ? Double.toString(n.doubleValue()) : String.valueOf(v));
        }
        return sorted.toString();
    }
}
