package io.datum.spi;

/**
 * Bad input or a failed job, with the place it was found: the file (as the user knows it: a name
 * relative to the dataset), the line and column when known, and what is wrong. The message a user
 * sees is {@code file:line: what} — one line, no stack trace (decisions D12). Unchecked, because
 * items stream through iterators.
 */
public class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final long column;
    private final String problem;

    public DatasetException(String file, long line, long column, String problem, Throwable cause) {
        super(format(file, line, column, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public DatasetException(String problem) {
        this(null, -1, -1, problem, null);
    }

    public DatasetException(String problem, Throwable cause) {
        this(null, -1, -1, problem, cause);
    }

    /** A problem in a file, at a line (-1 when the whole file is meant). */
    public static DatasetException at(String file, long line, String problem) {
        return new DatasetException(file, line, -1, problem, null);
    }

    /** A problem at a line and column of a file (XML). */
    public static DatasetException at(String file, long line, long column, String problem) {
        return new DatasetException(file, line, column, problem, null);
    }

    /** The file named in the message, or null. */
    public String file() {
        return file;
    }

    /** The 1-based line, or -1. */
    public long line() {
        return line;
    }

    public long column() {
        return column;
    }

    /** The message without its location. */
    public String problem() {
        return problem;
    }

    private static String format(String file, long line, long column, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) {
                    sb.append(':').append(column);
                }
            }
            sb.append(": ");
        }
        return sb.append(problem).toString();
    }
}
