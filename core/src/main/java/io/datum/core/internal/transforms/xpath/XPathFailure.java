package io.datum.core.internal.transforms.xpath;

/** An expression that cannot be compiled, or an evaluation that cannot go on (a number where a node-set must be). */
public final class XPathFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public XPathFailure(String message) {
        super(message);
    }
}
