package org.groundwatergateway.gateway.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * An A4 report laid out top to bottom — title, headings, wrapped paragraphs, tables, figures — with page breaks
 * and page numbers, in one embedded CJK font so Chinese and English read the same in every viewer.
 */
final class PdfReport {

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float BODY = 10.5f;
    private static final float LEADING = 1.45f;

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private final String footer;
    private final List<PDPage> pages = new ArrayList<>();
    private PDPageContentStream content;
    private float y;

    PdfReport(ReportFont reportFont, String title, String footer) {
        this.footer = footer;
        try {
            this.font = reportFont.load(document);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("Groundwater Gateway");
            newPage();
            text(title, 18, true);
            y -= 6;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PdfReport heading(String text) {
        space(BODY * 4);
        y -= 6;
        text(text, 13.5f, true);
        y -= 5;
        return this;
    }

    PdfReport paragraph(String text) {
        text(text, BODY, false);
        y -= 3;
        return this;
    }

    /** Rows under a header, each column given its share of the page width. */
    PdfReport table(List<String> header, List<List<String>> rows, float[] shares) {
        float width = PAGE.getWidth() - 2 * MARGIN;
        row(header, shares, width, true);
        for (List<String> row : rows) row(row, shares, width, false);
        y -= 4;
        return this;
    }

    /** A figure scaled to the page width at most, with a caption. */
    PdfReport figure(BufferedImage image, String caption) {
        try {
            float width = Math.min(PAGE.getWidth() - 2 * MARGIN, image.getWidth() * 0.75f);
            float height = width * image.getHeight() / image.getWidth();
            space(height + BODY * 2);
            PDImageXObject picture = LosslessFactory.createFromImage(document, image);
            y -= height;
            content.drawImage(picture, MARGIN, y, width, height);
            y -= 4;
            text(caption, 9, false);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] finish() {
        try {
            content.close();
            for (int p = 0; p < pages.size(); p++) {
                try (PDPageContentStream page = new PDPageContentStream(document, pages.get(p), PDPageContentStream.AppendMode.APPEND, true)) {
                    write(page, footer + "    " + (p + 1) + " / " + pages.size(), 8, MARGIN, MARGIN / 2);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void row(List<String> cells, float[] shares, float width, boolean header) {
        float size = header ? 9.5f : 9;
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int c = 0; c < cells.size(); c++) {
            List<String> cellLines = wrap(printable(cells.get(c)), size, shares[c] * width - 4);
            wrapped.add(cellLines);
            lines = Math.max(lines, cellLines.size());
        }
        float height = lines * size * LEADING + 2;
        space(height);
        float x = MARGIN;
        for (int c = 0; c < wrapped.size(); c++) {
            float lineY = y - size;
            for (String line : wrapped.get(c)) {
                write(content, line, size, x + 2, lineY);
                lineY -= size * LEADING;
            }
            x += shares[c] * width;
        }
        y -= height;
        try {
            content.setLineWidth(header ? 0.8f : 0.3f);
            content.moveTo(MARGIN, y + 1);
            content.lineTo(MARGIN + width, y + 1);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void text(String text, float size, boolean bold) {
        for (String line : wrap(printable(text), size, PAGE.getWidth() - 2 * MARGIN)) {
            space(size * LEADING);
            y -= size * LEADING;
            write(content, line, size, MARGIN, y);
            if (bold) write(content, line, size, MARGIN + 0.3f, y); // the font has one weight: overprint for emphasis
        }
    }

    private void write(PDPageContentStream stream, String line, float size, float x, float atY) {
        try {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, atY);
            stream.showText(line);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines no wider than {@code width}: broken at spaces for Latin text, anywhere between CJK characters. */
    private List<String> wrap(String text, float size, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            int lastSpace = -1;
            for (int i = 0; i < paragraph.length(); ) {
                int cp = paragraph.codePointAt(i);
                line.appendCodePoint(cp);
                if (cp == ' ') lastSpace = line.length() - 1;
                if (width(line.toString(), size) > width && line.length() > 1) {
                    String carry;
                    if (lastSpace > 0 && cp < 0x2E80) {
                        carry = line.substring(lastSpace + 1);
                        line.setLength(lastSpace);
                    } else {
                        carry = new String(Character.toChars(cp));
                        line.setLength(line.length() - carry.length());
                    }
                    lines.add(line.toString());
                    line = new StringBuilder(carry);
                    lastSpace = -1;
                }
                i += Character.charCount(cp);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text with characters the font has no glyph for replaced, so one odd character never breaks a report. */
    private String printable(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (ch.equals("\n") || ch.equals("\t")) {
                out.append(ch.equals("\t") ? "    " : ch);
                return;
            }
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException missing) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private void space(float needed) {
        if (y - needed < MARGIN) newPage();
    }

    private void newPage() {
        try {
            if (content != null) content.close();
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            pages.add(page);
            content = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
