package io.datum.options;

/** {@code -h}/{@code --help} was given: print {@link #help()} on stdout and exit 0. */
public class HelpRequested extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String help;

    public HelpRequested(String help) {
        super("help requested", null, false, false);
        this.help = help;
    }

    public String help() {
        return help;
    }
}
