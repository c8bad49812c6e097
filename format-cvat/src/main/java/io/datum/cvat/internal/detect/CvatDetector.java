package io.datum.cvat.internal.detect;

import io.datum.cvat.internal.CvatNames;
import io.datum.cvat.internal.xml.SafeXml;
import io.datum.cvat.internal.xml.XmlCursor;
import io.datum.cvat.internal.xml.XmlLimits;
import io.datum.cvat.internal.xml.XmlSources;
import io.datum.files.FolderPaths;
import io.datum.spi.Confidence;
import io.datum.spi.DatasetException;
import io.datum.spi.DatasetFormat;
import io.datum.spi.Detection;
import io.datum.spi.FormatDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;

/**
 * Detects a CVAT dataset as Datumaro does: the first {@code *.xml} file of the folder (in name
 * order, docs/differences.md, D7) must have an {@code <annotations>} root element. Reads only up
 * to that element, with the same safe parser as the importer.
 */
@Component(service = FormatDetector.class)
@DatasetFormat(name = CvatNames.FORMAT, extensions = CvatNames.XML_EXTENSION,
        description = "CVAT for images 1.1 / for video (XML)")
public class CvatDetector implements FormatDetector {
    static final String NEEDS_XML = "dataset must contain a file matching pattern \"*" + CvatNames.XML_EXTENSION + "\"";

    @Override
    public Detection detect(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return Detection.notMet(NEEDS_XML);
        }
        Path xml = null;
        for (Path entry : XmlSources.visibleEntries(directory)) {
            if (entry.getFileName().toString().endsWith(CvatNames.XML_EXTENSION) && Files.isRegularFile(entry)) {
                xml = entry;
                break;
            }
        }
        if (xml == null) {
            return Detection.notMet(NEEDS_XML);
        }
        String name = xml.getFileName().toString();
        try {
            FolderPaths.forReading(directory).check(xml);
        } catch (DatasetException e) {
            return Detection.notMet(e.getMessage());
        }
        return hasAnnotationsRoot(xml, name) ? Detection.match(Confidence.MEDIUM)
                : Detection.notMet(name + ": must be an XML file with an \"" + CvatNames.ANNOTATIONS + "\" root element");
    }

    private static boolean hasAnnotationsRoot(Path xml, String name) {
        try (XmlCursor parser = SafeXml.open(xml, name, XmlLimits.DEFAULT)) {
            while (true) {
                int event = parser.next();
                if (event == XmlCursor.START_ELEMENT) {
                    return CvatNames.ANNOTATIONS.equals(parser.name());
                }
                if (event == XmlCursor.END_DOCUMENT) {
                    return false;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
