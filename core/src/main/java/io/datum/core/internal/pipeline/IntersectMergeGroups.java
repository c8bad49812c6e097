package io.datum.core.internal.pipeline;

import io.datum.model.Annotation;
import io.datum.model.LabelCategories;
import io.datum.spi.DatasetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Groups in the {@code intersect} merge: how the clusters of an item share new group ids, and the
 * check of the merged groups against the label groups the user defined ({@code -g a,b?,c}, a name
 * ending in {@code ?} optional).
 */
final class IntersectMergeGroups {
    private final LabelCategories merged;
    private final List<Set<String>> groups = new ArrayList<>();
    private final List<Set<String>> optional = new ArrayList<>();

    /** The definitions, every label of which must be one of {@code merged}. */
    IntersectMergeGroups(List<List<String>> definitions, LabelCategories merged) {
        this.merged = merged;
        for (List<String> group : definitions) {
            Set<String> names = new LinkedHashSet<>();
            Set<String> opt = new HashSet<>();
            for (String label : group) {
                String name = label.endsWith("?") ? label.substring(0, label.length() - 1) : label;
                names.add(name);
                if (label.endsWith("?")) {
                    opt.add(name);
                }
                if (merged.find(name).isEmpty()) {
                    throw new DatasetException("Datasets do not contain label '" + name + "', available labels "
                            + MergeText.value(merged.labels().stream().map(l -> l.name()).toList()));
                }
            }
            groups.add(names);
            optional.add(opt);
        }
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }

    /**
     * Clusters joined when their group ids meet, as the reference joins them: each cluster not yet
     * taken gathers the ids of the later clusters that share one (0 included) in one sweep, then
     * takes the later clusters sharing any; sets of only ungrouped annotations are left out. The
     * new group id of a cluster is the place of its set, from 1.
     */
    static <T> List<Set<T>> clusterGroups(List<T> clusters, Function<T, Set<Long>> groupIds) {
        List<Set<T>> result = new ArrayList<>();
        boolean[] visited = new boolean[clusters.size()];
        for (int a = 0; a < clusters.size(); a++) {
            if (visited[a]) {
                continue;
            }
            visited[a] = true;
            Set<T> group = Collections.newSetFromMap(new IdentityHashMap<>());
            group.add(clusters.get(a));
            Set<Long> ids = new HashSet<>(groupIds.apply(clusters.get(a)));
            for (int b = a + 1; b < clusters.size(); b++) {
                Set<Long> other = groupIds.apply(clusters.get(b));
                if (!Collections.disjoint(ids, other)) {
                    ids.addAll(other);
                }
            }
            for (int b = a + 1; b < clusters.size(); b++) {
                if (!Collections.disjoint(ids, groupIds.apply(clusters.get(b)))) {
                    group.add(clusters.get(b));
                    visited[b] = true;
                }
            }
            if (ids.equals(Set.of(0L))) {
                continue;
            }
            result.add(group);
        }
        return result;
    }

    /**
     * The reference's error texts for the merged annotations' groups whose labels break a
     * definition: labels outside it, or required ones missing, while sharing one with it. An
     * ungrouped annotation is checked alone.
     */
    List<String> wrongGroups(String key, List<Annotation> annotations) {
        List<String> errors = new ArrayList<>();
        List<Annotation> sorted = new ArrayList<>(annotations);
        sorted.sort(Comparator.comparingLong(Annotation::group));
        List<List<Annotation>> instances = new ArrayList<>();
        Map<Long, List<Annotation>> byGroup = new LinkedHashMap<>();
        for (Annotation a : sorted) {
            if (a.group() == 0) {
                instances.add(List.of(a));
            } else {
                byGroup.computeIfAbsent(a.group(), g -> {
                    List<Annotation> l = new ArrayList<>();
                    instances.add(l);
                    return l;
                }).add(a);
            }
        }
        for (List<Annotation> instance : instances) {
            Set<String> labels = new LinkedHashSet<>();
            for (Annotation a : instance) {
                String name = a.label() == null ? null : merged.get(a.label()).name();
                if (a.group() != 0) {
                    labels.add(name);
                } else {
                    Set<String> single = new LinkedHashSet<>();
                    single.add(name);
                    check(key, single, List.of(a), errors);
                }
            }
            if (!labels.isEmpty()) {
                check(key, labels, instance, errors);
            }
        }
        return errors;
    }

    private void check(String key, Set<String> labels, List<Annotation> instance, List<String> errors) {
        for (int g = 0; g < groups.size(); g++) {
            Set<String> expected = groups.get(g);
            Set<String> common = new HashSet<>(expected);
            common.retainAll(labels);
            Set<String> missing = new HashSet<>(expected);
            missing.removeAll(common);
            missing.removeAll(optional.get(g));
            Set<String> extra = new HashSet<>(labels);
            extra.removeAll(expected);
            if (!common.isEmpty() && (!extra.isEmpty() || !missing.isEmpty())) {
                errors.add("Item " + key + ": annotation group has wrong labels: found " + MergeText.nameSet(labels)
                        + ", expected " + MergeText.nameSet(expected) + ", group " + MergeText.value(instance));
                break;
            }
        }
    }
}
