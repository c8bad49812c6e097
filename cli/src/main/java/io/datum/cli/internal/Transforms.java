package io.datum.cli.internal;

import io.datum.api.Dataset;
import io.datum.options.ParsedOptions;
import java.util.List;

/** The transforms a verb puts on its pipeline, from its options. */
final class Transforms {
    /** One transform with its own options, as the API takes it. */
    record Step(String name, List<String> options) {
    }

    private Transforms() {
    }

    /**
     * The {@code filter} step of {@code -e/--filter} and {@code --filter-mode}: with an expression,
     * or with only a mode other than the default, which the transform checks (as the reference
     * does) and then passes every item through; none otherwise.
     */
    static List<Step> filterSteps(ParsedOptions o) {
        String expression = o.value("filter");
        String mode = o.value("filter-mode");
        if (expression != null) {
            return List.of(new Step("filter", List.of("-e", expression, "-m", mode)));
        }
        return mode.equals("items") ? List.of() : List.of(new Step("filter", List.of("-m", mode)));
    }

    /** {@code dataset} with every step added in order. */
    static Dataset applyAll(Dataset dataset, List<Step> steps) {
        Dataset staged = dataset;
        for (Step step : steps) {
            staged = staged.transform(step.name(), step.options());
        }
        return staged;
    }
}
