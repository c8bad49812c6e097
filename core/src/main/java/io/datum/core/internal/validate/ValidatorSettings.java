package io.datum.core.internal.validate;

import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import java.util.List;
import java.util.Locale;

/**
 * The task and the thresholds of a validation, with Datumaro's option names and defaults: the
 * options given after {@code --} to {@code datum validate}.
 *
 * @param fewSamples    a label or attribute value with at most this many annotations has few samples
 * @param imbalanceRatio labels (or attribute values) are imbalanced when the most frequent has at
 *                      least this many times the annotations of the least frequent
 * @param farFromMean   k: a value outside mean ± k·stdev is far from the mean
 * @param dominanceRatio a histogram is uneven when its top-k bins hold at least this share
 * @param topkBins      the share of the histogram's bins that are its top-k
 */
public record ValidatorSettings(Task task, long fewSamples, long imbalanceRatio, double farFromMean,
                                double dominanceRatio, double topkBins) {
    /** The task types, in Datumaro's order. */
    public enum Task {
        CLASSIFICATION("label"), DETECTION("bounding box"), SEGMENTATION("mask or polygon or ellipse");

        /** How the reports name the annotations the task looks at. */
        final String annotationName;

        Task(String annotationName) {
            this.annotationName = annotationName;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static String names() {
            return String.join(", ", io.datum.api.ValidationReport.TASKS);
        }
    }

    /** The task named {@code name} (any case), or null. */
    public static Task task(String name) {
        for (Task t : Task.values()) {
            if (t.id().equalsIgnoreCase(name)) {
                return t;
            }
        }
        return null;
    }

    /** Datumaro's message for a task name that is none of the tasks. */
    public static String unknownTask(String name) {
        return "Unknown task type " + name + ". Expected one of: " + Task.names();
    }

    public static OptionParser parser(Task task) {
        return OptionParser.named(task.id() + " validator")
                .description("Thresholds of the " + task.id() + " validator.")
                .value(List.of("-fs", "--few-samples-thr"), "FEW_SAMPLES_THR", "Threshold for giving a warning for "
                        + "minimum number of samples per class (default: 1)", "1")
                .value(List.of("-ir", "--imbalance-ratio-thr"), "IMBALANCE_RATIO_THR", "Threshold for giving data "
                        + "imbalance warning. IR(imbalance ratio) = majority/minority (default: 50)", "50")
                .value(List.of("-m", "--far-from-mean-thr"), "FAR_FROM_MEAN_THR", "Threshold for giving a warning "
                        + "that data is far from mean. A constant used to define mean +/- k * standard deviation "
                        + "(default: 5.0)", "5.0")
                .value(List.of("-dr", "--dominance-ratio-thr"), "DOMINANCE_RATIO_THR", "Threshold for giving a "
                        + "warning for bounding box imbalance. Dominace_ratio = ratio of Top-k bin to total in "
                        + "histogram (default: 0.8)", "0.8")
                .value(List.of("-k", "--topk-bins"), "TOPK_BINS", "Ratio of bins with the highest number of data to "
                        + "total bins in the histogram. A value in the range [0, 1] (default: 0.1)", "0.1");
    }

    /** The settings from the validator's options (usage errors name the option and the value). */
    public static ValidatorSettings of(Task task, List<String> options) {
        OptionParser parser = parser(task);
        ParsedOptions o = parser.parse(options);
        return new ValidatorSettings(task,
                parser.intValue("-fs/--few-samples-thr", o.value("few-samples-thr")),
                parser.intValue("-ir/--imbalance-ratio-thr", o.value("imbalance-ratio-thr")),
                parser.floatValue("-m/--far-from-mean-thr", o.value("far-from-mean-thr")),
                parser.floatValue("-dr/--dominance-ratio-thr", o.value("dominance-ratio-thr")),
                parser.floatValue("-k/--topk-bins", o.value("topk-bins")));
    }
}
