package org.groundwatergateway.gateway.report;

import java.awt.Color;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.time.ChinaStandardTime;

/**
 * What was raised in a period: counts by level, by kind and by subject, per China Standard Time day, and the
 * alerts themselves; as JSON, or as a PDF with a chart of the days.
 *
 * @param openAtEnd alerts raised in the period and still open at its end
 */
public record AlertSummary(Instant from, Instant to, int total, int openAtEnd, Map<Alert.Level, Integer> byLevel, Map<String, Integer> byKind,
                           Map<String, Integer> bySubject, Map<LocalDate, Map<Alert.Level, Integer>> byDay, List<Alert> alerts) {

    /** A level as reports name it: 严重 severe. */
    static String levelName(Alert.Level level) {
        return level.nameZh() + " " + level.name().toLowerCase(Locale.ROOT);
    }
    /** The colours of the three levels as the portal shows them: blue, orange, red. */
    static final Map<Alert.Level, Color> LEVEL_COLOURS = Map.of(Alert.Level.GENERAL, new Color(0x2f6fdb),
            Alert.Level.SERIOUS, new Color(0xf08c00), Alert.Level.SEVERE, new Color(0xd62828));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public static AlertSummary of(Instant from, Instant to, List<Alert> alerts) {
        if (!to.isAfter(from)) throw new IllegalArgumentException("to must be after from");
        Map<Alert.Level, Integer> byLevel = new EnumMap<>(Alert.Level.class);
        for (Alert.Level level : Alert.Level.values()) byLevel.put(level, 0);
        Map<String, Integer> byKind = new TreeMap<>();
        Map<String, Integer> bySubject = new TreeMap<>();
        Map<LocalDate, Map<Alert.Level, Integer>> byDay = new TreeMap<>();
        LocalDate first = ChinaStandardTime.date(from);
        LocalDate last = ChinaStandardTime.date(to.minusNanos(1));
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) byDay.put(d, new EnumMap<>(Alert.Level.class));
        int open = 0;
        for (Alert a : alerts) {
            byLevel.merge(a.level(), 1, Integer::sum);
            byKind.merge(a.kind(), 1, Integer::sum);
            bySubject.merge(a.subject(), 1, Integer::sum);
            byDay.computeIfAbsent(ChinaStandardTime.date(a.raisedAt()), d -> new EnumMap<>(Alert.Level.class))
                    .merge(a.level(), 1, Integer::sum);
            if (a.clearedAt() == null || a.clearedAt().isAfter(to)) open++;
        }
        return new AlertSummary(from, to, alerts.size(), open, byLevel, byKind, bySubject, byDay, List.copyOf(alerts));
    }

    byte[] pdf(ReportFont font) {
        String period = local(from) + " — " + local(to) + "（北京时间 CST）";
        PdfReport report = new PdfReport(font, "预警汇总报告 Alert summary", "Groundwater Gateway · 预警汇总 · " + period);
        report.paragraph("统计时段 Period: " + period);
        report.paragraph(String.format("共 %d 条预警，其中 %d 条在时段结束时仍未解除。 %d alerts; %d still open at the end.", total, openAtEnd, total, openAtEnd));
        report.heading("按级别 By level");
        List<List<String>> levels = new ArrayList<>();
        for (Alert.Level level : Alert.Level.values()) levels.add(List.of(levelName(level), String.valueOf(byLevel.get(level))));
        report.table(List.of("级别 Level", "数量 Count"), levels, new float[] {0.6f, 0.4f});
        List<String> days = new ArrayList<>();
        List<BarChart.Series> series = new ArrayList<>();
        for (LocalDate day : byDay.keySet()) days.add(day.toString().substring(5));
        for (Alert.Level level : Alert.Level.values()) {
            double[] counts = byDay.values().stream().mapToDouble(m -> m.getOrDefault(level, 0)).toArray();
            series.add(new BarChart.Series(levelName(level), LEVEL_COLOURS.get(level), counts));
        }
        report.figure(BarChart.draw("每日预警 Alerts per day", "条 alerts", days, series), "图 1 每日预警数（按级别堆叠） Figure 1: alerts per day by level");
        report.heading("按类型 By kind");
        report.table(List.of("类型 Kind", "数量 Count"), rows(byKind), new float[] {0.6f, 0.4f});
        report.heading("按对象 By subject");
        report.table(List.of("对象 Subject", "数量 Count"), rows(bySubject), new float[] {0.6f, 0.4f});
        report.heading("预警明细 Alerts");
        List<List<String>> rows = new ArrayList<>();
        for (Alert a : alerts) {
            rows.add(List.of(local(a.raisedAt()), levelName(a.level()), a.kind(), a.subject(), a.message(),
                    a.clearedAt() == null ? "未解除 open" : local(a.clearedAt())));
        }
        report.table(List.of("发生 Raised", "级别 Level", "类型 Kind", "对象 Subject", "内容 Message", "解除 Cleared"), rows,
                new float[] {0.14f, 0.11f, 0.13f, 0.14f, 0.34f, 0.14f});
        return report.finish();
    }

    private static List<List<String>> rows(Map<String, Integer> counts) {
        List<List<String>> rows = new ArrayList<>();
        counts.forEach((name, count) -> rows.add(List.of(name, String.valueOf(count))));
        return rows;
    }

    private static String local(Instant at) {
        return at.atOffset(ChinaStandardTime.OFFSET).format(TIME);
    }
}
