package org.groundwatergateway.gateway.report;

import java.awt.Color;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.time.ChinaStandardTime;

/**
 * What was raised in a period: counts by level, by kind and by subject, per China Standard Time day, and the
 * alerts themselves; as JSON, or as a PDF with a chart of the days.
 *
 * @param openAtEnd alerts raised in the period and still open at its end
 */
public record AlertSummary(Instant from, Instant to, int total, int openAtEnd, Map<Alert.Level, Integer> byLevel, Map<String, Integer> byKind,
                           Map<String, Integer> bySubject, Map<LocalDate, Map<Alert.Level, Integer>> byDay, List<Alert> alerts) {

    /** The colours of the three levels as the portal shows them: blue, orange, red. */
    static final Map<Alert.Level, Color> LEVEL_COLOURS = Map.of(Alert.Level.GENERAL, new Color(0x2f6fdb),
            Alert.Level.SERIOUS, new Color(0xf08c00), Alert.Level.SEVERE, new Color(0xd62828));

    public static AlertSummary of(Instant from, Instant to, List<Alert> alerts) {
        if (!to.isAfter(from)) throw new InvalidInput("gateway.window.toAfterFrom", "to");
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

    byte[] pdf(ReportFont font, ReportTexts texts) {
        String period = ReportTexts.time(from) + " — " + ReportTexts.time(to);
        ReportDocument report = new ReportDocument("预警汇总报告", "地下水智能监控预警平台 · 预警汇总 · " + period);
        report.note(ReportTexts.TIMES);
        report.paragraph("统计时段：" + period);
        write(report, font, texts, "图 1");
        return report.pdf(font);
    }

    /**
     * The summary's figures, chart and alerts into a report: the whole of the alert-summary report, and the alerts
     * section of a custom one.
     *
     * @param figure the chart's number in the report, e.g. 图 1
     */
    void write(ReportDocument report, ReportFont font, ReportTexts texts, String figure) {
        report.paragraph(String.format(Locale.ROOT, "共 %d 条预警，其中 %d 条在时段结束时仍未解除。", total, openAtEnd));
        report.heading("按级别");
        List<List<String>> levels = new ArrayList<>();
        for (Alert.Level level : Alert.Level.values()) levels.add(List.of(level.nameZh(), String.valueOf(byLevel.get(level))));
        report.table(List.of("级别", "数量"), levels);
        List<String> days = new ArrayList<>();
        List<ReportChart.Series> series = new ArrayList<>();
        for (LocalDate day : byDay.keySet()) days.add(day.toString().substring(5));
        for (Alert.Level level : Alert.Level.values()) {
            double[] counts = byDay.values().stream().mapToDouble(m -> m.getOrDefault(level, 0)).toArray();
            series.add(new ReportChart.Series(level.nameZh(), LEVEL_COLOURS.get(level), counts));
        }
        report.figure(ReportChart.stackedBars(font, "每日预警", "条", days, series), figure + " 每日预警数（按北京时间日期，按级别堆叠）");
        report.heading("按类型");
        List<List<String>> kinds = new ArrayList<>();
        byKind.forEach((kind, count) -> kinds.add(List.of(ReportTexts.kind(kind), String.valueOf(count))));
        report.table(List.of("类型", "数量"), kinds);
        report.heading("按对象");
        List<List<String>> subjects = new ArrayList<>();
        bySubject.forEach((subject, count) -> subjects.add(List.of(texts.subject(subject), String.valueOf(count))));
        report.table(List.of("对象", "数量"), subjects);
        report.heading("预警明细");
        List<List<String>> rows = new ArrayList<>();
        for (Alert a : alerts) {
            rows.add(List.of(ReportTexts.clock(a.raisedAt()), a.level().nameZh(), ReportTexts.kind(a.kind()), texts.subject(a.subject()), a.message(),
                    a.clearedAt() == null ? "未解除" : ReportTexts.clock(a.clearedAt())));
        }
        report.table(List.of("发生时间（北京时间）", "级别", "类型", "对象", "内容", "解除时间（北京时间）"), rows);
    }
}
