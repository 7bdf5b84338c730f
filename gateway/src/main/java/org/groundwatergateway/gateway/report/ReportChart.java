package org.groundwatergateway.gateway.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * Charts for reports, drawn by JFreeChart in the report's own font: stacked bars, one bar per category (a day, a step,
 * a well), one coloured segment per series (a warning level, a quantile band), labels centred under their bars; and
 * lines over time, one per series (a well's daily means), dated in China Standard Time.
 */
final class ReportChart {

    /** One stacked series: its name for the legend, colour, and a value per category. */
    record Series(String name, Color colour, double[] values) {}

    /** One line over time: its name for the legend, colour, and a value at each time. */
    record Line(String name, Color colour, List<Instant> times, double[] values) {}

    /** Size on the page in CSS pixels: the text width of A4 with the report's margins. */
    private static final int WIDTH = 670;
    private static final int HEIGHT = 290;
    /** Beyond this many categories the labels are turned to stay apart. */
    private static final int UPRIGHT_LABELS = 12;

    private ReportChart() {}

    static BufferedImage stackedBars(ReportFont font, String title, String unit, List<String> categories, List<Series> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Series s : series) {
            for (int c = 0; c < categories.size(); c++) data.addValue(s.values()[c], s.name(), categories.get(c));
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(title, null, unit, data, PlotOrientation.VERTICAL, series.size() > 1, false, false);
        theme(font.awt()).apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xcccccc));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setOutlineVisible(false);
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setMaximumBarWidth(0.08);
        for (int k = 0; k < series.size(); k++) bars.setSeriesPaint(k, series.get(k).colour());
        // Counts are whole numbers: no axis ticks between them.
        boolean counts = series.stream().flatMapToDouble(x -> java.util.Arrays.stream(x.values())).allMatch(v -> v == Math.rint(v));
        if (counts) plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CategoryAxis axis = plot.getDomainAxis();
        axis.setCategoryMargin(0.25);
        if (categories.size() > UPRIGHT_LABELS) axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return chart.createBufferedImage(WIDTH * ReportDocument.FIGURE_SCALE, HEIGHT * ReportDocument.FIGURE_SCALE, WIDTH, HEIGHT, null);
    }

    static BufferedImage lines(ReportFont font, String title, String unit, List<Line> lines) {
        TimeSeriesCollection data = new TimeSeriesCollection();
        for (Line line : lines) {
            TimeSeries series = new TimeSeries(line.name());
            for (int k = 0; k < line.values().length; k++) series.add(new FixedMillisecond(Date.from(line.times().get(k))), line.values()[k]);
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, null, unit, data, lines.size() > 1, false, false);
        theme(font.awt()).apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xcccccc));
        plot.setDomainGridlinePaint(new Color(0xe4e4e4));
        plot.setOutlineVisible(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int k = 0; k < lines.size(); k++) {
            renderer.setSeriesPaint(k, lines.get(k).colour());
            renderer.setSeriesStroke(k, new BasicStroke(1.6f));
            renderer.setSeriesShape(k, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
        }
        plot.setRenderer(renderer);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        DateAxis axis = (DateAxis) plot.getDomainAxis();
        axis.setTimeZone(TimeZone.getTimeZone("Asia/Shanghai"));
        SimpleDateFormat dates = new SimpleDateFormat("MM-dd");
        dates.setTimeZone(TimeZone.getTimeZone("Asia/Shanghai"));
        // Ticks on whole days only: the points are daily means, and a tick within a day would repeat its date.
        TickUnits days = new TickUnits();
        for (int n : new int[] {1, 2, 7, 14}) days.add(new DateTickUnit(DateTickUnitType.DAY, n, dates));
        for (int n : new int[] {1, 3}) days.add(new DateTickUnit(DateTickUnitType.MONTH, n, dates));
        axis.setStandardTickUnits(days);
        return chart.createBufferedImage(WIDTH * ReportDocument.FIGURE_SCALE, HEIGHT * ReportDocument.FIGURE_SCALE, WIDTH, HEIGHT, null);
    }

    private static StandardChartTheme theme(Font face) {
        StandardChartTheme theme = new StandardChartTheme("report", false);
        theme.setExtraLargeFont(face.deriveFont(Font.PLAIN, 14f));
        theme.setLargeFont(face.deriveFont(Font.PLAIN, 12f));
        theme.setRegularFont(face.deriveFont(Font.PLAIN, 10.5f));
        theme.setSmallFont(face.deriveFont(Font.PLAIN, 9.5f));
        return theme;
    }
}
