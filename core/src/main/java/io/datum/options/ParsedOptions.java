package io.datum.options;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link OptionParser#parse}: options by their key (the first long name without
 * its dashes, e.g. {@code save-media}; or the short name without its dash), positionals by name,
 * and everything after {@code --}.
 */
public final class ParsedOptions {
    private final Map<String, String> values;
    private final Map<String, List<String>> repeated;
    private final Map<String, List<String>> positionals;
    private final List<String> extra;

    ParsedOptions(Map<String, String> values, Map<String, List<String>> positionals, List<String> extra) {
        this(values, Map.of(), positionals, extra);
    }

    ParsedOptions(Map<String, String> values, Map<String, List<String>> repeated, Map<String, List<String>> positionals,
                  List<String> extra) {
        this.values = Collections.unmodifiableMap(values);
        this.repeated = Collections.unmodifiableMap(repeated);
        this.positionals = Collections.unmodifiableMap(positionals);
        this.extra = List.copyOf(extra);
    }

    /** No options at all (for callers that bypass a command line). */
    public static ParsedOptions none() {
        return new ParsedOptions(Map.of(), Map.of(), List.of());
    }

    /** Options given programmatically: flag keys map to "true", value keys to their value. */
    public static ParsedOptions of(Map<String, String> values) {
        return new ParsedOptions(values, Map.of(), List.of());
    }

    /** True when the flag was given. */
    public boolean flag(String key) {
        return "true".equals(values.get(key));
    }

    /** The option's value, or null when absent (and without default). */
    public String value(String key) {
        return values.get(key);
    }

    public String value(String key, String fallback) {
        String v = values.get(key);
        return v == null ? fallback : v;
    }

    /**
     * Every value of an option declared with {@link OptionParser#repeated}, in the order given;
     * empty when it was not given.
     *
     * @since 1.1
     */
    public List<String> values(String key) {
        List<String> v = repeated.get(key);
        return v == null ? List.of() : List.copyOf(v);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** A positional argument, or null when it was optional and not given. */
    public String positional(String name) {
        List<String> v = positionals.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** All values of a repeated positional. */
    public List<String> positionals(String name) {
        List<String> v = positionals.get(name);
        return v == null ? List.of() : v;
    }

    /** The arguments after the first {@code --}, for a format's own parser. */
    public List<String> extra() {
        return extra;
    }

    public Map<String, String> values() {
        return values;
    }

    @Override
    public String toString() {
        return values + " " + positionals + (extra.isEmpty() ? "" : " -- " + extra);
    }
}
