package io.datum.cli.internal;

import io.datum.api.DatasetInfo;
import io.datum.options.OptionParser;
import io.datum.options.OptionParser.Arity;
import io.datum.options.ParsedOptions;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code datum dinfo}: item counts per subset and the label list, from the API's one-pass {@link DatasetInfo}. */
final class DinfoVerb implements Verb {
    @Override
    public Object run(String name, List<String> args, Session s) throws IOException {
        ParsedOptions o = OptionParser.named("datum " + name)
                .description("Prints dataset overview: lengths, subsets, labels.")
                .flag("--all", "Print all labels, not only the first 10")
                .value(List.of("-p", "--project"), "PROJECT_DIR", "Directory of the project (default: current dir)")
                .positional("revpath", Arity.OPTIONAL, "Target dataset revpath: path[:format], a project or a source "
                        + "name (default: project)")
                .parse(args);
        CliJobContext listener = new CliJobContext(s.log(), null);
        DatasetInfo info;
        try {
            info = s.datum().open(DatasetTargets.resolve(o.positional("revpath"), o.value("project"), s), listener).info();
        } finally {
            listener.flushWarnings();
        }
        if (!s.returnsObjects()) {
            s.out().print(text(info, o.flag("all")));
        }
        return info;
    }

    /**
     * The overview as {@code datum dinfo} prints it: at most 10 label names unless {@code allLabels},
     * each with its display name.
     */
    static String text(DatasetInfo info, boolean allLabels) {
        StringBuilder out = new StringBuilder();
        String kinds = info.labels().isEmpty() ? "" : "label";
        out.append("length: ").append(info.length()).append('\n');
        out.append("categories: ").append(kinds).append('\n');
        List<String> labels = shown(info);
        labels(labels, allLabels, "  ", out);
        out.append("subsets: ").append(String.join(", ", info.subsets().keySet())).append('\n');
        for (Map.Entry<String, Long> subset : info.subsets().entrySet()) {
            out.append("  '").append(subset.getKey()).append("':\n");
            out.append("    length: ").append(subset.getValue()).append('\n');
            out.append("    categories: ").append(kinds).append('\n');
            labels(labels, allLabels, "      ", out);
        }
        return out.toString();
    }

    /**
     * Each label name, followed by its display name in parentheses when it has one that says
     * something more ({@code /m/0bt9lr (Dog)}).
     */
    private static List<String> shown(DatasetInfo info) {
        List<String> shown = new java.util.ArrayList<>(info.labels().size());
        for (int i = 0; i < info.labels().size(); i++) {
            String name = info.labels().get(i);
            String display = info.displayNames().get(i);
            shown.add(display.isEmpty() || display.equals(name) ? name : name + " (" + display + ")");
        }
        return shown;
    }

    private static void labels(List<String> labels, boolean all, String indent, StringBuilder out) {
        if (labels.isEmpty()) {
            return;
        }
        int shown = all ? labels.size() : Math.min(10, labels.size());
        String names = String.join(", ", labels.subList(0, shown));
        if (shown < labels.size()) {
            names += " ... (and " + (labels.size() - shown) + " more)";
        }
        out.append(indent).append("label:\n");
        out.append(indent).append("  count: ").append(labels.size()).append('\n');
        out.append(indent).append("  labels: ").append(names).append('\n');
    }
}
