package io.datum.core.internal.transforms;

import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import io.datum.spi.transform.DatasetTransform;
import io.datum.spi.transform.TransformName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * {@code random_split}: puts every item into one of the {@code -s name:ratio} subsets (default
 * {@code train:.67}, {@code test:.33}), whatever subset it was in. The subset is picked by a hash
 * of the seed and the item id, not by shuffling the whole dataset: so the split streams, gives
 * the same answer on every pass and every run, and an item keeps its subset when others are
 * added or removed. The sizes therefore match the ratios closely on large datasets, not exactly
 * on small ones. Items with the same id in different subsets end up in the same new subset.
 */
@Component
@TransformName(name = RandomSplit.NAME, description = "Splits the items into subsets by ratio, by a hash of their ids")
public class RandomSplit implements DatasetTransform {
    public static final String NAME = "random_split";
    private static final double SUM_TOLERANCE = 1e-7;

    @Override
    public OptionParser options() {
        return OptionParser.named(NAME)
                .description("Joins all subsets into one and splits the result into few parts. Each item goes to "
                        + "the subset a hash of the seed and its id picks, with the given ratios.")
                .repeated(List.of("-s", "--subset"), "SPLITS", "Subsets in the form: '<subset>:<ratio>' (repeatable; "
                        + "default: train:.67, test:.33)")
                .value(List.of("--seed"), "SEED", "Random seed (default: 0)", "0");
    }

    @Override
    public DatasetSource apply(DatasetSource source, ParsedOptions options, JobContext context) {
        List<String> given = options.values("subset");
        List<String> splits = given.isEmpty() ? List.of("train:.67", "test:.33") : given;
        List<String> names = new ArrayList<>();
        double[] bounds = new double[splits.size()];
        double total = 0;
        for (int i = 0; i < splits.size(); i++) {
            String split = splits.get(i);
            int colon = split.lastIndexOf(':');
            double ratio;
            try {
                ratio = colon > 0 ? Double.parseDouble(split.substring(colon + 1)) : Double.NaN;
            } catch (NumberFormatException e) {
                ratio = Double.NaN;
            }
            if (!(ratio >= 0 && ratio <= 1)) {
                throw options().error("argument -s/--subset: invalid value: '" + split
                        + "' (expected '<subset>:<ratio>' with a ratio in [0; 1])");
            }
            names.add(split.substring(0, colon));
            total += ratio;
            bounds[i] = total;
        }
        if (Math.abs(total - 1.0) > SUM_TOLERANCE) {
            throw options().error("argument -s/--subset: sum of ratios is expected to be 1, got " + total);
        }
        long seed = options().intValue("--seed", options.value("seed"));
        return ItemStage.mapping(source, item -> item.withSubset(names.get(pick(bounds, unitHash(seed, item.id())))),
                ItemStage.Counts.SAME_TOTAL);
    }

    /** The first split whose cumulative bound lies above {@code u}; the last one takes rounding leftovers. */
    private static int pick(double[] bounds, double u) {
        for (int i = 0; i < bounds.length - 1; i++) {
            if (u < bounds[i]) {
                return i;
            }
        }
        return bounds.length - 1;
    }

    /**
     * A number in [0, 1) fixed by the seed and the id, spread evenly: FNV-1a over the id's UTF-8
     * bytes started from the seed, then the SplitMix64 finaliser so that ids differing in one
     * character land far apart.
     */
    static double unitHash(long seed, String id) {
        long h = 0xcbf29ce484222325L ^ (seed * 0x9E3779B97F4A7C15L);
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return (h >>> 11) * 0x1.0p-53;
    }
}
