package io.datum.core.internal.transforms.xpath;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an XPath 1.0 expression into tokens, with the specification's rules for telling an
 * operator name or {@code *} from a name test (by the token before) and a function, node type or
 * axis name from a name (by the characters after).
 */
final class XPathLexer {
    enum Type {
        LPAREN, RPAREN, LBRACKET, RBRACKET, DOT, DOTDOT, AT, COMMA, COLONCOLON,
        NAME_TEST, NODE_TYPE, OPERATOR, FUNCTION_NAME, AXIS_NAME, LITERAL, NUMBER, VARIABLE, END
    }

    record Token(Type type, String text) {
    }

    private final String s;
    private int at;
    private final List<Token> tokens = new ArrayList<>();

    private XPathLexer(String expression) {
        this.s = expression;
    }

    static List<Token> tokens(String expression) {
        XPathLexer lexer = new XPathLexer(expression);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            skipSpace();
            if (at >= s.length()) {
                tokens.add(new Token(Type.END, ""));
                return;
            }
            char c = s.charAt(at);
            switch (c) {
                case '(' -> single(Type.LPAREN);
                case ')' -> single(Type.RPAREN);
                case '[' -> single(Type.LBRACKET);
                case ']' -> single(Type.RBRACKET);
                case '@' -> single(Type.AT);
                case ',' -> single(Type.COMMA);
                case '|', '+', '-', '=' -> single(Type.OPERATOR);
                case '"', '\'' -> literal(c);
                case '$' -> variable();
                case '.' -> {
                    if (s.startsWith("..", at)) {
                        add(Type.DOTDOT, "..", 2);
                    } else if (at + 1 < s.length() && isDigit(s.charAt(at + 1))) {
                        number();
                    } else {
                        single(Type.DOT);
                    }
                }
                case ':' -> {
                    if (!s.startsWith("::", at)) {
                        throw new IllegalArgumentException("a lone ':'");
                    }
                    add(Type.COLONCOLON, "::", 2);
                }
                case '/' -> add(Type.OPERATOR, s.startsWith("//", at) ? "//" : "/", s.startsWith("//", at) ? 2 : 1);
                case '!' -> {
                    if (!s.startsWith("!=", at)) {
                        throw new IllegalArgumentException("a lone '!'");
                    }
                    add(Type.OPERATOR, "!=", 2);
                }
                case '<', '>' -> add(Type.OPERATOR, s.startsWith("=", at + 1) ? c + "=" : String.valueOf(c),
                        s.startsWith("=", at + 1) ? 2 : 1);
                case '*' -> add(operatorExpected() ? Type.OPERATOR : Type.NAME_TEST, "*", 1);
                default -> {
                    if (isDigit(c)) {
                        number();
                    } else if (isNameStart(c)) {
                        name();
                    } else {
                        throw new IllegalArgumentException("unexpected '" + c + "'");
                    }
                }
            }
        }
    }

    /** Whether the token before makes {@code *} a multiplication and a name an operator name. */
    private boolean operatorExpected() {
        if (tokens.isEmpty()) {
            return false;
        }
        Token last = tokens.get(tokens.size() - 1);
        return switch (last.type()) {
            case AT, COLONCOLON, LPAREN, LBRACKET, COMMA, OPERATOR -> false;
            default -> true;
        };
    }

    private void name() {
        String first = ncName();
        if (operatorExpected()) {
            if (!(first.equals("and") || first.equals("or") || first.equals("mod") || first.equals("div"))) {
                throw new IllegalArgumentException("an operator expected instead of '" + first + "'");
            }
            tokens.add(new Token(Type.OPERATOR, first));
            return;
        }
        if (at < s.length() && s.charAt(at) == ':' && !s.startsWith("::", at)) {
            // a prefixed name: the item XML has no namespaces, so no prefix is ever bound
            throw new IllegalArgumentException("undefined namespace prefix '" + first + "'");
        }
        int after = at;
        while (after < s.length() && Character.isWhitespace(s.charAt(after))) {
            after++;
        }
        if (s.startsWith("::", after)) {
            tokens.add(new Token(Type.AXIS_NAME, first));
        } else if (after < s.length() && s.charAt(after) == '(') {
            boolean nodeType = first.equals("node") || first.equals("text") || first.equals("comment")
                    || first.equals("processing-instruction");
            tokens.add(new Token(nodeType ? Type.NODE_TYPE : Type.FUNCTION_NAME, first));
        } else {
            tokens.add(new Token(Type.NAME_TEST, first));
        }
    }

    private String ncName() {
        int start = at;
        at++;
        while (at < s.length() && isNameChar(s.charAt(at))) {
            at++;
        }
        return s.substring(start, at);
    }

    private void number() {
        int start = at;
        while (at < s.length() && isDigit(s.charAt(at))) {
            at++;
        }
        if (at < s.length() && s.charAt(at) == '.') {
            at++;
            while (at < s.length() && isDigit(s.charAt(at))) {
                at++;
            }
        }
        tokens.add(new Token(Type.NUMBER, s.substring(start, at)));
    }

    private void literal(char quote) {
        int end = s.indexOf(quote, at + 1);
        if (end < 0) {
            throw new IllegalArgumentException("an unterminated literal");
        }
        tokens.add(new Token(Type.LITERAL, s.substring(at + 1, end)));
        at = end + 1;
    }

    private void variable() {
        at++;
        if (at >= s.length() || !isNameStart(s.charAt(at))) {
            throw new IllegalArgumentException("a '$' without a name");
        }
        tokens.add(new Token(Type.VARIABLE, ncName()));
    }

    private void single(Type type) {
        add(type, String.valueOf(s.charAt(at)), 1);
    }

    private void add(Type type, String text, int length) {
        tokens.add(new Token(type, text));
        at += length;
    }

    private void skipSpace() {
        while (at < s.length() && isSpace(s.charAt(at))) {
            at++;
        }
    }

    /** XPath's white space: space, tab, carriage return, line feed. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return c == '_' || Character.isLetter(c);
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || isDigit(c) || c == '-' || c == '.' || Character.isDigit(c)
                || Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.COMBINING_SPACING_MARK
                || c == '\u00B7';
    }
}
