package io.datum.cli.internal;

import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.registry.FormatInfo;
import io.datum.registry.FormatRegistry;
import io.datum.registry.TransformInfo;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code datum formats} and {@code datum transforms}: what the installed bundles provide right now,
 * with the bundle (and version) providing each, and the others that claim the same name.
 */
final class FormatsVerb implements Verb {
    @Override
    public Object run(String name, List<String> args, Session s) {
        boolean transforms = name.equals("transforms");
        ParsedOptions o = OptionParser.named("datum " + name)
                .description(transforms ? "Lists the dataset transforms that the installed bundles provide."
                        : "Lists the dataset formats that the installed format bundles provide.")
                .flag("--names", "Print only the names, one per line")
                .parse(args);
        if (o.flag("names")) {
            // one name a line, for scripts, in the shell too (names = (datum:formats --names))
            (transforms ? s.registry().transforms().stream().map(TransformInfo::name)
                    : s.registry().formats().stream().map(FormatInfo::name)).forEach(s.out()::println);
            return null;
        }
        Installed installed = transforms ? new Installed(List.copyOf(s.registry().transforms()), transformsTable(s.registry()))
                : new Installed(List.copyOf(s.registry().formats()), formatsTable(s.registry()));
        if (!s.returnsObjects()) {
            s.out().print(installed.table());
        }
        return installed;
    }

    /**
     * The formats ({@link FormatInfo}) or transforms ({@link TransformInfo}) installed, with the
     * table {@code datum formats} or {@code datum transforms} prints of them.
     */
    record Installed(List<?> entries, String table) {
    }

    /** The formats as {@code datum formats} prints them. */
    static String formatsTable(FormatRegistry registry) {
        List<FormatInfo> formats = registry.formats();
        StringBuilder out = new StringBuilder();
        int width = Math.max(6, formats.stream().mapToInt(f -> f.name().length()).max().orElse(0));
        out.append(String.format("%-" + width + "s  %-6s  %-6s  %-6s  %s", "FORMAT", "IMPORT", "EXPORT", "DETECT",
                "PROVIDED BY")).append('\n');
        for (FormatInfo f : formats) {
            String others = registry.providers(f.name()).stream().skip(1).map(p -> p.provider() + " " + p.version())
                    .collect(Collectors.joining(", "));
            out.append(String.format("%-" + width + "s  %-6s  %-6s  %-6s  %s %s", f.name(), yes(f.canImport()),
                    yes(f.canExport()), yes(f.canDetect()), f.provider(), f.version()).stripTrailing())
                    .append(others.isEmpty() ? "" : "  (clash: also " + others + ", not used)").append('\n');
        }
        if (formats.isEmpty()) {
            out.append("(no format bundles are installed)\n");
        }
        return out.toString();
    }

    /** The transforms as {@code datum transforms} prints them. */
    static String transformsTable(FormatRegistry registry) {
        List<TransformInfo> transforms = registry.transforms();
        StringBuilder out = new StringBuilder();
        int width = Math.max(9, transforms.stream().mapToInt(t -> t.name().length()).max().orElse(0));
        out.append(String.format("%-" + width + "s  %s", "TRANSFORM", "PROVIDED BY")).append('\n');
        for (TransformInfo t : transforms) {
            String others = registry.transformProviders(t.name()).stream().skip(1)
                    .map(p -> p.provider() + " " + p.version()).collect(Collectors.joining(", "));
            out.append(String.format("%-" + width + "s  %s %s", t.name(), t.provider(), t.version()).stripTrailing())
                    .append(others.isEmpty() ? "" : "  (clash: also " + others + ", not used)").append('\n');
        }
        if (transforms.isEmpty()) {
            out.append("(no transform bundles are installed)\n");
        }
        return out.toString();
    }

    private static String yes(boolean b) {
        return b ? "yes" : "-";
    }
}
