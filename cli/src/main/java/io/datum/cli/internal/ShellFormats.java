package io.datum.cli.internal;

import io.datum.api.DatasetComparison;
import io.datum.api.DatasetInfo;
import io.datum.api.DatasetStatistics;
import io.datum.api.ExportResult;
import io.datum.api.RenderResult;
import io.datum.registry.DetectionReport;
import io.datum.registry.FormatInfo;
import io.datum.registry.TransformInfo;
import io.datum.text.PythonJson;
import org.apache.felix.service.command.Converter;
import org.osgi.service.component.annotations.Component;

/**
 * How the shell prints what the {@code datum:} commands return: in full ({@link Converter#INSPECT},
 * a command's result at the prompt) as {@code bin/datum} prints it, and on one line in lists and
 * in part. Converts nothing.
 */
@Component(service = Converter.class, property = Converter.CONVERTER_CLASSES + "=io.datum.api.ExportResult,"
        + "io.datum.api.DatasetInfo,io.datum.api.DatasetStatistics,io.datum.registry.DetectionReport,"
        + "io.datum.api.DatasetComparison,io.datum.registry.FormatInfo,io.datum.registry.TransformInfo,io.datum.cli.internal.FormatsVerb$Installed,"
        + "io.datum.cli.internal.ValidateVerb$Validated,io.datum.api.RenderResult")
public class ShellFormats implements Converter {
    @Override
    public Object convert(Class<?> desiredType, Object in) {
        return null;
    }

    @Override
    public CharSequence format(Object target, int level, Converter escape) {
        boolean full = level == INSPECT;
        if (target instanceof ExportResult r) {
            String line = "exported " + WarningSummary.count(r.items()) + " items to " + r.output() + " as " + r.format();
            if (!full) {
                return line;
            }
            StringBuilder out = new StringBuilder(line);
            WarningSummary.lines(r.warnings()).forEach(w -> out.append("\nwarning: ").append(w));
            return out;
        }
        if (target instanceof DetectionReport r) {
            return full ? DetectVerb.text(r, false).stripTrailing()
                    : r.detected().isEmpty() ? "(none)" : String.join(", ", r.detected());
        }
        if (target instanceof DatasetInfo i) {
            return full ? DinfoVerb.text(i, false).stripTrailing()
                    : i.length() + " items, " + i.subsets().size() + " subsets, " + i.labels().size() + " labels";
        }
        if (target instanceof DatasetStatistics s) {
            return full ? PythonJson.dumps(s.values(), 2) : "statistics of " + s.values().size() + " kinds";
        }
        if (target instanceof DatasetComparison c) {
            return full ? CompareVerb.text(c).stripTrailing() : CompareVerb.summary(c);
        }
        if (target instanceof ValidateVerb.Validated v) {
            return full ? v.text().stripTrailing() + "\nreport: " + v.report()
                    : v.errors() + " errors, " + v.warnings() + " warnings";
        }
        if (target instanceof RenderResult r) {
            return "rendered " + r.items() + " items into " + r.pictures() + " pictures in " + r.output()
                    + (r.blank() > 0 ? " (" + r.blank() + " on a blank canvas)" : "");
        }
        if (target instanceof FormatsVerb.Installed i) {
            return full ? i.table().stripTrailing() : i.entries().size() + " installed";
        }
        if (target instanceof FormatInfo f) {
            return f.name() + " (" + f.provider() + " " + f.version() + ")";
        }
        if (target instanceof TransformInfo t) {
            return t.name() + " (" + t.provider() + " " + t.version() + ")";
        }
        return null;
    }
}
