package io.datum.core.internal.transforms;

import io.datum.model.DatasetItem;
import io.datum.spi.DatasetException;

/**
 * The reference's last step of {@code rename}: Python's {@code str.format(item=item)} on the new
 * id, so that a replacement can hold {@code {item.subset}} or {@code {item.id}} (the old id), and
 * doubled braces stand for one. Those two fields are the item's only text attributes; any other
 * field, or a lone brace, is an error.
 */
final class ItemIdFormat {
    private ItemIdFormat() {
    }

    /** {@code text} formatted with {@code item}'s fields; {@link IllegalArgumentException} names what is wrong. */
    static String format(String text, String id, String subset) {
        if (text.indexOf('{') < 0 && text.indexOf('}') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '}') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '}') {
                    sb.append('}');
                    i++;
                    continue;
                }
                throw new IllegalArgumentException("a single '}'");
            }
            if (c != '{') {
                sb.append(c);
                continue;
            }
            if (i + 1 < text.length() && text.charAt(i + 1) == '{') {
                sb.append('{');
                i++;
                continue;
            }
            int close = text.indexOf('}', i);
            if (close < 0) {
                throw new IllegalArgumentException("a single '{'");
            }
            String field = text.substring(i + 1, close);
            switch (field) {
                case "item.id" -> sb.append(id);
                case "item.subset" -> sb.append(subset);
                default -> throw new IllegalArgumentException("the field '{" + field + "}' (only {item.id} and "
                        + "{item.subset} can be used)");
            }
            i = close;
        }
        return sb.toString();
    }

    /** The new id of {@code item} formatted, or an error naming the item. */
    static String format(String newId, DatasetItem item) {
        try {
            return format(newId, item.id(), item.subset());
        } catch (IllegalArgumentException e) {
            throw new DatasetException("rename: the new id '" + newId + "' of item '" + item.id() + "' (subset '"
                    + item.subset() + "') is formatted as a Python format string, which has " + e.getMessage()
                    + "; write a brace as {{ or }}");
        }
    }
}
