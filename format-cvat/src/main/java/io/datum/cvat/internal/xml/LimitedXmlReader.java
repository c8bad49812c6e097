package io.datum.cvat.internal.xml;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Counts the length of attribute values and text runs while the characters stream to the XML
 * parser, and stops the read once one exceeds its limit. The parser keeps a whole attribute value
 * in memory before it reports it, so the check has to happen below it. The lexical states are
 * only as fine as the limits need: a malformed document may be mis-tokenised here, but then the
 * parser rejects it anyway.
 */
final class LimitedXmlReader extends FilterReader {
    /** A limit was hit; carries the position so that the message can point at it. */
    static final class LimitExceeded extends IOException {
        private static final long serialVersionUID = 1L;
        final long line;
        final long column;

        LimitExceeded(long line, long column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private enum State { TEXT, LT, BANG, COMMENT_OPEN, COMMENT, PI, CDATA, TAG, ATTRIBUTE }

    private final XmlLimits limits;
    private State state = State.TEXT;
    private char quote;
    private long run;
    private char prev1;
    private char prev2;
    private long line = 1;
    private long column;

    LimitedXmlReader(Reader in, XmlLimits limits) {
        super(in);
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            scan((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        int end = off + n;
        int i = off;
        while (i < end) {
            if (state == State.TEXT || state == State.ATTRIBUTE) {
                // Most characters only lengthen a text run or attribute value: skip them in one
                // loop, without the per-character state machine.
                char stop = state == State.TEXT ? '<' : quote;
                int from = i;
                while (i < end && buf[i] != stop && buf[i] != '\n') {
                    i++;
                }
                lengthen(i - from, state == State.TEXT ? limits.maxTextLength() : limits.maxAttributeLength(),
                        state == State.TEXT ? "text" : "attribute value");
                if (i == end) {
                    break;
                }
            }
            scan(buf[i++]);
        }
        return n;
    }

    private void scan(char c) throws LimitExceeded {
        if (c == '\n') {
            line++;
            column = 0;
        } else {
            column++;
        }
        switch (state) {
            case TEXT -> {
                if (c == '<') {
                    state = State.LT;
                } else {
                    count(limits.maxTextLength(), "text");
                }
            }
            case LT -> state = c == '!' ? State.BANG : c == '?' ? startRun(State.PI) : State.TAG;
            case BANG -> state = c == '-' ? State.COMMENT_OPEN : c == '[' ? startRun(State.CDATA) : State.TAG;
            case COMMENT_OPEN -> state = startRun(State.COMMENT);
            case COMMENT -> endsWith(c, '-', '-', "comment");
            case PI -> endsWith(c, '?', '?', "processing instruction");
            case CDATA -> endsWith(c, ']', ']', "CDATA section");
            case TAG -> {
                if (c == '"' || c == '\'') {
                    quote = c;
                    state = startRun(State.ATTRIBUTE);
                } else if (c == '>') {
                    state = startRun(State.TEXT);
                }
            }
            case ATTRIBUTE -> {
                if (c == quote) {
                    state = State.TAG;
                } else {
                    count(limits.maxAttributeLength(), "attribute value");
                }
            }
        }
        prev2 = prev1;
        prev1 = c;
    }

    private State startRun(State next) {
        run = 0;
        prev1 = 0;
        prev2 = 0;
        return next;
    }

    /** Ends a comment ({@code -->}), PI ({@code ?>}) or CDATA section ({@code ]]>}). */
    private void endsWith(char c, char first, char second, String what) throws LimitExceeded {
        boolean end = c == '>' && prev1 == second && (first == '?' || prev2 == first);
        if (end) {
            state = startRun(State.TEXT);
        } else {
            count(limits.maxTextLength(), what);
        }
    }

    /** {@code count} characters of the current run, none of them a line break. */
    private void lengthen(int count, long limit, String what) throws LimitExceeded {
        if (count == 0) {
            return;
        }
        if (run + count > limit) {
            // point at the first character beyond the limit, as the character-wise scan does
            column += limit + 1 - run;
            throw new LimitExceeded(line, column, what + " longer than " + limit + " characters (limit of the CVAT reader)");
        }
        run += count;
        column += count;
    }

    private void count(long limit, String what) throws LimitExceeded {
        if (++run > limit) {
            throw new LimitExceeded(line, column, what + " longer than " + limit + " characters (limit of the CVAT reader)");
        }
    }
}
