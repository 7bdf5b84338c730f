package org.groundwatergateway.gateway.report;

import java.awt.Color;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.core.emergency.Dispatch;
import org.groundwatergateway.core.emergency.Incident;
import org.groundwatergateway.core.emergency.IncidentService;
import org.groundwatergateway.core.emergency.IncidentTask;
import org.groundwatergateway.core.emergency.PlumeForecast;
import org.groundwatergateway.core.emergency.TimelineEntry;
import org.groundwatergateway.core.time.ChinaStandardTime;

/**
 * The emergency report of an incident (突发地下水污染事件报告): what happened and where, its extent and the receptors at
 * risk, the plan and the measures, the resources sent, the tasks and the shared timeline, and — once closed — the
 * evaluation; with a map of the response and a chart of the plume front's forecast reach.
 */
final class IncidentReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private IncidentReport() {}

    static byte[] pdf(IncidentService.Details d, ReportFont font) {
        Incident i = d.incident();
        // A drill's incident says so on every page: its report must never pass for a real event's.
        String drill = i.drill() == null ? "" : "【演练 " + i.drill().id() + "】";
        String title = drill + "突发地下水污染事件报告 Emergency report — 事件 " + i.id();
        PdfReport report = new PdfReport(font, title, drill + "Groundwater Gateway · 事件 incident " + i.id() + " · " + d.parkCode());
        write(report, d);
        return report.finish();
    }

    /** The report's sections, also the body of a drill's report. */
    static void write(PdfReport report, IncidentService.Details d) {
        Incident i = d.incident();
        report.heading("一、事件概况 Summary");
        List<List<String>> facts = new ArrayList<>();
        facts.add(List.of("园区 Park", d.parkCode()));
        facts.add(List.of("污染物 Parameter", i.parameterCode()));
        facts.add(List.of("响应级别 Response level", i.level().nameZh() + " " + i.level().name()));
        facts.add(List.of("预警级别 Alert level", i.severity() == null ? "—" : AlertSummary.levelName(i.severity())));
        facts.add(List.of("状态 Status", i.status().name()));
        facts.add(List.of("位置 Location", String.format(Locale.ROOT, "%.6f°E, %.6f°N", i.location().getX(), i.location().getY())));
        facts.add(List.of("浓度 Concentration", i.concentrationMgPerL() == null ? "—" : String.format(Locale.ROOT, "%.4g mg/L", i.concentrationMgPerL())));
        facts.add(List.of("启动 Opened", local(i.openedAt())));
        facts.add(List.of("控制 Contained", local(i.containedAt())));
        facts.add(List.of("关闭 Closed", local(i.closedAt())));
        if (i.topSource() != null) {
            facts.add(List.of("最可能污染源 Most probable source", i.topSource().nameZh() + "（" + i.topSource().enterprise() + "），概率 p = "
                    + String.format(Locale.ROOT, "%.3f", i.topSource().probability())));
        }
        if (i.flow() != null) {
            facts.add(List.of("地下水流 Groundwater flow", String.format(Locale.ROOT, "方位 %.0f°，实际流速 %.3f m/d", i.flow().azimuthDegrees(),
                    i.flow().seepageVelocity())));
        }
        report.table(List.of("项目 Item", "内容 Value"), facts, new float[] {0.32f, 0.68f});
        if (i.analysis() != null && i.analysis().state() != Incident.AnalysisState.DONE) {
            report.paragraph("预测与溯源分析状态 Analysis: " + i.analysis().state()
                    + (i.analysis().error() == null ? "" : "（" + i.analysis().error() + "）"));
        }
        report.figure(IncidentMap.draw(d), "图 1 事件位置、调度路线与摄像头 Figure 1: incident, dispatch routes and cameras");

        report.heading("二、影响范围与预测 Extent and forecast");
        PlumeForecast forecast = d.forecast();
        boolean forecastDone = forecast != null && i.analysis() != null && i.analysis().state() == Incident.AnalysisState.DONE;
        if (!forecastDone) {
            report.paragraph("羽流预测尚未完成（见事件概况中的分析状态）。 The plume forecast has not completed (see the analysis state above).");
        } else {
            List<PlumeForecast.Band> fronts = forecast.bands().stream().filter(b -> b.kind() == PlumeForecast.Kind.FRONT).toList();
            if (!fronts.isEmpty()) {
                List<String> days = new ArrayList<>();
                double[] p05 = new double[fronts.size()];
                double[] p50 = new double[fronts.size()];
                double[] p95 = new double[fronts.size()];
                for (int k = 0; k < fronts.size(); k++) {
                    PlumeForecast.Band b = fronts.get(k);
                    days.add((long) b.day() + " d");
                    p05[k] = b.p05();
                    p50[k] = b.p50() - b.p05();
                    p95[k] = b.p95() - b.p50();
                }
                report.figure(BarChart.draw("羽流前锋推进距离 Plume front reach", "m", days, List.of(
                                new BarChart.Series("5 %", new Color(0x2f6fdb), p05), new BarChart.Series("5–50 %", new Color(0xf08c00), p50),
                                new BarChart.Series("50–95 %", new Color(0xd62828), p95))),
                        "图 2 前锋（超过阈值）沿水流方向的推进距离，分位数叠加 Figure 2: reach of the front along the flow, 5/50/95 %");
                List<List<String>> rows = new ArrayList<>();
                for (PlumeForecast.Band b : fronts) rows.add(List.of((long) b.day() + " d", metres(b.p05()), metres(b.p50()), metres(b.p95())));
                report.table(List.of("时间 Day", "P5", "P50", "P95"), rows, new float[] {0.25f, 0.25f, 0.25f, 0.25f});
            }
            report.heading("三、受影响敏感目标 Receptors at risk");
            if (forecast.receptors().isEmpty()) {
                report.paragraph("预测时段内无敏感目标受威胁。 No receptor is reached within the horizon.");
            } else {
                List<List<String>> rows = new ArrayList<>();
                for (PlumeForecast.ReceptorRisk r : forecast.receptors()) {
                    rows.add(List.of(r.code() + " " + r.nameZh(), metres(r.alongM()), years(r.advectiveDays()), years(r.arrivalP2_5()),
                            years(r.arrivalP50()), years(r.arrivalP97_5()), String.format(Locale.ROOT, "%.0f %%", 100 * r.fractionNotArriving())));
                }
                report.table(List.of("目标 Receptor", "距离 Along", "对流到达 Advective", "到达 P2.5", "P50", "P97.5", "未到达 Never"), rows,
                        new float[] {0.28f, 0.11f, 0.13f, 0.12f, 0.12f, 0.12f, 0.12f});
            }
        }

        report.heading("四、处置方案 Disposal plan");
        if (d.plan() != null) {
            report.paragraph(d.plan().code() + " " + d.plan().nameZh());
            for (String measure : d.plan().containment()) report.paragraph("· " + measure);
            report.paragraph(String.format(Locale.ROOT, "抽水井 %d 口，单井 %.0f m³/h；药剂 %s", d.plan().pumpingWells(), d.plan().pumpingRateM3PerHour(),
                    d.plan().reagent()));
            if (d.dose() != null) {
                report.paragraph(String.format(Locale.ROOT, "处置范围 %.0f m²，孔隙水 %.0f m³，污染物 %.3f kg，药剂用量 %.1f kg",
                        d.dose().treatmentAreaM2(), d.dose().waterM3(), d.dose().contaminantKg(), d.dose().reagentKg()));
            }
            report.paragraph("依据 Sources: " + String.join("；", d.plan().sources()));
        }

        report.heading("五、资源调度 Resources dispatched");
        List<List<String>> dispatches = new ArrayList<>();
        for (Dispatch x : d.dispatches()) {
            dispatches.add(List.of(x.resource().nameZh(), x.depot().nameZh(), metres(x.lengthM()),
                    String.format(Locale.ROOT, "%.1f min", x.etaMinutes()), x.status().name()));
        }
        report.table(List.of("资源 Resource", "出发 From", "路程 Route", "预计到达 ETA", "状态 Status"), dispatches,
                new float[] {0.3f, 0.25f, 0.15f, 0.15f, 0.15f});

        report.heading("六、任务 Tasks");
        List<List<String>> tasks = new ArrayList<>();
        for (IncidentTask t : d.tasks()) tasks.add(List.of(t.title(), t.owner(), local(t.deadline()), t.status().name(), local(t.doneAt())));
        report.table(List.of("任务 Task", "负责 Owner", "期限 Deadline", "状态 Status", "完成 Done"), tasks,
                new float[] {0.36f, 0.16f, 0.17f, 0.12f, 0.19f});

        report.heading("七、处置过程 Timeline");
        List<List<String>> timeline = new ArrayList<>();
        for (TimelineEntry e : d.timeline()) timeline.add(List.of(local(e.at()), e.department(), e.author(), e.text()));
        report.table(List.of("时间 Time", "部门 Department", "人员 Author", "记录 Entry"), timeline, new float[] {0.17f, 0.15f, 0.13f, 0.55f});

        if (d.evaluation() != null) {
            report.heading("八、效果评估 Evaluation");
            IncidentService.Evaluation ev = d.evaluation();
            report.paragraph(String.format(Locale.ROOT, "控制用时 %s h；任务 %d 项，按期完成 %d 项；调度 %d 次。",
                    ev.hoursToContainment() == null ? "—" : String.format(Locale.ROOT, "%.1f", ev.hoursToContainment()), ev.tasks(), ev.tasksDoneOnTime(),
                    ev.dispatches()));
            List<List<String>> wells = new ArrayList<>();
            for (IncidentService.WellChange w : ev.keyWells()) {
                wells.add(List.of(w.wellCode(), metres(w.distanceM()), number(w.before()), number(w.after()), w.unit()));
            }
            report.table(List.of("监测井 Well", "距离 Distance", "启动前 Before", "关闭前 After", "单位 Unit"), wells,
                    new float[] {0.2f, 0.2f, 0.2f, 0.2f, 0.2f});
        }
    }

    static String local(Instant at) {
        return at == null ? "—" : at.atOffset(ChinaStandardTime.OFFSET).format(TIME);
    }

    private static String metres(double m) {
        return String.format(Locale.ROOT, "%.0f m", m);
    }

    private static String years(Double days) {
        return days == null ? "—" : String.format(Locale.ROOT, "%.1f a", days / 365.25);
    }

    private static String number(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.4g", value);
    }
}
