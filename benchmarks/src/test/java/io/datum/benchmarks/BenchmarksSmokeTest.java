package io.datum.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datum.text.PythonNumbers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;

/**
 * Every benchmark method once, on tiny data, outside JMH: the set-ups work, the formats are found
 * on the class path, the synthetic data makes no format warn, and each baseline does the same
 * amount of work as what it is the baseline of. Measures nothing.
 */
class BenchmarksSmokeTest {
    @Test
    void csvParsersSeeTheSameFields() throws IOException {
        OpenImagesCsvParsing b = new OpenImagesCsvParsing();
        b.rows = 200;
        b.generate();
        assertTrue(b.csv.startsWith(SyntheticData.BOX_CSV_HEADER + "\n"));
        assertEquals(b.commonsCsvRecords(), b.readLineAndIndexOfCommas());
    }

    @Test
    void googleCsvContendersReadTheSameValuesOfEveryRow() throws IOException {
        for (String kind : List.of("descriptions", "labels", "boxes", "masks")) {
            GoogleCsvParsers b = new GoogleCsvParsers();
            b.kind = kind;
            b.rows = 300;
            b.setUp(); // fails unless all contenders fold the same values
            try {
                List<String> lines = Files.readAllLines(b.file);
                assertEquals(301, lines.size(), kind);
                int columns = b.fileKind.header.split(",").length;
                assertEquals(columns, lines.get(1).split(",").length, kind + ": the first row has the header's columns");
                GoogleCsvParsers.Read read = new GoogleCsvParsers.Read();
                long datum = b.datumCsvTable(read);
                assertEquals(datum, b.commonsCsv(read));
                assertEquals(datum, b.fastCsvRecords(read));
                assertEquals(datum, b.fastCsvReadColumnsOnly(read));
                assertEquals(4 * 300, read.rows, kind);
            } finally {
                b.tearDown();
            }
        }
    }

    @Test
    void googleShapedDescriptionsQuoteTitlesAndAuthors() {
        String csv = GoogleShapedCsv.file(GoogleShapedCsv.Kind.DESCRIPTIONS, 2000, 17);
        assertTrue(csv.contains("\"Smith, John\""), "an author with a comma is quoted");
        assertTrue(csv.contains("\"my dog \"\"Rex\"\", asleep\""), "quotes in a title are doubled");
        assertTrue(csv.contains("李小龍"), "non-ASCII text");
        String boxes = GoogleShapedCsv.file(GoogleShapedCsv.Kind.BOXES, 2000, 17);
        assertTrue(boxes.contains(",activemil,") && boxes.contains(",-1.000000,-1.000000"), "activemil rows");
        assertTrue(boxes.split("\n")[1].matches("[0-9a-f]{16},(xclick|activemil),/m/0\\w+,1,0\\.\\d{6},.*"), boxes.split("\n")[1]);
    }

    @Test
    void googleCvatContendersReadTheSameValuesOfEveryElement() throws IOException, XMLStreamException {
        GoogleCvatParsers b = new GoogleCvatParsers();
        b.images = 300;
        b.setUp(); // fails unless all contenders fold the same values and the importer reads every annotation
        try {
            String xml = Files.readString(b.xmlFile);
            for (String element : List.of("<image ", "<tag ", "<box ", "<mask ", "<attribute name=\"score\">",
                    "<attribute name=\"is_group_of\">", "<attribute name=\"box_id\">")) {
                assertTrue(xml.contains(element), element);
            }
            assertEquals(xml.split("<[a-z_]+[ >/]", -1).length - 1, b.elements, "every start element counted");
            GoogleCvatParsers.Read read = new GoogleCvatParsers.Read();
            long scanner = b.datumScanner(read);
            assertEquals(scanner, b.datumAaltoWithLimits(read));
            assertEquals(scanner, b.aaltoStax(read));
            assertEquals(scanner, b.woodstoxStax(read));
            assertEquals(b.annotations, b.cvatImporterOpenAndOnePass(read));
            assertEquals(5 * b.elements, read.elements);
            assertOnlyMissingImageWarnings(b.workspace);
        } finally {
            b.tearDown();
        }
    }

    @Test
    void idLookupsFindEveryIdAtItsOrdinal() {
        IdLookup b = new IdLookup();
        b.ids = 5000;
        b.setUp();
        long sorted = Arrays.stream(b.sorted).asLongStream().sum();
        long shuffled = Arrays.stream(b.shuffled).asLongStream().sum();
        assertEquals(sorted, b.idTableSortedWithHint());
        assertEquals(sorted, b.hashMapSorted());
        assertEquals(shuffled, b.idTableShuffled());
        assertEquals(shuffled, b.idTableShuffledInBatches());
        assertEquals(shuffled, b.hashMapShuffled());
    }

    @Test
    void numberParsersAgree() {
        PythonNumbersParsing b = new PythonNumbersParsing();
        assertEquals(b.jdkParseDoubleCoordinates(), b.parseFloatCoordinates());
        assertEquals(b.jdkParseDoublePixels(), b.parseFloatPixels());
    }

    @Test
    void numberSpellingsAgreeWhereTheyShould() {
        PythonNumbersSpelling b = new PythonNumbersSpelling();
        for (double v : b.coordinates) {
            assertEquals(v, Double.parseDouble(PythonNumbers.repr(v)));
        }
        assertEquals(b.jdkBigDecimalHalfEvenPixels(), b.fixed2Pixels());
        assertEquals(b.fixed2Pixels(), b.appendFixed2Pixels());
        assertTrue(b.reprCoordinates() > 0 && b.jdkToStringCoordinates() > 0);
        assertTrue(b.reprRatios() > 0 && b.jdkToStringRatios() > 0 && b.jdkStringFormatPixels() > 0);
        assertTrue(b.strAttributeValues() > 0 && b.jdkStringValueOfAttributeValues() > 0);
    }

    @Test
    void cvatExportWritesEveryItemWithoutWarnings() throws IOException, XMLStreamException {
        CvatExport b = new CvatExport();
        b.items = 20;
        b.setUp();
        try {
            b.newOutputFolder();
            Path out = b.cvatExporterToTempFolder();
            String xml = Files.readString(out.resolve(SyntheticData.SUBSET + ".xml"));
            assertEquals(20, xml.split("<image ", -1).length - 1);
            assertTrue(xml.contains("<attribute name=\"truncated\">"), "declared attributes are written");
            b.deleteOutputFolder();
            long baselineBytes = b.jdkXmlStreamWriterToNullStream();
            assertTrue(Math.abs(baselineBytes - xml.length()) < xml.length() / 10,
                    "the baseline writes about as much: " + baselineBytes + " vs " + xml.length());
            assertOnlyMissingImageWarnings(b.workspace);
        } finally {
            b.tearDown();
        }
        assertTrue(Files.notExists(b.workspace.root));
    }

    @Test
    void cvatImportReadsEveryAnnotation() throws IOException, XMLStreamException {
        CvatImport b = new CvatImport();
        b.items = 20;
        b.setUp();
        try {
            long expected = SyntheticData.annotationCount(SyntheticData.items(20, 2));
            assertEquals(expected, b.cvatImporterOpenAndOnePass());
            assertEquals(expected, b.cvatImporterOnePass());
            assertTrue(b.jdkXmlStreamReaderAllEvents() > 0);
            assertOnlyMissingImageWarnings(b.workspace);
        } finally {
            b.tearDown();
        }
    }

    @Test
    void openImagesImportReadsEveryAnnotation() throws IOException {
        OpenImagesImport b = new OpenImagesImport();
        b.items = 20;
        b.setUp();
        try {
            long expected = SyntheticData.annotationCount(SyntheticData.items(20, 3));
            assertEquals(expected, b.openImagesImporterOpenAndOnePass());
            assertEquals(expected, b.openImagesImporterOnePass());
            assertOnlyMissingImageWarnings(b.workspace);
        } finally {
            b.tearDown();
        }
    }

    /**
     * The synthetic items have no image files, like bench/run's datasets, so importers may warn
     * about missing images; anything else (undeclared attributes, dropped boxes) means the
     * benchmark data is wrong.
     */
    private static void assertOnlyMissingImageWarnings(Workspace workspace) {
        for (String warning : workspace.warnings().keySet()) {
            assertTrue(warning.toLowerCase(Locale.ROOT).contains("image"), "unexpected warning: " + warning);
        }
    }
}
