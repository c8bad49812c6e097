package io.datum.examples;

import io.datum.api.DatasetListener;
import io.datum.api.Datum;
import io.datum.api.ExportResult;
import java.io.IOException;
import java.nio.file.Path;

// Python: dataset = dm.Dataset.import_from('<path/to/dataset>', 'open_images')
//         dataset.filter('/item[subset="train"]')
//         dataset.transform('remap_labels', mapping={'/m/0bl9f': 'bird'}, default='delete')
//         dataset.export('save_dir', 'cvat')
public final class ConvertTrainSubsetWithNewLabels {
    public static void main(String[] args) throws IOException {
        ExportResult result = convert(Path.of(args[0]), Path.of(args[1]));
        System.out.println(result.items() + " items written to " + result.output());
    }

    public static ExportResult convert(Path openImagesDir, Path saveDir) throws IOException {
        Datum datum = Datum.onClassPath();  // in OSGi: @Reference Datum datum;
        DatasetListener warnings = new DatasetListener() {
            @Override
            public void warn(String kind, String detail, long times) {
                System.err.println("warning: " + kind + (detail.isEmpty() ? "" : ": " + detail) + " (" + times + "x)");
            }
        };
        return datum.open(openImagesDir, "open_images", warnings)          // nothing is read yet
                .filter("/item[subset=\"train\"]")                          // lazy stages
                .transform("remap_labels", "-l", "/m/0bl9f:bird", "--default", "delete")
                .export(saveDir, "cvat");                                   // items stream through here
    }
}
