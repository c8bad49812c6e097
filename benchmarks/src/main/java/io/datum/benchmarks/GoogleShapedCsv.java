package io.datum.benchmarks;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The four kinds of annotation file of Google's own Open Images V6 download, row for row in its
 * shape (as bench/oid_google.py writes them for bench/run): 12-column image descriptions with
 * Flickr URLs, authors and titles that are quoted because they hold commas, quotes or non-ASCII
 * text; 4-column verified image labels; the 21-column train box file (six-decimal coordinates, the
 * five flags, then the eight XClick columns, -1 on the activemil rows); object segmentation rows
 * whose last cell is the list of clicks. Each file has a header and exactly the rows asked for,
 * sorted by ImageID; the same on every run (fixed seeds).
 */
final class GoogleShapedCsv {
    /** The kinds of file, as a benchmark parameter names them. */
    enum Kind {
        DESCRIPTIONS("ImageID,Subset,OriginalURL,OriginalLandingURL,License,AuthorProfileURL,Author,Title,"
                + "OriginalSize,OriginalMD5,Thumbnail300KURL,Rotation",
                List.of("ImageID", "Subset"), List.of(), List.of()),
        LABELS("ImageID,Source,LabelName,Confidence",
                List.of("ImageID", "LabelName"), List.of("Confidence"), List.of()),
        BOXES("ImageID,Source,LabelName,Confidence,XMin,XMax,YMin,YMax,IsOccluded,IsTruncated,IsGroupOf,IsDepiction,"
                + "IsInside,XClick1X,XClick2X,XClick3X,XClick4X,XClick1Y,XClick2Y,XClick3Y,XClick4Y",
                List.of("ImageID", "LabelName"), List.of("XMin", "XMax", "YMin", "YMax", "Confidence"),
                List.of("IsOccluded", "IsTruncated", "IsGroupOf", "IsDepiction", "IsInside")),
        MASKS("MaskPath,ImageID,LabelName,BoxID,BoxXMin,BoxXMax,BoxYMin,BoxYMax,PredictedIoU,Clicks",
                List.of("MaskPath", "ImageID", "LabelName", "BoxID"),
                List.of("BoxXMin", "BoxXMax", "BoxYMin", "BoxYMax", "PredictedIoU"), List.of());

        final String header;
        /**
         * The columns the open_images importer reads from this kind of file (without
         * --keep-columns), by what it does with them: texts it compares or looks up, numbers it
         * parses as Python's float(), flags it parses as int(). The other columns are split but
         * never read.
         */
        final List<String> texts;
        final List<String> numbers;
        final List<String> integers;

        Kind(String header, List<String> texts, List<String> numbers, List<String> integers) {
            this.header = header;
            this.texts = texts;
            this.numbers = numbers;
            this.integers = integers;
        }

        /** The index of each named column in {@link #header}. */
        int[] columns(List<String> names) {
            List<String> all = List.of(header.split(","));
            return names.stream().mapToInt(all::indexOf).toArray();
        }
    }

    private static final String FREEBASE = "0123456789bcdfghjklmnpqrstvwxyz_";
    private static final String[] AUTHORS = {"Michael Beat", "Karen", "José Luis Hernández", "Øystein Stuhaug", "Zoë",
        "李小龍", "Jean-François", "Mr. \"T\" Photography", "Smith, John", "Ана Петрова", "dave", "Ángel",
        "photo_lover_77", "Müller"};
    private static final String[] TITLES = {"Three boys on a hill", "...die FNF-Kerze", "IMG_4021", "Paris, je t'aime",
        "\"Untitled\"", "Sunset at the beach, Malibu", "Café del Mar", "Лето 2009", "北京 2008", "DSC00231.JPG",
        "my dog \"Rex\", asleep", "Ballon d'Or", "", "Zürich – Hauptbahnhof", "Tom's 3rd birthday, 2007"};
    private static final String[] LICENSES = {"https://creativecommons.org/licenses/by/2.0/",
        "https://creativecommons.org/licenses/by-sa/2.0/", "https://creativecommons.org/licenses/by-nd/2.0/",
        "https://creativecommons.org/licenses/by-nc/2.0/"};
    /** Boxes per boxable train image, on average (1 to 16). */
    private static final double BOX_MEAN = 8.4;

    private GoogleShapedCsv() {
    }

    /** The text of a file of {@code kind} with {@code rows} rows after its header, '\n' line ends. */
    static String file(Kind kind, int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] labels = labels(600, seed);
        StringBuilder sb = new StringBuilder(rows * 400).append(kind.header).append('\n');
        long id = 0;
        int written = 0;
        while (written < rows) {
            // increasing ids spread over the 16 hex digits, as Google's sorted files have them
            id += 1 + random.nextLong(1L << 44);
            String imageId = hex(id, 16);
            written += switch (kind) {
                case DESCRIPTIONS -> description(sb, imageId, random);
                case LABELS -> imageLabels(sb, imageId, labels, random, rows - written);
                case BOXES -> boxes(sb, imageId, labels, random, rows - written, false);
                case MASKS -> boxes(sb, imageId, labels, random, rows - written, true);
            };
        }
        return sb.toString();
    }

    /** {@code count} distinct Freebase ids as Google's labels spell them ({@code /m/0} and 4 to 6 characters). */
    static String[] labels(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 7919 + 1);
        Set<String> seen = new TreeSet<>();
        while (seen.size() < count) {
            StringBuilder mid = new StringBuilder("/m/0");
            int length = 4 + random.nextInt(3);
            for (int i = 0; i < length; i++) {
                mid.append(FREEBASE.charAt(random.nextInt(FREEBASE.length())));
            }
            seen.add(mid.toString());
        }
        return seen.toArray(new String[0]);
    }

    private static int description(StringBuilder sb, String imageId, SplittableRandom random) {
        long photo = 1_000_000_000L + random.nextLong(59_000_000_000L);
        int server = 1 + random.nextInt(9998);
        int farm = 1 + random.nextInt(9);
        String user = AUTHORS[random.nextInt(AUTHORS.length)];
        String handle = handle(user);
        sb.append(imageId).append(",train,https://farm").append(farm).append(".staticflickr.com/").append(server)
                .append('/').append(photo).append('_').append(hex(random.nextLong(1L << 40), 10)).append("_o.jpg,")
                .append("https://www.flickr.com/photos/").append(handle).append('/').append(photo).append(',')
                .append(LICENSES[random.nextInt(LICENSES.length)]).append(",https://www.flickr.com/people/")
                .append(handle).append("/,").append(cell(user)).append(',')
                .append(cell(TITLES[random.nextInt(TITLES.length)])).append(',')
                .append(20_000 + random.nextInt(8_980_000)).append(',');
        byte[] md5 = new byte[16];
        for (int i = 0; i < md5.length; i++) {
            md5[i] = (byte) random.nextInt(256);
        }
        sb.append(Base64.getEncoder().encodeToString(md5)).append(',');
        if (random.nextInt(20) != 0) {
            sb.append("https://c").append(1 + random.nextInt(8)).append(".staticflickr.com/").append(farm).append('/')
                    .append(server).append('/').append(photo).append('_').append(hex(random.nextLong(1L << 40), 10))
                    .append("_z.jpg").append(random.nextInt(10) < 3 ? "?zz=1" : "");
        }
        int r = random.nextInt(100);
        sb.append(',').append(r < 90 ? "0.0" : r < 97 ? "" : new String[] {"90.0", "180.0", "270.0"}[random.nextInt(3)])
                .append('\n');
        return 1;
    }

    /** About 6.4 verified labels per image, a few refused (Confidence 0). */
    private static int imageLabels(StringBuilder sb, String imageId, String[] labels, SplittableRandom random, int room) {
        int count = Math.min(room, 1 + random.nextInt(12));
        for (int i = 0; i < count; i++) {
            sb.append(imageId).append(random.nextInt(10) < 3 ? ",crowdsource-verification," : ",verification,")
                    .append(labels[random.nextInt(labels.length)]).append(random.nextInt(10) < 8 ? ",1\n" : ",0\n");
        }
        return count;
    }

    /** The boxes of one boxable image, or (with {@code masks}) the masks of as many boxes. */
    private static int boxes(StringBuilder sb, String imageId, String[] labels, SplittableRandom random, int room,
                             boolean masks) {
        int count = Math.min(room, 1 + (int) (random.nextDouble() * (2 * BOX_MEAN - 1)));
        for (int i = 0; i < count; i++) {
            String label = labels[random.nextInt(labels.length)];
            double a = random.nextDouble();
            double b = random.nextDouble();
            double c = random.nextDouble();
            double d = random.nextDouble();
            double x0 = Math.min(a, b);
            double x1 = Math.max(a, b);
            double y0 = Math.min(c, d);
            double y1 = Math.max(c, d);
            if (masks) {
                mask(sb, imageId, label, x0, x1, y0, y1, random);
            } else {
                box(sb, imageId, label, x0, x1, y0, y1, random);
            }
        }
        return count;
    }

    private static void box(StringBuilder sb, String imageId, String label, double x0, double x1, double y0, double y1,
                            SplittableRandom random) {
        boolean activemil = random.nextInt(100) < 12;
        sb.append(imageId).append(activemil ? ",activemil," : ",xclick,").append(label).append(",1,");
        fixed(sb, x0, 6).append(',');
        fixed(sb, x1, 6).append(',');
        fixed(sb, y0, 6).append(',');
        fixed(sb, y1, 6);
        for (int share : new int[] {60, 30, 5, 5, 3}) {
            sb.append(random.nextInt(100) < share ? ",1" : ",0");
        }
        if (activemil) {
            sb.append(",-1.000000".repeat(8));
        } else {
            double[] clicks = {between(x0, x1, random), x0, x1, between(x0, x1, random),
                y0, between(y0, y1, random), between(y0, y1, random), y1};
            for (double click : clicks) {
                fixed(sb.append(','), click, 6);
            }
        }
        sb.append('\n');
    }

    private static void mask(StringBuilder sb, String imageId, String label, double x0, double x1, double y0, double y1,
                             SplittableRandom random) {
        String boxId = hex(random.nextLong(1L << 32), 8);
        sb.append(imageId).append('_').append(label.replace("/", "")).append('_').append(boxId).append(".png,")
                .append(imageId).append(',').append(label).append(',').append(boxId).append(',');
        trimmed(sb, x0, 6).append(',');
        trimmed(sb, x1, 6).append(',');
        trimmed(sb, y0, 6).append(',');
        trimmed(sb, y1, 6).append(',');
        trimmed(sb, random.nextDouble(), 5).append(',');
        int clicks = 8 + random.nextInt(7);
        for (int i = 0; i < clicks; i++) {
            if (i > 0) {
                sb.append(';');
            }
            fixed(sb, between(x0, x1, random), 5).append(' ');
            fixed(sb, between(y0, y1, random), 5).append(' ').append(random.nextInt(2));
        }
        sb.append('\n');
    }

    private static double between(double low, double high, SplittableRandom random) {
        return low + (high - low) * random.nextDouble();
    }

    /** A number in [0, 1] with exactly {@code places} decimals, as Python's {@code "%.6f"} writes it. */
    static StringBuilder fixed(StringBuilder sb, double value, int places) {
        long scale = (long) Math.pow(10, places);
        long units = Math.round(value * scale);
        String digits = Long.toString(units % scale);
        sb.append(units / scale).append('.');
        for (int i = digits.length(); i < places; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }

    /** As {@link #fixed}, trailing zeros dropped but one ({@code 0.8875}, {@code 1.0}). */
    private static StringBuilder trimmed(StringBuilder sb, double value, int places) {
        fixed(sb, value, places);
        int end = sb.length();
        while (sb.charAt(end - 1) == '0' && sb.charAt(end - 2) != '.') {
            end--;
        }
        sb.setLength(end);
        return sb;
    }

    private static String hex(long value, int digits) {
        String hex = Long.toHexString(value);
        return hex.length() >= digits ? hex.substring(hex.length() - digits) : "0".repeat(digits - hex.length()) + hex;
    }

    /** A Flickr handle from an author's name: lower case, ASCII letters, digits and dashes. */
    private static String handle(String user) {
        StringBuilder sb = new StringBuilder();
        for (char c : user.toLowerCase(Locale.ROOT).replace(' ', '-').toCharArray()) {
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '-')) {
                sb.append(c);
            }
        }
        return sb.isEmpty() ? "user" : sb.toString();
    }

    /** A CSV cell, quoted when it holds a comma, a quote or a line break. */
    private static String cell(String text) {
        if (text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
