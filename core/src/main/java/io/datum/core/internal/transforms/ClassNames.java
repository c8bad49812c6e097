package io.datum.core.internal.transforms;

import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds labels by the name a person gives: the label name itself (an Open Images MID such as
 * {@code /m/0bt9lr}), else the display name ({@code Dog}) without regard to case, which may
 * name several labels. For a name that matches nothing it gives the closest names, to say what
 * was probably meant.
 */
final class ClassNames {
    private static final int MAX_SUGGESTIONS = 5;

    private final LabelCategories labels;
    private final Map<String, List<Integer>> byDisplayName = new HashMap<>();

    ClassNames(LabelCategories labels) {
        this.labels = labels;
        for (int i = 0; i < labels.size(); i++) {
            String display = labels.get(i).displayName();
            if (!display.isEmpty()) {
                byDisplayName.computeIfAbsent(fold(display), k -> new ArrayList<>()).add(i);
            }
        }
    }

    /** The indexes of the labels {@code name} names; empty when it names none. */
    List<Integer> find(String name) {
        var exact = labels.find(name);
        if (exact.isPresent()) {
            return List.of(exact.getAsInt());
        }
        return byDisplayName.getOrDefault(fold(name), List.of());
    }

    /**
     * Up to five labels whose name or display name is close to {@code name}, closest first, each
     * spelled {@code Display (name)} or {@code name}. Close: within an edit distance of a third of
     * the longer spelling (at least 1), or containing the name.
     */
    List<String> closeTo(String name) {
        String wanted = fold(name);
        record Candidate(String spelling, int distance) {
        }
        List<Candidate> close = new ArrayList<>();
        for (LabelCategory c : labels.labels()) {
            int best = Integer.MAX_VALUE;
            for (String s : c.displayName().isEmpty() ? List.of(c.name()) : List.of(c.name(), c.displayName())) {
                String folded = fold(s);
                int d = editDistance(wanted, folded);
                if (d <= Math.max(1, Math.max(wanted.length(), folded.length()) / 3)) {
                    best = Math.min(best, d);
                } else if (!wanted.isEmpty() && folded.contains(wanted)) {
                    best = Math.min(best, folded.length() - wanted.length());
                }
            }
            if (best != Integer.MAX_VALUE) {
                close.add(new Candidate(c.displayName().isEmpty() ? c.name() : c.displayName() + " (" + c.name() + ")",
                        best));
            }
        }
        close.sort(Comparator.comparingInt(Candidate::distance));
        return close.stream().limit(MAX_SUGGESTIONS).map(Candidate::spelling).toList();
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Edit distance counting a swap of two neighbouring letters as one edit ("Dgo" is one from "Dog"). */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
