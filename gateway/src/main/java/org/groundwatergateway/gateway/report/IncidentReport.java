package org.groundwatergateway.gateway.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.core.emergency.Dispatch;
import org.groundwatergateway.core.emergency.Incident;
import org.groundwatergateway.core.emergency.IncidentEvaluation;
import org.groundwatergateway.core.emergency.IncidentService;
import org.groundwatergateway.core.emergency.IncidentTask;
import org.groundwatergateway.core.emergency.PlumeForecast;
import org.groundwatergateway.core.emergency.TimelineEntry;

/**
 * The emergency report of an incident (突发地下水污染事件报告): what happened and where, its extent and the receptors at
 * risk, the plan and the measures, the resources sent, the tasks and the shared timeline, and — once closed — the
 * evaluation; with the incident on the park's map and a chart of the plume front's forecast reach.
 */
final class IncidentReport {

    private IncidentReport() {}

    static byte[] pdf(IncidentService.Details d, BufferedImage map, ReportTexts texts, ReportFont font) {
        Incident i = d.incident();
        // A drill's incident says so on every page: its report must never pass for a real event's.
        String drill = i.drill() == null ? "" : "【演练 " + i.drill().id() + "】";
        ReportDocument report = new ReportDocument(drill + "突发地下水污染事件报告 — 事件 " + i.id(),
                drill + "地下水智能监控预警平台 · 事件 " + i.id() + " · " + d.parkCode());
        report.note(ReportTexts.TIMES);
        write(report, d, map, texts, font);
        return report.pdf(font);
    }

    /** The report's sections, also the body of a drill's report. */
    static void write(ReportDocument report, IncidentService.Details d, BufferedImage map, ReportTexts texts, ReportFont font) {
        Incident i = d.incident();
        report.heading("一、事件概况");
        List<List<String>> facts = new ArrayList<>();
        facts.add(List.of("园区", d.parkCode()));
        facts.add(List.of("污染物", texts.parameter(i.parameterCode())));
        facts.add(List.of("响应级别", i.level().nameZh()));
        facts.add(List.of("预警级别", i.severity() == null ? "—" : i.severity().nameZh()));
        facts.add(List.of("状态", i.status().nameZh()));
        facts.add(List.of("位置", String.format(Locale.ROOT, "东经 %.6f°，北纬 %.6f°", i.location().getX(), i.location().getY())));
        facts.add(List.of("浓度", ReportTexts.measured(i.concentrationMgPerL(), "mg/L")));
        facts.add(List.of("启动时间", ReportTexts.time(i.openedAt())));
        facts.add(List.of("控制时间", ReportTexts.time(i.containedAt())));
        facts.add(List.of("关闭时间", ReportTexts.time(i.closedAt())));
        if (i.topSource() != null) {
            facts.add(List.of("最可能污染源", i.topSource().nameZh() + "（" + i.topSource().enterprise() + "），概率 "
                    + String.format(Locale.ROOT, "%.3f", i.topSource().probability())));
        }
        if (i.flow() != null) {
            facts.add(List.of("地下水流", String.format(Locale.ROOT, "方位 %.0f°，实际流速 %.3f 米/天", i.flow().azimuthDegrees(), i.flow().seepageVelocity())));
        }
        report.table(List.of("项目", "内容"), facts);
        if (i.analysis() != null && i.analysis().state() != Incident.AnalysisState.DONE) {
            report.paragraph("预测与溯源分析状态：" + i.analysis().state().nameZh());
        }
        report.figure(map, "图 1 事件位置、调度路线与摄像头，底图为平台 WMS 地图（风险分区、企业、潜在污染源、敏感受体、事件关闭时（未关闭则为当前）的污染羽、监测井；绿色虚线为园区边界）"
                + (ForecastFront.of(i, d.forecast()) != null ? "；红色箭头为本事件预测的羽流前锋在最后预测日的推进（中位数），半透明红带为其 5%–95% 范围" : ""));

        report.heading("二、影响范围与预测");
        PlumeForecast forecast = d.forecast();
        boolean forecastDone = forecast != null && i.analysis() != null && i.analysis().state() == Incident.AnalysisState.DONE;
        if (!forecastDone) {
            report.paragraph("羽流预测尚未完成（见事件概况中的分析状态）。");
        } else {
            List<PlumeForecast.Band> fronts = forecast.bands().stream().filter(b -> b.kind() == PlumeForecast.Kind.FRONT).toList();
            if (!fronts.isEmpty()) {
                List<String> days = new ArrayList<>();
                double[] p05 = new double[fronts.size()];
                double[] p50 = new double[fronts.size()];
                double[] p95 = new double[fronts.size()];
                for (int k = 0; k < fronts.size(); k++) {
                    PlumeForecast.Band b = fronts.get(k);
                    days.add((long) b.day() + " 天");
                    p05[k] = b.p05();
                    p50[k] = b.p50() - b.p05();
                    p95[k] = b.p95() - b.p50();
                }
                report.figure(ReportChart.stackedBars(font, "羽流前锋推进距离", "米", days, List.of(
                                new ReportChart.Series("5%", new Color(0x2f6fdb), p05), new ReportChart.Series("5%–50%", new Color(0xf08c00), p50),
                                new ReportChart.Series("50%–95%", new Color(0xd62828), p95))),
                        "图 2 前锋（超过阈值）沿水流方向的推进距离，按 5%/50%/95% 分位数叠加");
                List<List<String>> rows = new ArrayList<>();
                for (PlumeForecast.Band b : fronts) rows.add(List.of((long) b.day() + " 天", metres(b.p05()), metres(b.p50()), metres(b.p95())));
                report.table(List.of("时间", "P5", "P50", "P95"), rows);
            }
        }
        // The section stands whether or not the forecast is done, so that the sections keep their numbers.
        report.heading("三、受影响敏感目标");
        if (!forecastDone) {
            report.paragraph("待羽流预测完成后评估。");
        } else if (forecast.receptors().isEmpty()) {
            report.paragraph("预测时段内无敏感目标受威胁。");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (PlumeForecast.ReceptorRisk r : forecast.receptors()) {
                rows.add(List.of(r.code() + " " + r.nameZh(), metres(r.alongM()), years(r.advectiveDays()), years(r.arrivalP2_5()),
                        years(r.arrivalP50()), years(r.arrivalP97_5()), String.format(Locale.ROOT, "%.0f%%", 100 * r.fractionNotArriving())));
            }
            report.table(List.of("目标", "沿程距离", "对流到达", "到达 P2.5", "到达 P50", "到达 P97.5", "不会到达"), rows);
        }

        report.heading("四、处置方案");
        if (d.plan() != null) {
            report.paragraph(d.plan().code() + " " + d.plan().nameZh());
            for (String measure : d.plan().containment()) report.paragraph("· " + measure);
            report.paragraph(String.format(Locale.ROOT, "抽水井 %d 口，单井 %.0f m³/h；药剂 %s", d.plan().pumpingWells(), d.plan().pumpingRateM3PerHour(),
                    d.plan().reagent()));
            if (d.dose() != null) {
                report.paragraph(String.format(Locale.ROOT, "处置范围 %.0f m²，孔隙水 %.0f m³，污染物 %.3f kg，药剂用量 %.1f kg",
                        d.dose().treatmentAreaM2(), d.dose().waterM3(), d.dose().contaminantKg(), d.dose().reagentKg()));
            }
            report.paragraph("依据：" + String.join("；", d.plan().sources()));
        }

        report.heading("五、资源调度");
        List<List<String>> dispatches = new ArrayList<>();
        for (Dispatch x : d.dispatches()) {
            dispatches.add(List.of(x.resource().nameZh(), x.depot().nameZh(), metres(x.lengthM()),
                    String.format(Locale.ROOT, "%.1f 分钟", x.etaMinutes()), x.status().nameZh()));
        }
        report.table(List.of("资源", "出发地", "路程", "预计到达", "状态"), dispatches);

        report.heading("六、任务");
        List<List<String>> tasks = new ArrayList<>();
        for (IncidentTask t : d.tasks()) {
            tasks.add(List.of(t.title(), t.owner(), ReportTexts.clock(t.deadline()), t.status().nameZh(), ReportTexts.clock(t.doneAt())));
        }
        report.table(List.of("任务", "负责", "期限（北京时间）", "状态", "完成时间（北京时间）"), tasks);

        report.heading("七、处置过程");
        List<List<String>> timeline = new ArrayList<>();
        for (TimelineEntry e : d.timeline()) timeline.add(List.of(ReportTexts.clock(e.at()), e.department(), e.author(), e.text()));
        report.table(List.of("时间（北京时间）", "部门", "人员", "记录"), timeline);

        if (d.evaluation() != null) {
            report.heading("八、效果评估");
            IncidentEvaluation.Result ev = d.evaluation();
            report.paragraph(String.format(Locale.ROOT, "控制用时 %s 小时；任务 %d 项，按期完成 %d 项；调度 %d 次。",
                    ev.hoursToContainment() == null ? "—" : String.format(Locale.ROOT, "%.1f", ev.hoursToContainment()), ev.tasks(), ev.tasksDoneOnTime(),
                    ev.dispatches()));
            List<List<String>> wells = new ArrayList<>();
            for (IncidentEvaluation.WellChange w : ev.keyWells()) {
                wells.add(List.of(w.wellCode(), metres(w.distanceM()), ReportTexts.number(w.before()), ReportTexts.number(w.after()), w.unit()));
            }
            report.table(List.of("监测井", "距离", "启动前", "关闭前", "单位"), wells);
        }
    }

    private static String metres(double m) {
        return String.format(Locale.ROOT, "%.0f 米", m);
    }

    private static String years(Double days) {
        return days == null ? "—" : String.format(Locale.ROOT, "%.1f 年", days / 365.25);
    }
}
