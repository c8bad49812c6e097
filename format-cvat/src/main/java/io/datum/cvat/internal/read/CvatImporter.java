package io.datum.cvat.internal.read;

import io.datum.collections.LongHashSet;
import io.datum.cvat.internal.CvatConfig;
import io.datum.cvat.internal.CvatNames;
import io.datum.cvat.internal.xml.SafeXml;
import io.datum.cvat.internal.xml.XmlLimits;
import io.datum.cvat.internal.xml.XmlSources;
import io.datum.files.FolderPaths;
import io.datum.model.AttributeSpec;
import io.datum.model.Categories;
import io.datum.model.LabelCategories;
import io.datum.model.LabelCategory;
import io.datum.options.OptionParser;
import io.datum.options.ParsedOptions;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetFormat;
import io.datum.spi.DatasetImporter;
import io.datum.spi.DatasetSource;
import io.datum.spi.JobContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Opens a CVAT dataset: a folder with one or more CVAT XML files (task, job or project exports)
 * and their {@code images/}, or one XML file. Each file's meta is read here and its frame order
 * found (see {@link CvatFile#scan}); items are read, streaming and checked, by each pass.
 */
@Component(service = DatasetImporter.class, configurationPid = CvatConfig.PID)
@Designate(ocd = CvatConfig.class)
@DatasetFormat(name = CvatNames.FORMAT, extensions = CvatNames.XML_EXTENSION,
        description = "CVAT for images 1.1 / for video (XML)")
public class CvatImporter implements DatasetImporter {
    /** Records a pass holds before it spills to disk while regrouping a video's tracks by frame. */
    public static final int MAX_RECORDS_IN_MEMORY = 100_000;
    /** The import option that picks the parser of UTF-8 files for one run. */
    static final String XML_READER_OPTION = "xml-reader";
    /** The system property that picks the parser of UTF-8 files when neither the option nor the configuration does. */
    public static final String READER_PROPERTY = "datum.cvat.xml";

    private final XmlLimits limits;
    private final int maxInMemory;
    private final long chunkBytes;

    public CvatImporter() {
        this(XmlLimits.DEFAULT, MAX_RECORDS_IN_MEMORY);
    }

    /** As configured: a configuration value that is not positive is an error naming it. */
    @Activate
    public CvatImporter(CvatConfig config) {
        this(limitsOf(config), positive("max_records_in_memory", config.max_records_in_memory()));
    }

    static XmlLimits limitsOf(CvatConfig config) {
        SafeXml.Utf8Parser reader = null; // unset: the system property decides when a dataset is opened
        if (!config.xml_reader().isBlank()) {
            try {
                reader = SafeXml.Utf8Parser.named(config.xml_reader());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("CVAT importer configuration: xml_reader " + e.getMessage(), e);
            }
        }
        return new XmlLimits(positive("max_depth", config.max_depth()),
                positive("max_attribute_length", config.max_attribute_length()),
                positive("max_text_length", config.max_text_length()),
                positive("max_mask_pixels", config.max_mask_pixels()), reader);
    }

    private static <N extends Number> N positive(String name, N value) {
        if (value.longValue() <= 0) {
            throw new IllegalArgumentException("CVAT importer configuration: " + name + " must be positive, not " + value);
        }
        return value;
    }

    CvatImporter(XmlLimits limits, int maxInMemory) {
        this(limits, maxInMemory, CvatFile.CHUNK_BYTES);
    }

    /** @param chunkBytes how far apart a large file is cut to be read by several threads (tests cut small files) */
    CvatImporter(XmlLimits limits, int maxInMemory, long chunkBytes) {
        this.limits = limits;
        this.maxInMemory = maxInMemory;
        this.chunkBytes = chunkBytes;
    }

    @Override
    public OptionParser options() {
        return OptionParser.named(CvatNames.FORMAT)
                .value(List.of("--" + XML_READER_OPTION), "READER", "The parser of UTF-8 files: scanner or library "
                        + "(default: the configuration's xml.reader, else scanner)");
    }

    @Override
    public DatasetSource open(Path path, ParsedOptions options, JobContext context) throws IOException {
        XmlLimits limits = this.limits;
        String reader = options.value(XML_READER_OPTION);
        if (reader != null) {
            limits = limits.withUtf8Parser(parser("--" + XML_READER_OPTION, reader));
        } else if (limits.utf8Parser() == null) {
            limits = limits.withUtf8Parser(parser(READER_PROPERTY, System.getProperty(READER_PROPERTY, "scanner")));
        }
        Path root;
        List<Path> xmlFiles;
        if (Files.isRegularFile(path)) {
            if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(CvatNames.XML_EXTENSION)) {
                throw new DatasetException("Failed to find dataset 'cvat' at '" + path + "': not an .xml file");
            }
            root = path.toAbsolutePath().getParent();
            xmlFiles = List.of(path.toAbsolutePath());
        } else if (Files.isDirectory(path)) {
            root = path;
            xmlFiles = XmlSources.find(path);
            if (xmlFiles.isEmpty()) {
                throw new DatasetException("Failed to find dataset 'cvat' at '" + path + "': no *.xml file in it or "
                        + (XmlSources.MAX_DEPTH - 1) + " levels below");
            }
        } else {
            throw new DatasetException("Failed to find dataset 'cvat' at '" + path + "': no such file or folder");
        }
        FolderPaths inputPaths = FolderPaths.forReading(root);
        List<CvatFile> files = new ArrayList<>();
        Map<String, LongHashSet> repeatedIds;
        try (ItemIds ids = new ItemIds(context.tempDir())) {
            for (Path xml : xmlFiles) {
                context.debug("cvat: reading " + xml);
                inputPaths.check(xml);
                files.add(CvatFile.scan(xml, XmlSources.shownName(root, xml), limits, chunkBytes, context.workers(), ids));
            }
            repeatedIds = ids.repeated();
        }
        return new CvatSource(files, merged(files), limits, context, maxInMemory, inputPaths, repeatedIds);
    }

    private static SafeXml.Utf8Parser parser(String source, String name) {
        try {
            return SafeXml.Utf8Parser.named(name);
        } catch (IllegalArgumentException e) {
            throw new DatasetException(source + ": " + e.getMessage());
        }
    }

    /** The labels of all files, by name, in order of first appearance; a label's first declaration wins. */
    private static Categories merged(List<CvatFile> files) {
        Map<String, LabelCategory> labels = new LinkedHashMap<>();
        for (CvatFile f : files) {
            for (LabelCategory l : f.meta().labels()) {
                labels.putIfAbsent(l.name(), l);
            }
        }
        return new Categories(new LabelCategories(List.copyOf(labels.values()),
                List.of(AttributeSpec.named(CvatNames.OCCLUDED))));
    }
}
