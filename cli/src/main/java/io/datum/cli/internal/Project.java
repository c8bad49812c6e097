package io.datum.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A project folder: {@code .datumaro/tree/config.yml} in the layout Datumaro v1.4.1 writes
 * (datum-cli.md §6–7), without version control. A source is read from {@code <project>/<name>/}
 * when that folder exists (a copied source, as Datumaro makes them), else from its recorded
 * {@code url} — Datum records the path instead of copying (decisions D14).
 *
 * <p>The file is small YAML of a fixed shape; it is written and read here by hand rather than
 * through a YAML library, which no bundle of the distribution needs otherwise.
 */
final class Project {
    static final String CONFIG = ".datumaro/tree/config.yml";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_/.][A-Za-z0-9_/.+-]*");

    /** A source: its format, where it was imported from, and the path inside that to read ("" for all). */
    record Source(String name, String format, String url, String path) {
        Source(String name, String format, String url) {
            this(name, format, url, "");
        }
    }

    private final Path root;
    private final Map<String, Source> sources;

    private Project(Path root, Map<String, Source> sources) {
        this.root = root;
        this.sources = sources;
    }

    static boolean exists(Path root) {
        return Files.isRegularFile(root.resolve(CONFIG));
    }

    static Project create(Path root) throws IOException {
        Project p = new Project(root, new LinkedHashMap<>());
        Files.createDirectories(root.resolve(".datumaro/cache"));
        Files.createDirectories(root.resolve(".datumaro/tmp"));
        p.save();
        return p;
    }

    static Project open(Path root, String shownName) throws IOException {
        Path config = root.resolve(CONFIG);
        if (!Files.isRegularFile(config)) {
            throw new CliException("Can't find project at '" + shownName + "'");
        }
        Map<String, Source> sources = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(config, StandardCharsets.UTF_8);
        boolean inSources = false;
        String current = null;
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            int indent = line.length() - line.stripLeading().length();
            String text = line.strip();
            if (current != null && (i == lines.size() || indent <= 2)) {
                sources.put(current, new Source(current, fields.getOrDefault("format", ""), fields.getOrDefault("url", ""),
                        fields.getOrDefault("path", "")));
                current = null;
                fields.clear();
            }
            if (i == lines.size() || text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (indent == 0) {
                inSources = text.startsWith("sources:");
                continue;
            }
            if (!inSources) {
                continue;
            }
            int colon = text.indexOf(':');
            if (colon < 0) {
                throw new CliException(config + ":" + (i + 1) + ": cannot read '" + text + "'");
            }
            String key = unquote(text.substring(0, colon).strip());
            String value = unquote(text.substring(colon + 1).strip());
            if (indent == 2) {
                current = key;
            } else if (indent == 4 && current != null) {
                fields.put(key, value);
            }
        }
        return new Project(root, sources);
    }

    Path root() {
        return root;
    }

    List<Source> sources() {
        return new ArrayList<>(sources.values());
    }

    boolean hasSource(String name) {
        return sources.containsKey(name);
    }

    void addSource(Source source) throws IOException {
        sources.put(source.name(), source);
        save();
    }

    void removeSource(String name) throws IOException {
        sources.remove(name);
        save();
    }

    /** Where a source's data is read from. */
    Path dataOf(Source source) {
        Path copied = root.resolve(source.name());
        Path base = Files.isDirectory(copied) ? copied : Path.of(source.url());
        return source.path().isEmpty() || Files.isRegularFile(base) ? base : base.resolve(source.path());
    }

    private void save() throws IOException {
        StringBuilder y = new StringBuilder("build_targets:\n  project:\n    stages:\n");
        y.append(stage("project"));
        for (Source s : sources.values()) {
            y.append("  ").append(quote(s.name())).append(":\n    parents: []\n    stages:\n").append(stage("source"));
        }
        y.append("format_version: 2\n");
        if (sources.isEmpty()) {
            y.append("sources: {}\n");
        } else {
            y.append("sources:\n");
            for (Source s : sources.values()) {
                y.append("  ").append(quote(s.name())).append(":\n")
                        .append("    format: ").append(quote(s.format())).append('\n')
                        .append("    hash: ''\n    options: {}\n")
                        .append("    path: ").append(s.path().isEmpty() ? "''" : quote(s.path())).append('\n')
                        .append("    url: ").append(quote(s.url())).append('\n');
            }
        }
        Path config = root.resolve(CONFIG);
        Files.createDirectories(config.getParent());
        Path tmp = config.resolveSibling("config.yml.tmp");
        Files.writeString(tmp, y.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, config, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String stage(String type) {
        return "    - hash: ''\n      kind: ''\n      name: root\n      params: {}\n      type: " + type + "\n";
    }

    static String quote(String s) {
        return PLAIN.matcher(s).matches() ? s : "'" + s.replace("'", "''") + "'";
    }

    static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
            return s.substring(1, s.length() - 1).replace("''", "'");
        }
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return s;
    }
}
