package io.datum.core.internal.transforms;

import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import io.datum.spi.transform.DatasetTransform;
import io.datum.spi.transform.TransformName;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.osgi.service.component.annotations.Component;

/**
 * {@code rename}: every match of a regular expression in an item id is replaced
 * ({@code -e '|pattern|replacement|'}, the first character being the separator). Pattern and
 * replacement are written as in Python: {@code (?P<name>...)} groups, and {@code \1} or
 * {@code \g<1>}/{@code \g<name>} in the replacement, which {@link PythonReplacement} turns into
 * the text of the groups. The new id is then formatted as the reference formats it
 * ({@code {item.subset}} and {@code {item.id}}, see {@link ItemIdFormat}).
 */
@Component
@TransformName(name = Rename.NAME, description = "Renames items by a regular expression on their ids")
public class Rename implements DatasetTransform {
    public static final String NAME = "rename";

    @Override
    public OptionParser options() {
        return OptionParser.named(NAME)
                .description("Renames items in the dataset. Supports regular expressions. The first character in "
                        + "the expression is a delimiter for the pattern and replacement parts. Replacement part "
                        + "can also contain groups as \\1 or \\g<1>, and the fields {item.id} and {item.subset}. Example: remove 'frame_' from item ids: "
                        + "-e '|frame_(\\d+)|\\1|'")
                .required(List.of("-e", "--regex"), "REGEX", "Regex for renaming in the form "
                        + "'<sep><search><sep><replacement><sep>'");
    }

    @Override
    public DatasetSource apply(DatasetSource source, ParsedOptions options, JobContext context) {
        String regex = options.value("regex");
        String[] parts = regex.isEmpty() ? new String[0] : regex.split(Pattern.quote(regex.substring(0, 1)), -1);
        if (parts.length < 3) {
            throw options().error("argument -e/--regex: invalid value: '" + regex
                    + "' (expected '<sep><search><sep><replacement><sep>')");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(PythonReplacement.javaPattern(parts[1]));
        } catch (PatternSyntaxException e) {
            throw options().error("argument -e/--regex: invalid pattern '" + parts[1] + "': " + e.getDescription());
        }
        PythonReplacement replacement = PythonReplacement.parse(parts[2], pattern, options());
        try {
            // checked now, so that a bad field fails before anything is read
            ItemIdFormat.format(parts[2], "", "");
        } catch (IllegalArgumentException e) {
            throw options().error("argument -e/--regex: the replacement '" + parts[2] + "' is a Python format "
                    + "string with " + e.getMessage());
        }
        return ItemStage.mapping(source, item -> ItemStage.withId(item,
                ItemIdFormat.format(replacement.replaceAll(pattern, item.id()), item)), ItemStage.Counts.SAME);
    }
}
