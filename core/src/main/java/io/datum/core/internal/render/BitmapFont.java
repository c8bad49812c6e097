package io.datum.core.internal.render;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

/**
 * A 3×5 pixel font drawn twice as large, built in so that text needs no system font: digits,
 * capital letters (small ones are drawn as capitals) and common signs; any other character is
 * drawn as {@code ?}. Each glyph is five rows of three bits, left pixel first, written as octal
 * digits.
 */
final class BitmapFont {
    static final int SCALE = 2;
    static final int ADVANCE = 4 * SCALE;
    static final int HEIGHT = 5 * SCALE;

    private static final Map<Character, String> GLYPHS = new HashMap<>();

    static {
        String[] table = {
            "0", "75557", "1", "26227", "2", "71747", "3", "71317", "4", "55711", "5", "74717", "6", "74757",
            "7", "71122", "8", "75757", "9", "75717",
            "A", "25755", "B", "65656", "C", "34443", "D", "65556", "E", "74647", "F", "74644", "G", "34553",
            "H", "55755", "I", "72227", "J", "11152", "K", "55655", "L", "44447", "M", "57755", "N", "65555",
            "O", "25552", "P", "65644", "Q", "25563", "R", "65655", "S", "34216", "T", "72222", "U", "55557",
            "V", "55552", "W", "55775", "X", "55255", "Y", "55222", "Z", "71247",
            " ", "00000", "-", "00700", "_", "00007", ".", "00002", ":", "02020", "/", "11244", "(", "12221",
            ")", "42224", "?", "71202", ",", "00024", "+", "02720", "=", "07070", "#", "57575", "%", "51245",
            "&", "25253", "*", "52725", "[", "32223", "]", "62226", "!", "22202", "\"", "55000", "'", "22000",
            "<", "12421", ">", "42124", "|", "22222",
        };
        for (int i = 0; i < table.length; i += 2) {
            GLYPHS.put(table[i].charAt(0), table[i + 1]);
        }
    }

    private BitmapFont() {
    }

    static int width(String text) {
        return text.length() * ADVANCE;
    }

    /** Draws {@code text} with its top left corner at x, y; pixels outside the image are skipped. */
    static void draw(BufferedImage image, String text, int x, int y, int rgb) {
        for (int i = 0; i < text.length(); i++) {
            String glyph = GLYPHS.get(Character.toUpperCase(text.charAt(i)));
            if (glyph == null) {
                glyph = GLYPHS.get('?');
            }
            for (int row = 0; row < 5; row++) {
                int bits = glyph.charAt(row) - '0';
                for (int col = 0; col < 3; col++) {
                    if ((bits & (4 >> col)) != 0) {
                        fill(image, x + i * ADVANCE + col * SCALE, y + row * SCALE, rgb);
                    }
                }
            }
        }
    }

    private static void fill(BufferedImage image, int x, int y, int rgb) {
        for (int dy = 0; dy < SCALE; dy++) {
            for (int dx = 0; dx < SCALE; dx++) {
                int px = x + dx;
                int py = y + dy;
                if (px >= 0 && py >= 0 && px < image.getWidth() && py < image.getHeight()) {
                    image.setRGB(px, py, rgb);
                }
            }
        }
    }
}
