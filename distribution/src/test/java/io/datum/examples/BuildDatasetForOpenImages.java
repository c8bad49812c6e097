package io.datum.examples;

import io.datum.api.Datum;
import io.datum.model.Categories;
import io.datum.model.DatasetItem;
import io.datum.model.Image;
import io.datum.model.Label;
import io.datum.model.LabelCategories;
import io.datum.spi.DatasetSource;
import io.datum.spi.Datasets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

// Python: dataset = dm.Dataset.from_iterable(
//             [dm.DatasetItem(id='image1', subset='train', media=dm.Image.from_file('image1.jpg'),
//                             annotations=[dm.Label(0), dm.Label(1)])],
//             categories=['/m/0', '/m/1'])
//         dataset.export('./dataset', format='open_images')
public final class BuildDatasetForOpenImages {
    public static void build(Path imageFile, Path saveDir) throws IOException {
        DatasetItem item = new DatasetItem("image1", "train", Image.ofFile(imageFile, null),
                List.of(new Label(0), new Label(1)));
        try (DatasetSource dataset = Datasets.of(new Categories(LabelCategories.ofNames("/m/0", "/m/1")),
                List.of(item))) {
            Datum.onClassPath().export(dataset, saveDir, "open_images");
        }
    }
}
