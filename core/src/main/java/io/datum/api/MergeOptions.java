package io.datum.api;

import java.util.List;
import java.util.Objects;

/**
 * The policy of a merge and the settings of the {@code intersect} policy, with Datumaro's
 * defaults: shapes matched from an IoU of 0.25, no score threshold for the output, no quorum, no
 * groups to check. Immutable; each {@code with...} returns a changed copy.
 * <pre>
 * MergeReport report = new MergeReport();
 * datum.merge(inputs, MergeOptions.of(MergePolicy.INTERSECT).withQuorum(2).reportingTo(report), listener)
 *         .export(ExportRequest.of(out, "cvat"));
 * report.write(out.resolve("merge_report.json"));
 * </pre>
 *
 * @param policy               how the datasets are joined
 * @param iouThreshold         intersect: the overlap from which two shapes of different datasets match
 * @param outputConfThreshold  intersect: merged annotations whose {@code score} is below are dropped
 * @param quorum               intersect: the votes a label or attribute value needs to be kept
 * @param groups               intersect: label groups to check, each a list of label names, a name
 *                             ending in {@code ?} being optional in its group
 * @param report               where the errors of a run are collected (null: not collected)
 * @since 1.3
 */
public record MergeOptions(MergePolicy policy, double iouThreshold, double outputConfThreshold, int quorum,
                           List<List<String>> groups, MergeReport report) {
    public static final double DEFAULT_IOU_THRESHOLD = 0.25;

    public MergeOptions {
        Objects.requireNonNull(policy, "policy");
        groups = groups == null ? List.of() : groups.stream().map(List::copyOf).toList();
    }

    /** The policy with the defaults. */
    public static MergeOptions of(MergePolicy policy) {
        return new MergeOptions(policy, DEFAULT_IOU_THRESHOLD, 0.0, 0, List.of(), null);
    }

    public MergeOptions withIouThreshold(double value) {
        return new MergeOptions(policy, value, outputConfThreshold, quorum, groups, report);
    }

    public MergeOptions withOutputConfThreshold(double value) {
        return new MergeOptions(policy, iouThreshold, value, quorum, groups, report);
    }

    public MergeOptions withQuorum(int value) {
        return new MergeOptions(policy, iouThreshold, outputConfThreshold, value, groups, report);
    }

    public MergeOptions withGroups(List<List<String>> value) {
        return new MergeOptions(policy, iouThreshold, outputConfThreshold, quorum, value, report);
    }

    /** The same options with errors collected in {@code value}, which each run empties first. */
    public MergeOptions reportingTo(MergeReport value) {
        return new MergeOptions(policy, iouThreshold, outputConfThreshold, quorum, groups, value);
    }
}
