package io.datum.options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small argparse work-alike: the parser behind every {@code datum} verb and every format's
 * options after {@code --}, so both answer the way Datumaro users know (datum-cli.md §2.5–2.6):
 * long options may be shortened to a unique prefix, {@code --name=value} works, underscores are
 * accepted for dashes (decisions D16), {@code -h}/{@code --help} asks for help, and errors read
 * {@code prog: error: ...} after the usage line. Options must be declared before parsing; a parser
 * is not thread-safe while being built, and immutable in use.
 */
public final class OptionParser {
    private static final int WIDTH = 78;
    private static final int MAX_HELP_POSITION = 24;

    private final String prog;
    private String description = "";
    private String epilog = "";
    private final List<Option> options = new ArrayList<>();
    private final List<Positional> positionals = new ArrayList<>();
    private boolean takesExtra;
    private String extraMetavar = "EXTRA_ARGS";

    private record Option(List<String> names, String key, String metavar, boolean takesValue, boolean required,
                          String help, String defaultValue, boolean repeated) {
        Option(List<String> names, String key, String metavar, boolean takesValue, boolean required, String help,
               String defaultValue) {
            this(names, key, metavar, takesValue, required, help, defaultValue, false);
        }

        String invocation() {
            StringBuilder sb = new StringBuilder();
            for (String n : names) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                sb.append(n);
                if (takesValue) {
                    sb.append(' ').append(metavar);
                }
            }
            return sb.toString();
        }

        String usagePart() {
            String first = names.get(0);
            String part = takesValue ? first + " " + metavar : first;
            return required ? part : "[" + part + "]";
        }

        String display() {
            return String.join("/", names);
        }
    }

    private record Positional(String name, String help, Arity arity) {
        String usagePart() {
            return switch (arity) {
                case ONE -> name;
                case OPTIONAL -> "[" + name + "]";
                case MANY -> "[" + name + " ...]";
                case AT_LEAST_ONE -> name + " [" + name + " ...]";
            };
        }
    }

    /** How many values a positional takes, argparse's {@code nargs}. */
    public enum Arity { ONE, OPTIONAL, MANY, AT_LEAST_ONE }

    private OptionParser(String prog) {
        this.prog = prog;
    }

    /** A parser for a program or format called {@code prog} (shown in usage and errors). */
    public static OptionParser named(String prog) {
        return new OptionParser(prog);
    }

    public String prog() {
        return prog;
    }

    public OptionParser description(String text) {
        this.description = text;
        return this;
    }

    public OptionParser epilog(String text) {
        this.epilog = text;
        return this;
    }

    /** A switch, e.g. {@code flag("--save-media", "Save media (default: False)")}; also {@code flag("-q", "--quiet", ...)}. */
    public OptionParser flag(String... namesThenHelp) {
        List<String> names = List.of(namesThenHelp).subList(0, namesThenHelp.length - 1);
        options.add(new Option(names, keyOf(names), null, false, false, namesThenHelp[namesThenHelp.length - 1], null));
        return this;
    }

    /** An option with a value, e.g. {@code value(List.of("-o", "--output-dir"), "DST_DIR", "...")}. */
    public OptionParser value(List<String> names, String metavar, String help) {
        options.add(new Option(List.copyOf(names), keyOf(names), metavar, true, false, help, null));
        return this;
    }

    /** An option with a value and a default, applied when the option is absent. */
    public OptionParser value(List<String> names, String metavar, String help, String defaultValue) {
        options.add(new Option(List.copyOf(names), keyOf(names), metavar, true, false, help, defaultValue));
        return this;
    }

    /**
     * An option that may be given several times, each value kept in order (argparse's
     * {@code action="append"}); read them with {@link ParsedOptions#values(String)}.
     *
     * @since 1.1
     */
    public OptionParser repeated(List<String> names, String metavar, String help) {
        options.add(new Option(List.copyOf(names), keyOf(names), metavar, true, false, help, null, true));
        return this;
    }

    /** An option with a value that must be given. */
    public OptionParser required(List<String> names, String metavar, String help) {
        options.add(new Option(List.copyOf(names), keyOf(names), metavar, true, true, help, null));
        return this;
    }

    public OptionParser positional(String name, Arity arity, String help) {
        positionals.add(new Positional(name, help, arity));
        return this;
    }

    /** Accept arguments after {@code --}, handed on unparsed (to a format's own parser). */
    public OptionParser extra(String metavar) {
        this.takesExtra = true;
        this.extraMetavar = metavar;
        return this;
    }

    private static String keyOf(List<String> names) {
        for (String n : names) {
            if (n.startsWith("--")) {
                return n.substring(2);
            }
        }
        return names.get(0).substring(1);
    }

    /**
     * Parses {@code args}.
     *
     * @throws HelpRequested when {@code -h} or {@code --help} is among the options
     * @throws UsageException for anything argparse would refuse
     */
    public ParsedOptions parse(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<String>> repeatedValues = new LinkedHashMap<>();
        Map<String, List<String>> pos = new LinkedHashMap<>();
        List<String> loose = new ArrayList<>();
        List<String> unrecognized = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                if (takesExtra) {
                    extra.addAll(args.subList(i + 1, args.size()));
                } else {
                    // argparse drops a lone "--" and treats the rest as positionals
                    loose.addAll(args.subList(i + 1, args.size()));
                }
                break;
            }
            if (arg.length() > 1 && arg.startsWith("-") && !isNegativeNumber(arg)) {
                if (arg.equals("-h") || arg.equals("--help") || (arg.startsWith("--h") && "--help".startsWith(arg)
                        && findLong(arg, false) == null)) {
                    throw new HelpRequested(help());
                }
                String name = arg;
                String inline = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    inline = arg.substring(eq + 1);
                }
                Option opt = find(name);
                if (opt == null) {
                    unrecognized.add(arg);
                    continue;
                }
                if (opt.takesValue) {
                    String v = inline;
                    if (v == null) {
                        if (i + 1 >= args.size() || (args.get(i + 1).startsWith("-") && args.get(i + 1).length() > 1
                                && !isNegativeNumber(args.get(i + 1)))) {
                            throw error("argument " + opt.display() + ": expected one argument");
                        }
                        v = args.get(++i);
                    }
                    values.put(opt.key, v);
                    if (opt.repeated) {
                        repeatedValues.computeIfAbsent(opt.key, k -> new ArrayList<>()).add(v);
                    }
                } else {
                    if (inline != null) {
                        throw error("argument " + opt.display() + ": ignored explicit argument '" + inline + "'");
                    }
                    values.put(opt.key, "true");
                }
            } else {
                loose.add(arg);
            }
        }
        int next = 0;
        List<String> missing = new ArrayList<>();
        for (Option o : options) {
            if (o.required && !values.containsKey(o.key)) {
                missing.add(o.display());
            }
        }
        for (Positional p : positionals) {
            List<String> taken = new ArrayList<>();
            switch (p.arity) {
                case ONE -> {
                    if (next < loose.size()) {
                        taken.add(loose.get(next++));
                    } else {
                        missing.add(p.name);
                    }
                }
                case OPTIONAL -> {
                    if (next < loose.size()) {
                        taken.add(loose.get(next++));
                    }
                }
                case MANY, AT_LEAST_ONE -> {
                    while (next < loose.size()) {
                        taken.add(loose.get(next++));
                    }
                    if (p.arity == Arity.AT_LEAST_ONE && taken.isEmpty()) {
                        missing.add(p.name);
                    }
                }
            }
            pos.put(p.name, taken);
        }
        if (!missing.isEmpty()) {
            throw error("the following arguments are required: " + String.join(", ", missing));
        }
        unrecognized.addAll(loose.subList(next, loose.size()));
        if (!unrecognized.isEmpty()) {
            throw error("unrecognized arguments: " + String.join(" ", unrecognized));
        }
        for (Option o : options) {
            if (o.defaultValue != null && !values.containsKey(o.key)) {
                values.put(o.key, o.defaultValue);
            }
        }
        return new ParsedOptions(values, repeatedValues, pos, extra);
    }

    private static boolean isNegativeNumber(String arg) {
        return arg.matches("-\\d+(\\.\\d*)?|-\\.\\d+");
    }

    private Option find(String name) {
        for (Option o : options) {
            if (o.names.contains(name)) {
                return o;
            }
        }
        if (name.startsWith("--")) {
            return findLong(name, true);
        }
        return null;
    }

    /** Exact match after underscores become dashes, else a unique prefix. */
    private Option findLong(String name, boolean complain) {
        String dashed = "--" + name.substring(2).replace('_', '-');
        List<Option> hits = new ArrayList<>();
        List<String> hitNames = new ArrayList<>();
        for (Option o : options) {
            for (String n : o.names) {
                if (n.equals(dashed)) {
                    return o;
                }
            }
        }
        for (Option o : options) {
            for (String n : o.names) {
                if (n.startsWith("--") && n.startsWith(dashed)) {
                    hits.add(o);
                    hitNames.add(n);
                }
            }
        }
        if (hits.size() == 1) {
            return hits.get(0);
        }
        if (hits.size() > 1 && complain) {
            throw error("ambiguous option: " + name + " could match " + String.join(", ", hitNames));
        }
        return null;
    }

    /**
     * {@code text}, the value of {@code option}, read as argparse's {@code type=int} reads it: a
     * whole number with an optional sign, blanks around it allowed. Anything else is this parser's
     * usage error {@code argument OPTION: invalid int value: 'TEXT'}.
     *
     * @since 1.2
     */
    public long intValue(String option, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw error("argument " + option + ": invalid int value: '" + text + "'");
        }
    }

    /**
     * {@code text}, the value of {@code option}, read as argparse's {@code type=float} reads it:
     * a decimal number with an optional exponent, blanks around it allowed. Java's own spellings
     * that Python refuses (a {@code d} or {@code f} suffix, hexadecimal) are refused too. Anything
     * else is this parser's usage error {@code argument OPTION: invalid float value: 'TEXT'}.
     *
     * @since 1.2
     */
    public double floatValue(String option, String text) {
        String number = text.strip();
        try {
            double value = Double.parseDouble(number);
            if (number.matches(".*[dDfFxXpP].*")) {
                throw new NumberFormatException(text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw error("argument " + option + ": invalid float value: '" + text + "'");
        }
    }

    /** A usage error of this parser. */
    public UsageException error(String message) {
        return new UsageException(prog, usage(), message);
    }

    /** The {@code usage: ...} text, wrapped as argparse wraps it. */
    public String usage() {
        List<String> parts = new ArrayList<>();
        parts.add("[-h]");
        for (Option o : options) {
            parts.add(o.usagePart());
        }
        for (Positional p : positionals) {
            parts.add(p.usagePart());
        }
        if (takesExtra) {
            parts.add("[-- " + extraMetavar + "]");
        }
        String prefix = "usage: " + prog + " ";
        StringBuilder sb = new StringBuilder(prefix);
        int lineLength = prefix.length();
        String indent = " ".repeat(prefix.length());
        boolean first = true;
        for (String p : parts) {
            if (!first && lineLength + 1 + p.length() > WIDTH) {
                sb.append('\n').append(indent);
                lineLength = indent.length();
                first = true;
            }
            if (!first) {
                sb.append(' ');
                lineLength++;
            }
            sb.append(p);
            lineLength += p.length();
            first = false;
        }
        return sb.toString();
    }

    /** The full help text: usage, description, positionals, options, epilog. */
    public String help() {
        List<String[]> pos = new ArrayList<>();
        for (Positional p : positionals) {
            pos.add(new String[] {p.name, p.help});
        }
        List<String[]> opts = new ArrayList<>();
        opts.add(new String[] {"-h, --help", "show this help message and exit"});
        for (Option o : options) {
            opts.add(new String[] {o.invocation(), o.help});
        }
        int maxLen = 0;
        for (String[] r : pos) {
            maxLen = Math.max(maxLen, r[0].length() + 2);
        }
        for (String[] r : opts) {
            maxLen = Math.max(maxLen, r[0].length() + 2);
        }
        int helpPosition = Math.min(maxLen + 2, MAX_HELP_POSITION);
        StringBuilder sb = new StringBuilder(usage()).append("\n");
        if (!description.isEmpty()) {
            sb.append('\n').append(description).append('\n');
        }
        if (!pos.isEmpty()) {
            sb.append("\npositional arguments:\n");
            section(sb, pos, helpPosition);
        }
        sb.append("\noptions:\n");
        section(sb, opts, helpPosition);
        if (!epilog.isEmpty()) {
            sb.append('\n').append(epilog).append('\n');
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, List<String[]> rows, int helpPosition) {
        int actionWidth = helpPosition - 2 - 2;
        for (String[] r : rows) {
            List<String> helpLines = wrap(r[1] == null ? "" : r[1], WIDTH - helpPosition);
            if (r[0].length() <= actionWidth) {
                sb.append("  ").append(String.format("%-" + actionWidth + "s", r[0])).append("  ");
                sb.append(helpLines.isEmpty() ? "" : helpLines.get(0)).append('\n');
                helpLines = helpLines.isEmpty() ? helpLines : helpLines.subList(1, helpLines.size());
            } else {
                sb.append("  ").append(r[0]).append('\n');
            }
            for (String l : helpLines) {
                sb.append(" ".repeat(helpPosition)).append(l).append('\n');
            }
        }
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}
