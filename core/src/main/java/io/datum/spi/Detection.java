package io.datum.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a detector says about a directory: a match with a confidence, or a rejection with the
 * requirements that were not met (shown by {@code datum detect --show-rejections}).
 */
public record Detection(Confidence confidence, String message) {
    public static Detection match(Confidence confidence) {
        return new Detection(Objects.requireNonNull(confidence), "");
    }

    /** Rejected because none of the alternatives held (each one line, e.g. a file pattern). */
    public static Detection noneMet(List<String> requirements) {
        return new Detection(null, "None of the following requirements were met:\n  "
                + String.join("\n  ", requirements));
    }

    /** Rejected because one requirement did not hold. */
    public static Detection notMet(String requirement) {
        return new Detection(null, "The following requirement was not met:\n  " + requirement);
    }

    public boolean matched() {
        return confidence != null;
    }
}
