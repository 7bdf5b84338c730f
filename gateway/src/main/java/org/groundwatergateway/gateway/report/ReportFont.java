package org.groundwatergateway.gateway.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The CJK font reports are set in. PDF viewers cannot be trusted to have one, so a subset of a TrueType font
 * (a .ttf, or the first face of a .ttc collection) is embedded in every report: the configured file, or the first
 * of the usual Debian locations that exists (.ci/run installs fonts-wqy-microhei). Charts and maps drawn for a report
 * use the same face ({@link #awt}), so their labels read like the text around them whatever fontconfig would pick.
 */
public final class ReportFont {

    static final List<Path> USUAL = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

    private final Path file;
    private volatile Font awt;

    /** @param configured a font file, or null to look in the usual places */
    public ReportFont(Path configured) {
        this.file = configured;
    }

    Path file() {
        if (file != null) {
            if (!Files.isReadable(file)) throw new IllegalStateException("gw.reports.font: cannot read " + file);
            return file;
        }
        return USUAL.stream().filter(Files::isReadable).findFirst().orElseThrow(() -> new IllegalStateException(
                "No CJK font for PDF reports: install fonts-wqy-microhei (Debian) or set gw.reports.font to a .ttf/.ttc file"));
    }

    /** The font, embedded as a subset in {@code document}. */
    PDType0Font load(PDDocument document) throws IOException {
        Path path = file();
        if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) return PDType0Font.load(document, path.toFile());
        // The collection stays open while the document is written: the subset is taken from it then.
        TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
        TrueTypeFont[] first = new TrueTypeFont[1];
        collection.processAllFonts(font -> {
            if (first[0] == null) first[0] = font;
        });
        if (first[0] == null) throw new IOException(path + " holds no font");
        return PDType0Font.load(document, first[0], true);
    }

    /** The same face for Java2D, at 1 pt (derive the size wanted). */
    Font awt() {
        Font face = awt;
        if (face == null) {
            try {
                // createFonts reads a .ttc as well; its first face is the one the PDF embeds.
                face = Font.createFonts(file().toFile())[0];
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (FontFormatException e) {
                throw new IllegalStateException(file() + " is not a TrueType font: " + e.getMessage(), e);
            }
            awt = face;
        }
        return face;
    }
}
