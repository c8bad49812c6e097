package io.datum.cvat.internal.xml;

import io.datum.spi.DatasetException;
import io.datum.text.PythonNumbers;
import javax.xml.stream.XMLStreamConstants;

/**
 * The parser events the CVAT readers consume, from one XML file: elements with their attributes
 * and text, nothing else (comments, processing instructions and the declaration are skipped; a
 * DOCTYPE or an entity is an error). Two implementations: {@link Utf8XmlScanner} for UTF-8 files
 * (every CVAT export), {@link SafeXml.Parser} over Aalto's StAX parser for other encodings and,
 * when {@link XmlLimits#utf8Parser()} says so, for UTF-8 files too.
 */
public interface XmlCursor extends AutoCloseable {
    int START_ELEMENT = XMLStreamConstants.START_ELEMENT;
    int END_ELEMENT = XMLStreamConstants.END_ELEMENT;
    int CHARACTERS = XMLStreamConstants.CHARACTERS;
    int END_DOCUMENT = XMLStreamConstants.END_DOCUMENT;

    /** Moves to the next event: {@link #START_ELEMENT}, {@link #END_ELEMENT}, {@link #CHARACTERS} or {@link #END_DOCUMENT}. */
    int next();

    /**
     * The current element's name (at a start or end): its local name, or {@code {uri}name} when it
     * is in a namespace, which matches no CVAT name.
     */
    String name();

    /** The value of the current start element's attribute of that local name, or null. */
    default String attribute(String localName) {
        int i = attributeIndex(localName);
        return i < 0 ? null : attributeValue(i);
    }

    /** Where the current start element's attribute of that local name is among its attributes, or -1. */
    int attributeIndex(String localName);

    /** The value of the current start element's attribute at {@code index} (from {@link #attributeIndex}). */
    String attributeValue(int index);

    /**
     * The number {@code names} gives the value of the current start element's attribute of that
     * local name: {@link NameTable#UNKNOWN} when it is none of the names, {@link NameTable#ABSENT}
     * when there is no such attribute.
     */
    default int lookUp(String localName, NameTable names) {
        int i = attributeIndex(localName);
        return i < 0 ? NameTable.ABSENT : names.find(attributeValue(i));
    }

    /**
     * The attribute at {@code index} read as Python's {@code float()} reads its text; a scanner
     * can read it without making the String.
     *
     * @throws NumberFormatException when Python would raise ValueError
     */
    default double realValue(int index) {
        return PythonNumbers.parseFloat(attributeValue(index));
    }

    /**
     * The attribute at {@code index} read as Python's {@code int()} reads its text.
     *
     * @throws NumberFormatException when Python would raise ValueError, or the value does not fit a long
     */
    default long integerValue(int index) {
        return PythonNumbers.parseInt(attributeValue(index));
    }

    /** The current text event's characters: {@code textLength()} of them from {@code textStart()}. */
    char[] textCharacters();

    int textStart();

    int textLength();

    /** The current text event as a String. */
    default String text() {
        return new String(textCharacters(), textStart(), textLength());
    }

    /** Element nesting at the current event: 1 at the root's start, 0 after its end. */
    int depth();

    /** How errors name the file. */
    String file();

    long line();

    long column();

    /** An error at the current position. */
    default DatasetException at(String problem) {
        return DatasetException.at(file(), line(), column(), problem);
    }

    @Override
    void close();
}
