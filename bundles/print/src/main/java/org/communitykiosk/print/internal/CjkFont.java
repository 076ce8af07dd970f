package org.communitykiosk.print.internal;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * A TrueType font with Chinese characters, read from the first usable file of a list. Kept open until the document
 * that embeds it is saved: the subset is cut from it at save time.
 */
final class CjkFont implements Closeable {

    private final TrueTypeFont font;
    private final Closeable source;
    private final String file;

    private CjkFont(TrueTypeFont font, Closeable source, String file) {
        this.font = font;
        this.source = source;
        this.file = file;
    }

    TrueTypeFont font() {
        return font;
    }

    String file() {
        return file;
    }

    /**
     * Opens the first file that exists and holds a TrueType-outline font with the character 中.
     *
     * @throws IllegalStateException naming every file tried and why none would do
     */
    static CjkFont open(List<String> files) {
        List<String> refused = new ArrayList<>();
        for (String name : files) {
            if (name == null || name.isBlank()) {
                continue;
            }
            File file = new File(name.strip());
            if (!file.isFile()) {
                refused.add(name + " (missing)");
                continue;
            }
            try {
                CjkFont opened = name.toLowerCase(Locale.ROOT).endsWith(".ttc") ? collection(file) : single(file);
                if (opened != null) {
                    return opened;
                }
                refused.add(name + " (no TrueType outlines with Chinese characters)");
            } catch (IOException | RuntimeException e) {
                refused.add(name + " (" + e.getMessage() + ")");
            }
        }
        throw new IllegalStateException("No usable Chinese TrueType font for printouts; tried " + refused
                + ". Install fonts-wqy-microhei or set fontFiles in " + PrintConfig.PID);
    }

    private static CjkFont collection(File file) throws IOException {
        TrueTypeCollection collection = new TrueTypeCollection(file);
        try {
            TrueTypeFont[] found = new TrueTypeFont[1];
            collection.processAllFonts(candidate -> {
                if (found[0] == null && usable(candidate)) {
                    found[0] = candidate;
                }
            });
            if (found[0] != null) {
                return new CjkFont(found[0], collection, file.getPath());
            }
        } catch (IOException | RuntimeException e) {
            collection.close();
            throw e;
        }
        collection.close();
        return null;
    }

    private static CjkFont single(File file) throws IOException {
        RandomAccessReadBufferedFile read = new RandomAccessReadBufferedFile(file);
        TrueTypeFont font;
        try {
            font = new TTFParser().parse(read);
        } catch (IOException | RuntimeException e) {
            read.close();
            throw e;
        }
        if (!usable(font)) {
            font.close();
            return null;
        }
        return new CjkFont(font, font, file.getPath());
    }

    private static boolean usable(TrueTypeFont candidate) throws IOException {
        // PDFBox embeds TrueType (glyf) outlines only; a CFF-based OpenType font would fail at load or save
        if (candidate instanceof OpenTypeFont otf && otf.isPostScript()) {
            return false;
        }
        return candidate.getGlyph() != null && candidate.getUnicodeCmapLookup(false) != null
                && candidate.getUnicodeCmapLookup(false).getGlyphId('中') > 0;
    }

    boolean has(int codePoint) {
        try {
            return font.getUnicodeCmapLookup(false).getGlyphId(codePoint) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
