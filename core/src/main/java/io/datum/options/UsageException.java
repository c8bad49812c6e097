package io.datum.options;

/**
 * A command line that does not parse. Shown as the parser's usage followed by
 * {@code prog: error: message}, with exit code 2, as argparse does.
 */
public class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String usage;
    private final String prog;

    public UsageException(String prog, String usage, String message) {
        super(message);
        this.prog = prog;
        this.usage = usage;
    }

    /** The {@code usage: ...} lines. */
    public String usage() {
        return usage;
    }

    public String prog() {
        return prog;
    }

    /** The whole text argparse prints to stderr. */
    public String display() {
        return usage + "\n" + prog + ": error: " + getMessage();
    }
}
