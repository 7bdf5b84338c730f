package org.groundwatergateway.gateway.report;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A report as an XHTML page that openhtmltopdf lays out on A4 and writes with PDFBox, in the one embedded CJK font
 * of {@link ReportFont}. Layout is left to CSS: a heading stays with what follows it, a table row never splits over
 * two pages and a table's header repeats on every page, lines break between words or CJK characters only (so a code
 * is never cut in two), and every page has the footer and its number. Text goes in only through {@link #escape}.
 */
final class ReportDocument {

    /** The font-family name the style sheet gives the embedded font. */
    private static final String FAMILY = "report-cjk";
    /** Figures are drawn at twice the pixels they occupy at 96 dpi, so that they stay sharp in print. */
    static final int FIGURE_SCALE = 2;
    /** Cells of at most this many characters are not wrapped. */
    private static final int SHORT_CELL = 20;

    private final String title;
    private final String footer;
    private final StringBuilder body = new StringBuilder();

    ReportDocument(String title, String footer) {
        this.title = title;
        this.footer = footer;
        body.append("<h1>").append(escape(title)).append("</h1>\n");
    }

    ReportDocument heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    ReportDocument paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A note in smaller type, e.g. how a figure was computed. */
    ReportDocument note(String text) {
        body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** Rows under a header; the engine sizes the columns to their content. An empty table says so instead. */
    ReportDocument table(List<String> header, List<List<String>> rows) {
        if (rows.isEmpty()) return note("（无记录）");
        body.append("<table><thead><tr>");
        for (String cell : header) body.append("<th>").append(escape(cell)).append("</th>");
        body.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            for (String cell : row) body.append(cell(cell));
            body.append("</tr>\n");
        }
        body.append("</tbody></table>\n");
        return this;
    }

    /**
     * A cell; a short one (a time, a level, a name, a number) keeps to one line, so that the table's automatic layout
     * gives the width left to the long texts instead of stacking a short one character by character.
     */
    private static String cell(String text) {
        String escaped = escape(text);
        return (text != null && text.codePointCount(0, text.length()) <= SHORT_CELL ? "<td class=\"short\">" : "<td>") + escaped + "</td>";
    }

    /** An image drawn at {@link #FIGURE_SCALE} times its size on the page, kept on one page with its caption. */
    ReportDocument figure(BufferedImage image, String caption) {
        return figure(png(image), image.getWidth() / FIGURE_SCALE, caption);
    }

    /** A PNG {@code cssWidth} CSS pixels wide (at most the text width), kept on one page with its caption. */
    ReportDocument figure(byte[] png, int cssWidth, String caption) {
        body.append("<div class=\"figure\"><img style=\"width: ").append(cssWidth).append("px\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"/><p class=\"caption\">").append(escape(caption)).append("</p></div>\n");
        return this;
    }

    /** The page as XHTML, for the renderer (and for tests that look at the markup). */
    String xhtml() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/>"
                + "<title>" + escape(title) + "</title><style>\n" + style() + "</style></head><body>\n" + body + "</body></html>";
    }

    byte[] pdf(ReportFont font) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(font.load(document)), FAMILY);
            builder.withHtmlContent(xhtml(), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String style() {
        return "@page { size: A4; margin: 18mm 16mm 18mm 16mm;\n"
                + "  @bottom-center { content: \"" + cssString(footer) + "    \" counter(page) \" / \" counter(pages);"
                + " font-family: " + FAMILY + "; font-size: 7.5pt; color: #555; } }\n"
                + "body { font-family: " + FAMILY + "; font-size: 10pt; line-height: 1.45; color: #111; }\n"
                + "h1 { font-size: 16pt; margin: 0 0 8pt 0; }\n"
                // A heading is never the last thing on a page: it moves to the next one with what it introduces.
                + "h2 { font-size: 12.5pt; margin: 14pt 0 5pt 0; padding-bottom: 2pt; border-bottom: 0.6pt solid #888;"
                + " page-break-after: avoid; }\n"
                + "p { margin: 0 0 4pt 0; }\n"
                + "p.note { font-size: 8.5pt; color: #444; }\n"
                + "table { width: 100%; border-collapse: collapse; margin: 2pt 0 8pt 0; -fs-table-paginate: paginate; }\n"
                + "thead { display: table-header-group; }\n"
                + "tr { page-break-inside: avoid; }\n"
                // Lines break at spaces and between CJK characters, never inside a word or code.
                + "th, td { text-align: left; vertical-align: top; padding: 2pt 4pt; font-size: 9pt; word-break: normal; overflow-wrap: normal; }\n"
                + "th, td.short { white-space: nowrap; }\n"
                + "th { border-bottom: 0.8pt solid #333; background: #f0f0ec; }\n"
                + "td { border-bottom: 0.3pt solid #bbb; }\n"
                + "div.figure { page-break-inside: avoid; text-align: center; margin: 6pt 0 8pt 0; }\n"
                + "div.figure img { max-width: 100%; }\n"
                + "p.caption { font-size: 8.5pt; color: #444; margin-top: 2pt; }\n";
    }

    /** Text as XHTML character data or attribute value: markup characters escaped, characters XML cannot hold dropped. */
    static String escape(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t' -> out.append(' ');
                default -> {
                    if (cp == '\n' || cp == '\r' || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF && (cp < 0xD800 || cp > 0xDFFF))) out.appendCodePoint(cp);
                }
            }
        });
        return out.toString();
    }

    /** Text inside a double-quoted CSS string in the style element: quotes, backslashes, line ends and markup escaped. */
    private static String cssString(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\' || cp == '<' || cp == '>' || cp == '&' || cp < 0x20) out.append('\\').append(Integer.toHexString(cp)).append(' ');
            else out.appendCodePoint(cp);
        });
        return out.toString();
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
