package org.groundwatergateway.gateway.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.core.drill.Drill;
import org.groundwatergateway.core.drill.DrillScore;
import org.groundwatergateway.core.drill.DrillService;
import org.groundwatergateway.core.parameter.MeasuredValues;

/**
 * The report of a drill (应急演练评估报告): the rehearsed release, how the monitoring found it, the score of every step of
 * the response with a chart, then the drill incident's emergency report.
 */
final class DrillReport {

    private DrillReport() {}

    /** @param incidentMap the drill incident's map, or null when the drill opened none */
    static byte[] pdf(DrillService.Report r, BufferedImage incidentMap, ReportTexts texts, ReportFont font) {
        Drill d = r.drill();
        ReportDocument report = new ReportDocument("应急演练评估报告 — 演练 " + d.id(),
                "地下水智能监控预警平台 · 演练 " + d.id() + " · " + d.parkCode() + " · 演练数据，非真实事件");
        report.note(ReportTexts.TIMES);
        report.heading("演练概况");
        List<List<String>> facts = new ArrayList<>();
        facts.add(List.of("园区", d.parkCode()));
        facts.add(List.of("模拟污染物", texts.parameter(d.parameterCode())));
        facts.add(List.of("模拟泄漏源", (d.sourceCode() == null ? "" : d.sourceCode() + " ")
                + String.format(Locale.ROOT, "东经 %.6f°，北纬 %.6f°，源强 %s mg/L", d.sourceLon(), d.sourceLat(),
                        MeasuredValues.fourDigits(d.sourceMgPerL()))));
        facts.add(List.of("含水层", d.aquiferCode()));
        facts.add(List.of("泄漏开始（演练时间）", ReportTexts.time(d.releaseStart())));
        facts.add(List.of("首次预警（演练时间）", ReportTexts.time(d.firstAlertAt())));
        facts.add(List.of("严重预警（演练时间）", ReportTexts.time(d.severeAlertAt())));
        facts.add(List.of("模拟读数", Integer.toString(d.readings())));
        facts.add(List.of("组织", d.startedBy() + "，" + ReportTexts.time(d.startedAt())));
        facts.add(List.of("状态", d.status().nameZh() + (d.problem() == null ? "" : "：" + d.problem())));
        report.table(List.of("项目", "内容"), facts);

        DrillScore score = r.score();
        report.heading(String.format(Locale.ROOT, "演练评分：%.0f / 100", score.total()));
        List<String> labels = new ArrayList<>();
        double[] points = new double[score.items().size()];
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < points.length; k++) {
            DrillScore.Item item = score.items().get(k);
            labels.add(item.nameZh());
            points[k] = item.score();
            rows.add(List.of(item.nameZh(), item.measured() == null ? "—" : String.format(Locale.ROOT, "%.3g %s", item.measured(), item.unit()),
                    String.format(Locale.ROOT, "%.3g %s", item.target(), item.unit()), String.format(Locale.ROOT, "%.0f", item.score()), item.noteZh()));
        }
        report.figure(ReportChart.stackedBars(font, "各环节得分", "分", labels, List.of(new ReportChart.Series("得分", new Color(0x2f6fdb), points))),
                "图 演练各环节得分（满分 100）");
        report.table(List.of("环节", "用时", "目标", "得分", "说明"), rows);
        if (r.incident() == null) {
            report.paragraph("本次演练未触发严重预警，未启动应急事件。");
        } else {
            IncidentReport.write(report, r.incident(), incidentMap, texts, font);
        }
        return report.pdf(font);
    }
}
