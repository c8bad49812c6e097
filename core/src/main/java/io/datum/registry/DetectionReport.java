package io.datum.registry;

import java.util.List;
import java.util.Map;

/**
 * The outcome of detection over every registered format: the formats that matched with the
 * highest confidence (sorted by name; several = ambiguous, none = unknown), and for every other
 * format why it was rejected, in registry order.
 */
public record DetectionReport(List<String> detected, Map<String, Rejection> rejected) {
    /** Why a format was not detected: a reason code as the reference reports it, and a message. */
    public record Rejection(String reason, String message) {
        public static final String UNMET_REQUIREMENTS = "unmet_requirements";
        public static final String INSUFFICIENT_CONFIDENCE = "insufficient_confidence";
        public static final String DETECTION_UNSUPPORTED = "detection_unsupported";
    }

    public DetectionReport {
        detected = List.copyOf(detected);
        rejected = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rejected));
    }
}
