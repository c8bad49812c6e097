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
 */
public record XmlLimits(int maxDepth, int maxAttributeLength, int maxTextLength, long maxMaskPixels) {
    public static final XmlLimits DEFAULT = new XmlLimits(64, 16 << 20, 16 << 20, 178_956_970L);
}
