package io.datum.core.internal.transforms.xpath;

import io.datum.core.internal.transforms.xpath.XPathFunctions.Context;
import io.datum.core.internal.transforms.xpath.XPathLexer.Token;
import io.datum.core.internal.transforms.xpath.XPathLexer.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * XPath 1.0's grammar, by recursive descent, into a tree of {@link Expr} closures that evaluate
 * themselves. Variables and namespace prefixes are refused: the filter binds none.
 */
final class XPathParser {
    /** A compiled expression or part of one. */
    interface Expr {
        Object eval(Context c);
    }

    /** One location step: its axis, node test and predicates. */
    private record Step(XPathAxis axis, XPathNodeTest test, List<Expr> predicates) {
    }

    private final List<Token> tokens;
    private int at;

    private XPathParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Expr parse(String expression) {
        List<Token> tokens;
        try {
            tokens = XPathLexer.tokens(expression);
        } catch (IllegalArgumentException e) {
            throw new XPathFailure(e.getMessage());
        }
        XPathParser p = new XPathParser(tokens);
        Expr e = p.or();
        if (p.peek().type() != Type.END) {
            throw new XPathFailure("unexpected '" + p.peek().text() + "'");
        }
        return e;
    }

    private Token peek() {
        return tokens.get(at);
    }

    private boolean isOperator(String text) {
        Token t = peek();
        return t.type() == Type.OPERATOR && t.text().equals(text);
    }

    private Token expect(Type type) {
        Token t = peek();
        if (t.type() != type) {
            throw new XPathFailure(t.type() == Type.END ? "unexpected end of the expression"
                    : "unexpected '" + t.text() + "'");
        }
        at++;
        return t;
    }

    private Expr or() {
        Expr left = and();
        while (isOperator("or")) {
            at++;
            Expr l = left;
            Expr r = and();
            left = c -> XPathValues.bool(l.eval(c)) || XPathValues.bool(r.eval(c));
        }
        return left;
    }

    private Expr and() {
        Expr left = equality();
        while (isOperator("and")) {
            at++;
            Expr l = left;
            Expr r = equality();
            left = c -> XPathValues.bool(l.eval(c)) && XPathValues.bool(r.eval(c));
        }
        return left;
    }

    private Expr equality() {
        Expr left = relational();
        while (isOperator("=") || isOperator("!=")) {
            left = comparison(left, tokens.get(at++).text(), relational());
        }
        return left;
    }

    private Expr relational() {
        Expr left = additive();
        while (isOperator("<") || isOperator("<=") || isOperator(">") || isOperator(">=")) {
            left = comparison(left, tokens.get(at++).text(), additive());
        }
        return left;
    }

    private static Expr comparison(Expr l, String op, Expr r) {
        return c -> XPathValues.compare(op, l.eval(c), r.eval(c));
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (isOperator("+") || isOperator("-")) {
            boolean plus = tokens.get(at++).text().equals("+");
            Expr l = left;
            Expr r = multiplicative();
            left = plus ? c -> XPathValues.number(l.eval(c)) + XPathValues.number(r.eval(c))
                    : c -> XPathValues.number(l.eval(c)) - XPathValues.number(r.eval(c));
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (isOperator("*") || isOperator("div") || isOperator("mod")) {
            String op = tokens.get(at++).text();
            Expr l = left;
            Expr r = unary();
            left = switch (op) {
                case "*" -> c -> XPathValues.number(l.eval(c)) * XPathValues.number(r.eval(c));
                case "div" -> c -> XPathValues.number(l.eval(c)) / XPathValues.number(r.eval(c));
                default -> c -> XPathValues.number(l.eval(c)) % XPathValues.number(r.eval(c));
            };
        }
        return left;
    }

    private Expr unary() {
        if (isOperator("-")) {
            at++;
            Expr operand = unary();
            return c -> -XPathValues.number(operand.eval(c));
        }
        return union();
    }

    private Expr union() {
        Expr left = path();
        while (isOperator("|")) {
            at++;
            Expr l = left;
            Expr r = path();
            left = c -> XPathValues.union(XPathValues.nodes(l.eval(c)), XPathValues.nodes(r.eval(c)));
        }
        return left;
    }

    private Expr path() {
        Type t = peek().type();
        if (t == Type.LITERAL || t == Type.NUMBER || t == Type.VARIABLE || t == Type.LPAREN || t == Type.FUNCTION_NAME) {
            Expr filter = filter();
            if (isOperator("/") || isOperator("//")) {
                List<Step> steps = new ArrayList<>();
                if (tokens.get(at++).text().equals("//")) {
                    steps.add(descendantOrSelf());
                }
                relativePath(steps);
                return c -> walk(XPathValues.nodes(filter.eval(c)), steps);
            }
            return filter;
        }
        boolean absolute = isOperator("/") || isOperator("//");
        List<Step> steps = new ArrayList<>();
        if (absolute) {
            boolean deep = tokens.get(at++).text().equals("//");
            if (deep) {
                steps.add(descendantOrSelf());
                relativePath(steps);
            } else if (startsStep()) {
                relativePath(steps);
            }
            return c -> walk(List.of(root(c.node())), steps);
        }
        relativePath(steps);
        return c -> walk(List.of(c.node()), steps);
    }

    private static XmlNode root(XmlNode n) {
        XmlNode r = n;
        while (r.parent != null) {
            r = r.parent;
        }
        return r;
    }

    private boolean startsStep() {
        return switch (peek().type()) {
            case DOT, DOTDOT, AT, AXIS_NAME, NAME_TEST, NODE_TYPE -> true;
            default -> false;
        };
    }

    private static Step descendantOrSelf() {
        return new Step(XPathAxis.DESCENDANT_OR_SELF, XPathNodeTest.ANY_NODE, List.of());
    }

    private void relativePath(List<Step> steps) {
        steps.add(step());
        while (isOperator("/") || isOperator("//")) {
            if (tokens.get(at++).text().equals("//")) {
                steps.add(descendantOrSelf());
            }
            steps.add(step());
        }
    }

    private Step step() {
        Token t = peek();
        if (t.type() == Type.DOT) {
            at++;
            return new Step(XPathAxis.SELF, XPathNodeTest.ANY_NODE, List.of());
        }
        if (t.type() == Type.DOTDOT) {
            at++;
            return new Step(XPathAxis.PARENT, XPathNodeTest.ANY_NODE, List.of());
        }
        XPathAxis axis = XPathAxis.CHILD;
        if (t.type() == Type.AT) {
            at++;
            axis = XPathAxis.ATTRIBUTE;
        } else if (t.type() == Type.AXIS_NAME) {
            at++;
            axis = XPathAxis.named(t.text());
            expect(Type.COLONCOLON);
        }
        XPathNodeTest test = nodeTest(axis);
        List<Expr> predicates = new ArrayList<>();
        while (peek().type() == Type.LBRACKET) {
            predicates.add(predicate());
        }
        return new Step(axis, test, predicates);
    }

    private XPathNodeTest nodeTest(XPathAxis axis) {
        Token t = peek();
        if (t.type() == Type.NAME_TEST) {
            at++;
            if (axis == XPathAxis.ATTRIBUTE || axis == XPathAxis.NAMESPACE) {
                return new XPathNodeTest(XPathNodeTest.Kind.NOTHING, null);
            }
            return t.text().equals("*") ? new XPathNodeTest(XPathNodeTest.Kind.ANY_ELEMENT, null)
                    : new XPathNodeTest(XPathNodeTest.Kind.NAME, t.text());
        }
        if (t.type() == Type.NODE_TYPE) {
            at++;
            expect(Type.LPAREN);
            if (t.text().equals("processing-instruction") && peek().type() == Type.LITERAL) {
                at++;
            }
            expect(Type.RPAREN);
            return switch (t.text()) {
                case "node" -> XPathNodeTest.ANY_NODE;
                case "text" -> new XPathNodeTest(XPathNodeTest.Kind.TEXT, null);
                default -> new XPathNodeTest(XPathNodeTest.Kind.NOTHING, null);
            };
        }
        throw new XPathFailure(t.type() == Type.END ? "a node test expected at the end" : "unexpected '" + t.text() + "'");
    }

    private Expr predicate() {
        expect(Type.LBRACKET);
        Expr e = or();
        expect(Type.RBRACKET);
        return e;
    }

    private Expr filter() {
        Expr primary = primary();
        List<Expr> predicates = new ArrayList<>();
        while (peek().type() == Type.LBRACKET) {
            predicates.add(predicate());
        }
        if (predicates.isEmpty()) {
            return primary;
        }
        return c -> {
            List<XmlNode> nodes = XPathValues.nodes(primary.eval(c));
            for (Expr p : predicates) {
                nodes = select(nodes, p);
            }
            return nodes;
        };
    }

    private Expr primary() {
        Token t = tokens.get(at++);
        switch (t.type()) {
            case LITERAL:
                String literal = t.text();
                return c -> literal;
            case NUMBER:
                Double number = Double.valueOf(t.text());
                return c -> number;
            case VARIABLE:
                throw new XPathFailure("undefined variable $" + t.text());
            case LPAREN: {
                Expr e = or();
                expect(Type.RPAREN);
                return e;
            }
            default: {
                String name = t.text();
                expect(Type.LPAREN);
                List<Expr> args = new ArrayList<>();
                if (peek().type() != Type.RPAREN) {
                    args.add(or());
                    while (peek().type() == Type.COMMA) {
                        at++;
                        args.add(or());
                    }
                }
                expect(Type.RPAREN);
                XPathFunctions.check(name, args.size());
                Expr[] a = args.toArray(new Expr[0]);
                return c -> {
                    Object[] values = new Object[a.length];
                    for (int i = 0; i < a.length; i++) {
                        values[i] = a[i].eval(c);
                    }
                    return XPathFunctions.call(name, c, values);
                };
            }
        }
    }

    /** The nodes each step leads to from the nodes before it, in document order. */
    private static List<XmlNode> walk(List<XmlNode> start, List<Step> steps) {
        List<XmlNode> current = start;
        for (Step s : steps) {
            List<XmlNode> next = new ArrayList<>();
            for (XmlNode n : current) {
                List<XmlNode> found = new ArrayList<>();
                s.axis().collect(n, s.test(), found);
                for (Expr p : s.predicates()) {
                    found = select(found, p);
                }
                if (s.axis().reverse) {
                    for (int i = found.size() - 1; i >= 0; i--) {
                        next.add(found.get(i));
                    }
                } else {
                    next.addAll(found);
                }
            }
            current = current.size() > 1 ? XPathValues.sorted(next) : next;
            if (current.isEmpty()) {
                break;
            }
        }
        return current;
    }

    /** The nodes for which a predicate holds: a number is compared with the position, anything else made boolean. */
    private static List<XmlNode> select(List<XmlNode> nodes, Expr predicate) {
        List<XmlNode> kept = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            Object v = predicate.eval(new Context(nodes.get(i), i + 1, nodes.size()));
            if (v instanceof Double d ? d == i + 1 : XPathValues.bool(v)) {
                kept.add(nodes.get(i));
            }
        }
        return kept;
    }
}
