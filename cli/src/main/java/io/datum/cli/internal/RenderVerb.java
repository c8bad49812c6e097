package io.datum.cli.internal;

import io.datum.api.RenderRequest;
import io.datum.api.RenderResult;
import io.datum.options.OptionParser;
import io.datum.options.OptionParser.Arity;
import io.datum.options.ParsedOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code datum render}: pictures of the annotations through the API, a PNG per item or contact
 * sheets, into a new folder. Drawing needs no display: the verb runs AWT headless.
 */
final class RenderVerb implements Verb {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})x(\\d{1,5})");

    @Override
    public Object run(String name, List<String> args, Session s) throws IOException {
        OptionParser parser = OptionParser.named("datum render")
                .description("Draws the annotations of a dataset (boxes, masks, polygons, polylines, points, "
                        + "ellipses, labels by display name) on its images, or on a blank canvas of the item's size "
                        + "when an image file is absent: one PNG per item (SUBSET/ID.png) or contact sheets "
                        + "(--grid).")
                .positional("target", Arity.OPTIONAL, "Target dataset revpath: a dataset path[:format], a source "
                        + "name or 'project' (default: project)")
                .required(List.of("-o", "--output-dir"), "DST_DIR", "Output directory")
                .flag("--overwrite", "Overwrite existing files in the save directory")
                .value(List.of("-s", "--subset"), "SUBSET", "Only the items of this subset")
                .repeated(List.of("--ids"), "ID", "Only the items of this id (repeatable)")
                .value(List.of("--max"), "N", "At most N items (default: all)")
                .value(List.of("--grid", "--sheet"), "COLSxROWS", "Contact sheets of COLS x ROWS items instead of a "
                        + "picture per item")
                .value(List.of("--cell"), "WxH", "Size of a sheet's cell in pixels (default: 320x240)", "320x240")
                .value(List.of("--alpha"), "ALPHA", "Opacity of masks, 0 to 1 (default: 0.5)", "0.5")
                .value(List.of("--max-pixels"), "N", "Largest picture decoded or drawn, in pixels (default: "
                        + RenderRequest.DEFAULT_MAX_PIXELS + ")", Long.toString(RenderRequest.DEFAULT_MAX_PIXELS))
                .flag("--bitmap-font", "Draw text with the built-in bitmap font (the same pictures on every machine) "
                        + "rather than a system font")
                .value(List.of("-p", "--project"), "PROJECT_DIR", "Directory of the project to operate on (default: "
                        + "current dir)");
        ParsedOptions o = parser.parse(args);
        int[] grid = o.value("grid") == null ? new int[] {0, 0} : size(parser, "--grid", o.value("grid"), 1);
        int[] cell = size(parser, "--cell", o.value("cell"), 16);
        long max = o.value("max") == null ? -1 : positive(parser, "--max", o.value("max"));
        long maxPixels = positive(parser, "--max-pixels", o.value("max-pixels"));
        double alpha;
        try {
            alpha = Double.parseDouble(o.value("alpha"));
        } catch (NumberFormatException e) {
            alpha = Double.NaN;
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw parser.error("argument --alpha: expected a number from 0 to 1: '" + o.value("alpha") + "'");
        }
        String shownOutput = o.value("output-dir");
        RenderRequest request = new RenderRequest(s.path(shownOutput), o.flag("overwrite"), shownOutput,
                o.value("subset"), o.values("ids"), max, grid[0], grid[1], cell[0], cell[1], alpha, maxPixels,
                o.flag("bitmap-font"));
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        CliJobContext listener = new CliJobContext(s.log(), null);
        RenderResult result;
        try {
            result = s.datum().open(DatasetTargets.resolve(o.positional("target"), o.value("project"), s), listener)
                    .render(request);
        } finally {
            listener.flushWarnings();
        }
        s.log().info("Rendered " + result.items() + " items into " + result.pictures() + " pictures in '"
                + shownOutput + "'" + (result.blank() > 0 ? " (" + result.blank() + " on a blank canvas)" : ""));
        return result;
    }

    private static int[] size(OptionParser parser, String option, String value, int least) {
        Matcher m = SIZE.matcher(value);
        if (!m.matches() || Integer.parseInt(m.group(1)) < least || Integer.parseInt(m.group(2)) < least) {
            throw parser.error("argument " + option + ": expected two numbers of at least " + least + " as AxB: '"
                    + value + "'");
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    private static long positive(OptionParser parser, String option, String value) {
        try {
            long n = Long.parseLong(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw parser.error("argument " + option + ": expected a positive whole number: '" + value + "'");
    }
}
