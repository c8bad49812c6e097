package io.datum.cvat.internal.read;

import static io.datum.cvat.internal.CvatNames.ATTRIBUTE;
import static io.datum.cvat.internal.CvatNames.DEFAULT_VALUE;
import static io.datum.cvat.internal.CvatNames.HEIGHT;
import static io.datum.cvat.internal.CvatNames.INPUT_TYPE;
import static io.datum.cvat.internal.CvatNames.JOB;
import static io.datum.cvat.internal.CvatNames.LABEL;
import static io.datum.cvat.internal.CvatNames.META;
import static io.datum.cvat.internal.CvatNames.MUTABLE;
import static io.datum.cvat.internal.CvatNames.NAME;
import static io.datum.cvat.internal.CvatNames.ORIGINAL_SIZE;
import static io.datum.cvat.internal.CvatNames.PROJECT;
import static io.datum.cvat.internal.CvatNames.SUBSET;
import static io.datum.cvat.internal.CvatNames.TASK;
import static io.datum.cvat.internal.CvatNames.VALUES;
import static io.datum.cvat.internal.CvatNames.WIDTH;

import io.datum.cvat.internal.CvatMeta;
import io.datum.cvat.internal.DatasetExceptions;
import io.datum.cvat.internal.xml.XmlCursor;
import io.datum.cvat.internal.xml.XmlLimits;
import io.datum.model.AttributeSpec;
import io.datum.model.ImageSize;
import io.datum.model.LabelCategory;
import io.datum.text.PythonNumbers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CVAT file up to the end of its first {@code <meta>} element, wherever it is (elements
 * before it are skipped, as Datumaro does), and leaves the parser just after it.
 */
final class MetaReader {
    /** One open element inside {@code <meta>}: its text before the first child, and what it builds. */
    private static final class Open {
        final String name;
        final StringBuilder text = new StringBuilder();
        boolean hasChild;
        Object builds;

        Open(String name) {
            this.name = name;
        }
    }

    private static final class LabelDraft {
        final long line;
        String name;
        final List<AttributeSpec> attributes = new ArrayList<>();

        LabelDraft(long line) {
            this.line = line;
        }
    }

    private static final class AttributeDraft {
        final long line;
        String name;
        String mutable;
        String inputType;
        String defaultValue;
        String values;

        AttributeDraft(long line) {
            this.line = line;
        }
    }

    private static final class SizeDraft {
        final long line;
        String width;
        String height;

        SizeDraft(long line) {
            this.line = line;
        }
    }

    private final XmlCursor parser;
    private final XmlLimits limits;
    private final Deque<Open> open = new ArrayDeque<>();
    private final Map<String, LabelCategory> labels = new LinkedHashMap<>();
    private final Map<String, String> attributeTypes = new HashMap<>();
    private final Set<String> subsets = new LinkedHashSet<>();
    private ImageSize originalSize;
    private long originalSizeLine = -1;
    private int labelsOpen;
    private boolean project;
    private boolean task;
    private boolean job;

    private MetaReader(XmlCursor parser, XmlLimits limits) {
        this.parser = parser;
        this.limits = limits;
    }

    static CvatMeta read(XmlCursor parser, XmlLimits limits) {
        return new MetaReader(parser, limits).read();
    }

    private CvatMeta read() {
        while (true) {
            int event = parser.next();
            if (event == XmlCursor.END_DOCUMENT) {
                throw parser.at("a CVAT XML file must have a <meta> element");
            }
            if (event == XmlCursor.START_ELEMENT && META.equals(parser.name())) {
                break;
            }
        }
        int metaDepth = parser.depth();
        while (true) {
            int event = parser.next();
            switch (event) {
                case XmlCursor.START_ELEMENT -> start(parser.name(), parser.depth() == metaDepth + 1);
                case XmlCursor.CHARACTERS -> text();
                case XmlCursor.END_ELEMENT -> {
                    if (parser.depth() < metaDepth) {
                        return finish();
                    }
                    end(open.pop());
                }
                default -> {
                }
            }
        }
    }

    private void start(String name, boolean childOfMeta) {
        if (!open.isEmpty()) {
            open.peek().hasChild = true;
        }
        Open element = new Open(name);
        if (childOfMeta) {
            project |= PROJECT.equals(name);
            task |= TASK.equals(name);
            job |= JOB.equals(name);
        }
        switch (name) {
            case LABEL -> {
                element.builds = new LabelDraft(parser.line());
                labelsOpen++;
            }
            case ATTRIBUTE -> {
                if (labelsOpen > 0) {
                    element.builds = new AttributeDraft(parser.line());
                }
            }
            case ORIGINAL_SIZE -> element.builds = new SizeDraft(parser.line());
            default -> {
            }
        }
        open.push(element);
    }

    private void text() {
        Open element = open.peek();
        if (element != null && !element.hasChild) {
            if (element.text.length() + parser.textLength() > limits.maxTextLength()) {
                throw parser.at("text of <" + element.name + "> longer than " + limits.maxTextLength() + " characters");
            }
            element.text.append(parser.textCharacters(), parser.textStart(), parser.textLength());
        }
    }

    private void end(Open element) {
        Object parent = open.isEmpty() ? null : open.peek().builds;
        String text = element.text.toString();
        switch (element.name) {
            case NAME -> {
                if (parent instanceof LabelDraft l && l.name == null) {
                    l.name = text;
                } else if (parent instanceof AttributeDraft a && a.name == null) {
                    a.name = text;
                }
            }
            case MUTABLE, INPUT_TYPE, DEFAULT_VALUE, VALUES -> {
                if (parent instanceof AttributeDraft a) {
                    declare(a, element.name, text);
                }
            }
            case WIDTH, HEIGHT -> {
                if (parent instanceof SizeDraft s) {
                    if (WIDTH.equals(element.name) && s.width == null) {
                        s.width = text;
                    } else if (HEIGHT.equals(element.name) && s.height == null) {
                        s.height = text;
                    }
                }
            }
            case SUBSET -> subsets.add(text);
            default -> {
            }
        }
        if (element.builds instanceof LabelDraft l) {
            labelsOpen--;
            addLabel(l);
        } else if (element.builds instanceof AttributeDraft a) {
            addAttribute(a);
        } else if (element.builds instanceof SizeDraft s) {
            addOriginalSize(s);
        }
    }

    private static void declare(AttributeDraft a, String field, String text) {
        switch (field) {
            case MUTABLE -> a.mutable = a.mutable == null ? text : a.mutable;
            case INPUT_TYPE -> a.inputType = a.inputType == null ? text : a.inputType;
            case DEFAULT_VALUE -> a.defaultValue = a.defaultValue == null ? text : a.defaultValue;
            default -> a.values = a.values == null ? text : a.values;
        }
    }

    private void addAttribute(AttributeDraft a) {
        LabelDraft owner = null;
        for (Open o : open) {
            if (o.builds instanceof LabelDraft l) {
                owner = l;
                break;
            }
        }
        if (a.name == null) {
            throw DatasetExceptions.atLine(parser.file(), a.line, "an <attribute> declaration has no <name>");
        }
        if (a.inputType == null) {
            throw DatasetExceptions.atLine(parser.file(), a.line, "attribute '" + a.name + "' has no <input_type>");
        }
        boolean mutable = a.mutable == null || !(a.mutable.strip().equalsIgnoreCase("false") || a.mutable.strip().equals("0"));
        // CVAT separates allowed values by newlines; splitting and joining on them gives back the same text
        List<String> values = a.values == null || a.values.isEmpty() ? List.of() : Arrays.asList(a.values.split("\n", -1));
        owner.attributes.add(new AttributeSpec(a.name, mutable, a.inputType, a.defaultValue, values));
        attributeTypes.put(a.name, a.inputType);
    }

    private void addLabel(LabelDraft l) {
        if (l.name == null) {
            throw DatasetExceptions.atLine(parser.file(), l.line, "a <label> has no <name>");
        }
        if (l.name.isEmpty()) {
            throw DatasetExceptions.atLine(parser.file(), l.line, "a <label> has an empty <name>");
        }
        // A repeated name keeps its first position and takes the attributes of its last declaration.
        List<AttributeSpec> unique = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (AttributeSpec a : l.attributes) {
            if (seen.add(a.name())) {
                unique.add(a);
            } else {
                unique.replaceAll(old -> old.name().equals(a.name()) ? a : old);
            }
        }
        labels.put(l.name, new LabelCategory(l.name, "", unique));
    }

    private void addOriginalSize(SizeDraft s) {
        if (s.width == null || s.height == null) {
            throw DatasetExceptions.atLine(parser.file(), s.line, "<original_size> needs <width> and <height>");
        }
        ImageSize size;
        try {
            long w = PythonNumbers.parseInt(s.width);
            long h = PythonNumbers.parseInt(s.height);
            if (w <= 0 || h <= 0 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            size = new ImageSize((int) w, (int) h);
        } catch (NumberFormatException e) {
            throw DatasetExceptions.atLine(parser.file(), s.line,
                    "<original_size> " + s.width + "x" + s.height + " is not a positive integer size");
        }
        // A project of several videos repeats <original_size>; only one size can be given to its frames.
        if (originalSize != null && !originalSize.equals(size)) {
            throw DatasetExceptions.atLine(parser.file(), s.line, "<original_size> " + size.width() + "x"
                    + size.height() + " differs from the one at line " + originalSizeLine + " ("
                    + originalSize.width() + "x" + originalSize.height() + "); a CVAT file can have only one frame size");
        }
        originalSize = size;
        originalSizeLine = s.line;
    }

    /** The meta data read up to {@code </meta>}; what is missing from it is reported there. */
    private CvatMeta finish() {
        CvatMeta.Kind kind;
        if (project) {
            kind = CvatMeta.Kind.PROJECT;
            if (subsets.isEmpty()) {
                throw parser.at("a CVAT project file must name its subsets in <subset> elements");
            }
        } else if (task) {
            kind = CvatMeta.Kind.TASK;
        } else if (job) {
            kind = CvatMeta.Kind.JOB;
        } else {
            throw parser.at("a CVAT XML file must have a <task>, <job> or <project> element in its <meta>");
        }
        return new CvatMeta(kind, List.copyOf(labels.values()), Map.copyOf(attributeTypes), originalSize,
                List.copyOf(subsets));
    }
}
