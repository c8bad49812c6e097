package io.datum.core.internal.transforms;

import io.datum.options.OptionParser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A replacement template in Python's {@code re.sub} syntax: {@code \1}..{@code \99} and
 * {@code \g<n>}/{@code \g<name>} insert a group, {@code \n}, {@code \t}, {@code \r}, {@code \f},
 * {@code \v}, {@code \a} and {@code \\} are the usual characters, another escaped letter is an
 * error, any other escaped character stays as written (backslash included). It is parsed once
 * into literal and group parts, so a replacement never depends on Java's {@code $} syntax.
 */
final class PythonReplacement {
    /** A literal (group null) or a group by number or name. */
    private record Part(String literal, Object group) {
    }

    private final List<Part> parts;

    private PythonReplacement(List<Part> parts) {
        this.parts = parts;
    }

    /** Python's named groups {@code (?P<name>...)} and back-references {@code (?P=name)} in Java's spelling. */
    static String javaPattern(String python) {
        return python.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
    }

    /** The template, checked against the groups of {@code pattern}; an error is a usage error of {@code parser}. */
    static PythonReplacement parse(String template, Pattern pattern, OptionParser parser) {
        int groups = pattern.matcher("").groupCount();
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '\\') {
                literal.append(c);
                continue;
            }
            if (i + 1 >= template.length()) {
                throw parser.error("argument -e/--regex: bad escape (end of pattern) in '" + template + "'");
            }
            char e = template.charAt(++i);
            Object group = null;
            if (Character.isDigit(e) && e != '0') {
                int end = i + 1 < template.length() && Character.isDigit(template.charAt(i + 1)) ? i + 2 : i + 1;
                group = Integer.parseInt(template.substring(i, end));
                i = end - 1;
            } else if (e == 'g') {
                int close = template.indexOf('>', i);
                if (i + 1 >= template.length() || template.charAt(i + 1) != '<' || close < 0) {
                    throw parser.error("argument -e/--regex: missing group name in '\\g' of '" + template + "'");
                }
                String name = template.substring(i + 2, close);
                group = name.matches("\\d+") ? (Object) Integer.parseInt(name) : name;
                i = close;
            } else {
                String character = switch (e) {
                    case 'n' -> "\n";
                    case 't' -> "\t";
                    case 'r' -> "\r";
                    case 'f' -> "\f";
                    case 'v' -> "\u000b";
                    case 'a' -> "\u0007";
                    case '\\' -> "\\";
                    default -> null;
                };
                if (character == null && Character.isLetter(e) && e < 128) {
                    throw parser.error("argument -e/--regex: bad escape \\" + e + " in '" + template + "'");
                }
                literal.append(character != null ? character : "\\" + e);
                continue;
            }
            if (group instanceof Integer n && n > groups) {
                throw parser.error("argument -e/--regex: invalid group reference " + n + " in '" + template + "'");
            }
            if (group instanceof String name && !pattern.pattern().contains("(?<" + name + ">")) {
                throw parser.error("argument -e/--regex: unknown group name '" + name + "' in '" + template + "'");
            }
            if (!literal.isEmpty()) {
                parts.add(new Part(literal.toString(), null));
                literal.setLength(0);
            }
            parts.add(new Part(null, group));
        }
        if (!literal.isEmpty()) {
            parts.add(new Part(literal.toString(), null));
        }
        return new PythonReplacement(parts);
    }

    /** {@code text} with every match of {@code pattern} replaced; a group that did not match inserts nothing. */
    String replaceAll(Pattern pattern, String text) {
        Matcher match = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (match.find()) {
            out.append(text, copied, match.start());
            expand(match, out);
            copied = match.end();
        }
        return out.append(text, copied, text.length()).toString();
    }

    private void expand(Matcher match, StringBuilder out) {
        for (Part p : parts) {
            if (p.group() == null) {
                out.append(p.literal());
                continue;
            }
            String value = p.group() instanceof Integer n ? match.group(n) : match.group((String) p.group());
            if (value != null) {
                out.append(value);
            }
        }
    }
}
