package io.datum.it.fake;

/**
 * A "third-party" format written against core's exported SPI only ({@code io.datum.spi},
 * {@code io.datum.model}, {@code io.datum.options}): a dataset is a folder with {@value #FILE},
 * one item id per line. Two names: {@value #NAME} reads, writes and detects it;
 * {@value #UPPER_NAME} only writes, upper-casing the ids, so that a conversion between the two
 * shows in the output.
 */
public final class FakeFormat {
    public static final String NAME = "fake";
    public static final String UPPER_NAME = "fake_upper";
    public static final String FILE = "fake-items.txt";
    public static final String SYMBOLIC_NAME = "com.example.datum.fakeformat";

    private FakeFormat() {
    }
}
