package io.datum.cvat.internal.xml;

/**
 * Input limits that keep a hostile or broken XML file from exhausting memory (docs/differences.md, S2, S3).
 * Each is far above what a real CVAT export needs: element nesting is about eight deep, the
 * longest attribute values are mask run-length codes of a few hundred kilobytes.
 *
 * @param maxDepth            element nesting depth
 * @param maxAttributeLength  characters in one XML attribute value
 * @param maxTextLength       characters in one run of text, comment or processing instruction
 * @param maxMaskPixels       pixels of the canvas a mask is decoded into (Pillow's default limit)
 * @param utf8Parser          the parser of UTF-8 files (other encodings are always read by the library);
 *                            null while not chosen yet, which reads them with the scanner
 */
public record XmlLimits(int maxDepth, int maxAttributeLength, int maxTextLength, long maxMaskPixels,
        SafeXml.Utf8Parser utf8Parser) {
    public static final int DEFAULT_MAX_DEPTH = 64;
    /** The default of both {@code maxAttributeLength} and {@code maxTextLength}. */
    public static final int DEFAULT_MAX_VALUE_LENGTH = 16 << 20;
    public static final long DEFAULT_MAX_MASK_PIXELS = 178_956_970L;
    public static final XmlLimits DEFAULT = new XmlLimits(DEFAULT_MAX_DEPTH, DEFAULT_MAX_VALUE_LENGTH,
            DEFAULT_MAX_VALUE_LENGTH, DEFAULT_MAX_MASK_PIXELS);

    /** With the default parser of UTF-8 files, the scanner. */
    public XmlLimits(int maxDepth, int maxAttributeLength, int maxTextLength, long maxMaskPixels) {
        this(maxDepth, maxAttributeLength, maxTextLength, maxMaskPixels, SafeXml.Utf8Parser.SCANNER);
    }

    /** These limits with UTF-8 files read by {@code parser}. */
    public XmlLimits withUtf8Parser(SafeXml.Utf8Parser parser) {
        return new XmlLimits(maxDepth, maxAttributeLength, maxTextLength, maxMaskPixels, parser);
    }
}
