package io.datum.spi;

/** How sure a detector is, with the reference tool's levels; only the highest level found wins. */
public enum Confidence {
    NONE(1), EXTREME_LOW(5), LOW(10), MEDIUM(20);

    private final int level;

    Confidence(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }
}
