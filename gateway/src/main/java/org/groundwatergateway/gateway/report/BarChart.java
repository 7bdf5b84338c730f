package org.groundwatergateway.gateway.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A stacked bar chart drawn with Java2D for reports: one bar per category (e.g. a day), one coloured segment per
 * series (e.g. a warning level). Text in the logical sans-serif font, which fontconfig maps to the installed CJK font.
 */
final class BarChart {

    /** One stacked series: its name for the legend, colour, and a value per category. */
    record Series(String name, Color colour, double[] values) {}

    private static final int WIDTH = 900;
    private static final int HEIGHT = 360;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 70;

    private BarChart() {}

    static BufferedImage draw(String title, String unit, List<String> categories, List<Series> series) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, LEFT, 24);
            double max = 1;
            for (int c = 0; c < categories.size(); c++) {
                double total = 0;
                for (Series s : series) total += s.values()[c];
                max = Math.max(max, total);
            }
            double top = niceCeiling(max);
            int plotWidth = WIDTH - LEFT - RIGHT;
            int plotHeight = HEIGHT - TOP - BOTTOM;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.setStroke(new BasicStroke(0.5f));
            for (int k = 0; k <= 4; k++) {
                int gy = TOP + plotHeight - (int) Math.round(plotHeight * k / 4.0);
                g.setColor(new Color(220, 220, 220));
                g.drawLine(LEFT, gy, LEFT + plotWidth, gy);
                g.setColor(Color.DARK_GRAY);
                g.drawString(label(top * k / 4), 8, gy + 4);
            }
            g.drawString(unit, 8, TOP - 8);
            double slot = (double) plotWidth / Math.max(1, categories.size());
            int bar = (int) Math.max(1, slot * 0.7);
            int labelEvery = Math.max(1, (int) Math.ceil(categories.size() / 15.0));
            for (int c = 0; c < categories.size(); c++) {
                int x = LEFT + (int) Math.round(c * slot + (slot - bar) / 2);
                double base = 0;
                for (Series s : series) {
                    double v = s.values()[c];
                    if (v <= 0) continue;
                    int y0 = TOP + plotHeight - (int) Math.round(plotHeight * base / top);
                    int y1 = TOP + plotHeight - (int) Math.round(plotHeight * (base + v) / top);
                    g.setColor(s.colour());
                    g.fillRect(x, y1, bar, y0 - y1);
                    base += v;
                }
                if (c % labelEvery == 0) {
                    g.setColor(Color.DARK_GRAY);
                    g.drawString(categories.get(c), x, TOP + plotHeight + 16);
                }
            }
            int lx = LEFT;
            for (Series s : series) {
                g.setColor(s.colour());
                g.fillRect(lx, HEIGHT - 28, 14, 12);
                g.setColor(Color.DARK_GRAY);
                g.drawString(s.name(), lx + 20, HEIGHT - 18);
                lx += 30 + g.getFontMetrics().stringWidth(s.name());
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** 1, 2 or 5 times a power of ten, at or above {@code value}, for an axis that reads easily. */
    static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) return step * power;
        }
        return 10 * power;
    }

    private static String label(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
