package io.datum.examples;

import io.datum.api.Datum;
import io.datum.spi.DatasetSource;
import java.io.IOException;
import java.nio.file.Path;

// Python: dataset = dm.Dataset.import_from('<path/to/dataset>', 'open_images')
//         dataset.export('save_dir', 'cvat', save_media=True)
public final class ConvertOpenImagesToCvat {
    public static void convert(Path openImagesDir, Path saveDir) throws IOException {
        Datum datum = Datum.onClassPath();  // in OSGi: @Reference Datum datum;
        try (DatasetSource dataset = datum.importFrom(openImagesDir, "open_images")) {
            datum.export(dataset, saveDir, "cvat", "--save-media");
        }
    }
}
