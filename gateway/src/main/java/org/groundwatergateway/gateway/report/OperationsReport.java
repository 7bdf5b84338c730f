package org.groundwatergateway.gateway.report;

import java.awt.Color;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The monthly operation and maintenance report (运维月报) of the monitoring network: how the devices kept up, how complete
 * each datastream is, what QA/QC flagged, and how the warnings fared (false and missed alarms), for one month of China
 * Standard Time. What each figure is and how it is computed is written in {@link #METHOD} and printed with it.
 *
 * @param month       2026-11
 * @param to          the end of the month, or the moment it was generated while the month was still running
 * @param generatedBy the monthly job, or who asked for it
 */
public record OperationsReport(String month, Instant from, Instant to, Instant generatedAt, String generatedBy, List<DeviceHealth> devices,
                               List<Completeness> datastreams, long readings, List<FlagCount> flags, Alarms alarms) {

    /**
     * One data logger (HJ 212 MN) and the sensors reporting through it.
     *
     * @param hours          whole hours of the period while it was registered
     * @param onlineRate     hoursWithData / hours; null when it was not registered in the period
     * @param hoursWithData  of those, hours in which at least one of its datastreams has a reading
     * @param faultReadings  readings flagged by the instrument as stopped (F), fault (D) or communication fault (B)
     * @param silentAlerts   DEVICE_SILENT alerts raised about it in the period
     * @param calibrations   calibration records of its sensors started in the period
     * @param checks         zero and span checks
     * @param maintenance    maintenance, repair and replacement records
     * @param calibrationOverdue its sensors whose last calibration plus interval lies before the period's end (0 when it
     *                    was not registered in the period)
     */
    public record DeviceHealth(String mn, String park, String description, boolean enabled, long hours, long hoursWithData, Double onlineRate,
                               long faultReadings, int silentAlerts, int calibrations, int checks, int maintenance, int calibrationOverdue) {}

    /**
     * @param expected readings the datastream's reporting interval asks for in the period (while its device was registered)
     * @param rate     received / expected, at most 1; null when none were expected
     */
    public record Completeness(String datastream, String well, String parameter, String parameterName, int intervalMinutes, long expected,
                               long received, Double rate) {}

    /** @param rate of all readings of the period */
    public record FlagCount(String flag, String nameZh, long readings, double rate) {}

    /**
     * @param raised          warning alerts (kinds WARNING_*) raised in the period, drills left out
     * @param falseAlarms     of those, judged false alarms by a reviewer
     * @param confirmed       of those, judged confirmed
     * @param falseAlarmRate  false / (false + confirmed); null when none was judged
     * @param missedRecorded  missed alarms people recorded for readings observed in the period
     * @param unalarmed       datastreams with valid class V readings in the period but no warning alert about them
     */
    public record Alarms(int raised, int general, int serious, int severe, int falseAlarms, int confirmed, Double falseAlarmRate,
                         int missedRecorded, List<Unalarmed> unalarmed) {}

    /** A datastream whose valid readings reached GB/T 14848 class V in the period while no warning alert was raised about it. */
    public record Unalarmed(String datastream, String parameterName, long classVReadings, double highest, String unit, Instant firstAt) {}

    static final List<String> METHOD = List.of(
            "统计时段按北京时间（UTC+8）自然月划分；当月未结束时统计至生成时刻。",
            "在线率：设备登记后时段内的整小时数中，其任一数据流有读数的小时所占比例。",
            "故障读数：仪器数据标记为停运（F）、故障（D）或通讯故障（B）的读数；离线告警：时段内对该设备产生的“设备离线”告警数。",
            "校准、核查与维护：以开始时间落在时段内的运维记录计；校准过期：传感器最近校准日期加校准周期早于时段末。",
            "数据完整率：时段内收到的读数（每个时刻取当前版本）除以按上报间隔应有的读数，应有读数自设备登记时起算。",
            "质控标记率：带某一标记的读数占时段内全部读数的比例（一条读数可带多个标记）。",
            "误报：时段内产生的水质预警中经人工判定为误报的数量；误报率 = 误报 /（误报 + 确认）。",
            "漏报：一是人工登记的漏报；二是疑似漏报——数据流在时段内有有效的 GB/T 14848 V类读数（不含停运、维护、故障、校准、"
                    + "通讯故障、超范围、尖峰、恒值、校准期间和剔除的读数），而时段内没有任何关于它的水质预警。");

    byte[] pdf(ReportFont font) {
        ReportDocument report = new ReportDocument("地下水监测网运维月报 — " + month, "地下水智能监控预警平台 · 运维月报 · " + month);
        report.note(ReportTexts.TIMES);
        report.paragraph("统计时段：" + ReportTexts.time(from) + " — " + ReportTexts.time(to) + "；生成：" + ReportTexts.time(generatedAt) + "（" + generatedBy + "）");
        long online = devices.stream().filter(d -> d.hours() > 0).count();
        Double meanOnline = online == 0 ? null : devices.stream().filter(d -> d.hours() > 0).mapToDouble(DeviceHealth::onlineRate).average().orElseThrow();
        long expected = datastreams.stream().mapToLong(Completeness::expected).sum();
        long received = datastreams.stream().mapToLong(Completeness::received).sum();
        report.paragraph(String.format(Locale.ROOT, "设备 %d 台，平均在线率 %s；数据流 %d 个，总体数据完整率 %s；读数 %d 条；水质预警 %d 条，误报 %d 条，"
                        + "人工登记漏报 %d 条，疑似漏报数据流 %d 个。", online, ReportTexts.percent(meanOnline), datastreams.size(),
                ReportTexts.percent(expected == 0 ? null : Math.min(1, (double) received / expected)), readings, alarms.raised(),
                alarms.falseAlarms(), alarms.missedRecorded(), alarms.unalarmed().size()));

        report.heading("一、设备运行状况");
        List<List<String>> rows = new ArrayList<>();
        for (DeviceHealth d : devices) {
            rows.add(List.of(d.mn(), d.park(), d.enabled() ? "启用" : "停用", ReportTexts.percent(d.onlineRate()), d.hoursWithData() + " / " + d.hours(),
                    String.valueOf(d.faultReadings()), String.valueOf(d.silentAlerts()), String.valueOf(d.calibrations()), String.valueOf(d.checks()),
                    String.valueOf(d.maintenance()), String.valueOf(d.calibrationOverdue())));
        }
        report.table(List.of("设备号", "园区", "状态", "在线率", "有数小时", "故障读数", "离线告警", "校准", "核查", "维护", "校准过期"), rows);

        report.heading("二、数据完整率");
        List<Completeness> worst = datastreams.stream().filter(c -> c.rate() != null)
                .sorted(java.util.Comparator.comparingDouble(Completeness::rate)).toList();
        List<String> names = new ArrayList<>();
        double[] rates = new double[Math.min(20, worst.size())];
        for (int k = 0; k < rates.length; k++) {
            names.add(worst.get(k).datastream());
            rates[k] = Math.round(1000 * worst.get(k).rate()) / 10.0;
        }
        if (rates.length > 0) {
            report.figure(ReportChart.stackedBars(font, "完整率最低的数据流", "%", names, List.of(new ReportChart.Series("完整率", new Color(0x2f6fdb), rates))),
                    "图 1 数据完整率最低的 " + rates.length + " 个数据流（收到 / 应有）");
        }
        List<List<String>> streams = new ArrayList<>();
        for (Completeness c : datastreams) {
            streams.add(List.of(c.datastream(), c.well() == null ? "—" : c.well(), c.parameterName(), c.intervalMinutes() + " 分钟",
                    String.valueOf(c.expected()), String.valueOf(c.received()), ReportTexts.percent(c.rate())));
        }
        report.table(List.of("数据流", "监测井", "指标", "上报间隔", "应有", "收到", "完整率"), streams);

        report.heading("三、质控标记");
        List<List<String>> flagRows = new ArrayList<>();
        for (FlagCount f : flags) flagRows.add(List.of(f.nameZh(), String.valueOf(f.readings()), ReportTexts.percent(f.rate())));
        report.table(List.of("标记", "读数", "占比"), flagRows);

        report.heading("四、预警、误报与漏报");
        report.table(List.of("项目", "数量"), List.of(
                List.of("水质预警", String.valueOf(alarms.raised())),
                List.of("其中一般 / 较重 / 严重", alarms.general() + " / " + alarms.serious() + " / " + alarms.severe()),
                List.of("判定为误报", String.valueOf(alarms.falseAlarms())),
                List.of("判定为确认", String.valueOf(alarms.confirmed())),
                List.of("误报率", ReportTexts.percent(alarms.falseAlarmRate())),
                List.of("人工登记漏报", String.valueOf(alarms.missedRecorded())),
                List.of("疑似漏报数据流", String.valueOf(alarms.unalarmed().size()))));
        List<List<String>> unalarmed = new ArrayList<>();
        for (Unalarmed u : alarms.unalarmed()) {
            unalarmed.add(List.of(u.datastream(), u.parameterName(), String.valueOf(u.classVReadings()), ReportTexts.measured(u.highest(), u.unit()),
                    ReportTexts.clock(u.firstAt())));
        }
        if (!unalarmed.isEmpty()) report.table(List.of("疑似漏报数据流", "指标", "V类读数", "最高值", "首次（北京时间）"), unalarmed);

        report.heading("五、统计方法");
        for (String line : METHOD) report.note(line);
        return report.pdf(font);
    }
}
