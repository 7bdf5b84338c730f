package org.groundwatergateway.gateway.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.core.drill.Drill;
import org.groundwatergateway.core.drill.DrillScore;
import org.groundwatergateway.core.drill.DrillService;

/**
 * The report of a drill (应急演练评估报告): the rehearsed release, how the monitoring found it, the score of every step of
 * the response with a chart, then the drill incident's emergency report.
 */
final class DrillReport {

    private DrillReport() {}

    static byte[] pdf(DrillService.Report r, ReportFont font) {
        Drill d = r.drill();
        PdfReport report = new PdfReport(font, "应急演练评估报告 Drill report — 演练 " + d.id(),
                "Groundwater Gateway · 演练 drill " + d.id() + " · " + d.parkCode() + " · 演练数据，非真实事件 drill data, not a real event");
        report.heading("演练概况 Drill");
        List<List<String>> facts = new ArrayList<>();
        facts.add(List.of("园区 Park", d.parkCode()));
        facts.add(List.of("模拟污染物 Parameter", d.parameterCode()));
        facts.add(List.of("模拟泄漏源 Source", (d.sourceCode() == null ? "" : d.sourceCode() + " ")
                + String.format(Locale.ROOT, "%.6f°E, %.6f°N，源强 %.4g mg/L", d.sourceLon(), d.sourceLat(), d.sourceMgPerL())));
        facts.add(List.of("含水层 Aquifer", d.aquiferCode()));
        facts.add(List.of("泄漏开始（演练时间）Release (drill time)", IncidentReport.local(d.releaseStart())));
        facts.add(List.of("首次预警（演练时间）First alert", IncidentReport.local(d.firstAlertAt())));
        facts.add(List.of("严重预警（演练时间）Severe alert", IncidentReport.local(d.severeAlertAt())));
        facts.add(List.of("模拟读数 Simulated readings", Integer.toString(d.readings())));
        facts.add(List.of("组织 Run by", d.startedBy() + "，" + IncidentReport.local(d.startedAt())));
        facts.add(List.of("状态 Status", d.status().name() + (d.problem() == null ? "" : "：" + d.problem())));
        report.table(List.of("项目 Item", "内容 Value"), facts, new float[] {0.32f, 0.68f});

        DrillScore score = r.score();
        report.heading(String.format(Locale.ROOT, "演练评分 Score: %.0f / 100", score.total()));
        List<String> labels = new ArrayList<>();
        double[] points = new double[score.items().size()];
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < points.length; k++) {
            DrillScore.Item item = score.items().get(k);
            labels.add(item.nameZh());
            points[k] = item.score();
            rows.add(List.of(item.nameZh() + " " + item.code(), item.measured() == null ? "—" : String.format(Locale.ROOT, "%.3g %s", item.measured(),
                    item.unit()), String.format(Locale.ROOT, "%.3g %s", item.target(), item.unit()), String.format(Locale.ROOT, "%.0f", item.score()),
                    item.note()));
        }
        report.figure(BarChart.draw("各环节得分 Score by step", "分", labels, List.of(new BarChart.Series("得分 score", new Color(0x2f6fdb), points))),
                "图 演练各环节得分（满分 100）Figure: score of each step (out of 100)");
        report.table(List.of("环节 Step", "用时 Took", "目标 Target", "得分 Score", "说明 Note"), rows, new float[] {0.2f, 0.13f, 0.13f, 0.09f, 0.45f});
        if (r.incident() == null) {
            report.paragraph("本次演练未触发严重预警，未启动应急事件。 The drill raised no severe alert, so no incident was opened.");
        } else {
            IncidentReport.write(report, r.incident());
        }
        return report.finish();
    }
}
