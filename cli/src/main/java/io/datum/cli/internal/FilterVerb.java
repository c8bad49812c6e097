package io.datum.cli.internal;

import io.datum.options.OptionParser;
import io.datum.options.OptionParser.Arity;
import io.datum.options.ParsedOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code datum filter}: the items (or annotations) of one dataset that an XPath expression selects,
 * written in the dataset's own format into a new folder — the {@code filter} transform with the
 * verb's options, then, with {@code --remove-unused-labels}, the {@code remove_unused_labels}
 * transform (the reference keeps every declared label).
 */
final class FilterVerb implements Verb {
    @Override
    public Object run(String name, List<String> args, Session s) throws IOException {
        OptionParser parser = OptionParser.named("datum " + name)
                .description("Extracts a subdataset that contains only items matching filter, written in the "
                        + "dataset's format into a new directory. The XPath 1.0 expression is evaluated on the XML "
                        + "of each item ('<item><id>..</id><subset>..</subset><annotation>..</annotation></item>').")
                .positional("target", Arity.OPTIONAL, "Target dataset revpath: a dataset path[:format], a source "
                        + "name or 'project' (default: project)")
                .value(List.of("-e", "--filter"), "FILTER", "XML XPath filter expression for dataset items")
                .value(List.of("-m", "--mode"), "MODE", "Filter mode (options: items, annotations, "
                        + "items+annotations; or i, a, i+a; default: items)", "items")
                .flag("--remove-empty", "With mode 'annotations', also remove the items left without annotations "
                        + "(the same as mode 'items+annotations')")
                .flag("--remove-unused-labels", "Declare only the labels that the kept annotations use, and their "
                        + "ancestors (reads the dataset once more)");
        TransformVerb.addInOwnFormatOptions(parser);
        ParsedOptions o = parser.parse(args);
        String expression = o.value("filter");
        if (expression == null) {
            throw new CliException("Expected a filter expression ('-e' argument)");
        }
        List<String> filterOptions = new ArrayList<>(List.of("-e", expression, "-m", o.value("mode")));
        if (o.flag("remove-empty")) {
            filterOptions.add("--remove-empty");
        }
        // checked now, so that a bad mode or expression fails before anything is read
        s.registry().requireTransform("filter").options().parse(filterOptions);
        List<Transforms.Step> steps = new ArrayList<>(List.of(new Transforms.Step("filter", filterOptions)));
        if (o.flag("remove-unused-labels")) {
            steps.add(new Transforms.Step("remove_unused_labels", List.of()));
        }
        return TransformVerb.inOwnFormat(parser, o, steps, s, "Filtering...");
    }
}
