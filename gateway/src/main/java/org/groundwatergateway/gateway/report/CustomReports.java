package org.groundwatergateway.gateway.report;

import java.awt.Color;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.reading.ReadingAggregates;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.time.CalendarStep;
import org.groundwatergateway.gateway.config.GatewayProperties;
import org.groundwatergateway.ogc.wms.WmsService;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.groundwatergateway.policies.sharing.Datasets;
import org.springframework.stereotype.Service;

/**
 * A report a person puts together (issue #20, §10.4.2): a title, a period and sections chosen from series, map,
 * statistics and alerts, each drawn by the builders the standing reports use. A report shows its sources in full, so
 * each section is made only for a reader the sharing policy shows its source unmasked (the readings, the alert
 * summary), reads the readings as the aggregates API does, and the map is the WMS's picture for that reader.
 */
@Service
public class CustomReports {

    static final int MAX_TITLE = 80;
    static final int MAX_SECTIONS = 10;
    static final int MAX_WELLS = 8;
    static final int MAX_DAYS = 366;
    /** One colour per well of a series, in the order chosen. */
    private static final List<Color> WELL_COLOURS = List.of(new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf));
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    /** What a section shows. */
    public enum SectionType {
        SERIES, MAP, STATISTICS, ALERTS;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One section as asked for.
     *
     * @param parameter for series and statistics: the parameter's code
     * @param wells     for series and statistics: 1 to {@link #MAX_WELLS} wells' codes
     */
    public record Section(String type, String parameter, List<String> wells) {}

    private final ReportService reports;
    private final MonitoringRepository monitoring;
    private final ParameterRepository parameters;
    private final ReadingRepository readings;
    private final ParkRepository parks;
    private final WmsService wms;
    private final DisclosedRecords disclosed;
    private final int pageSize;

    public CustomReports(ReportService reports, MonitoringRepository monitoring, ParameterRepository parameters,
                         ReadingRepository readings, ParkRepository parks, WmsService wms, DisclosedRecords disclosed, GatewayProperties properties) {
        this.reports = reports;
        this.monitoring = monitoring;
        this.parameters = parameters;
        this.readings = readings;
        this.parks = parks;
        this.wms = wms;
        this.disclosed = disclosed;
        this.pageSize = properties.maxPageSize();
    }

    /** A checked section: what it shows, of which parameter and at which wells' datastreams. */
    private record Chosen(SectionType type, Parameter parameter, List<Datastream> streams, List<String> wells) {}

    /** The report as PDF; every refusal names its field ({@code sections[2].type}) before anything is drawn. */
    public byte[] pdf(String title, Instant from, Instant to, List<Section> sections, Viewer viewer) {
        String name = title == null ? "" : title.strip();
        if (name.isEmpty() || name.length() > MAX_TITLE || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("gateway.customReport.title", "title", MAX_TITLE);
        }
        if (from == null) throw new InvalidInput("gateway.customReport.period", "from");
        if (to == null) throw new InvalidInput("gateway.customReport.period", "to");
        if (!to.isAfter(from)) throw new InvalidInput("gateway.window.toAfterFrom", "to");
        if (Duration.between(from, to).compareTo(Duration.ofDays(MAX_DAYS)) > 0) throw new InvalidInput("gateway.customReport.tooLong", "to", MAX_DAYS);
        if (sections == null || sections.isEmpty() || sections.size() > MAX_SECTIONS) {
            throw new InvalidInput("gateway.customReport.sections", "sections", MAX_SECTIONS, sections == null ? 0 : sections.size());
        }
        List<Chosen> chosen = new ArrayList<>();
        for (int k = 0; k < sections.size(); k++) chosen.add(check(sections.get(k), "sections[" + k + "]"));
        // Every source is asked for before any is read: a report is whole or not made.
        for (Chosen c : chosen) {
            switch (c.type()) {
                case SERIES, STATISTICS -> disclosed.requireUnmasked(viewer, Datasets.READINGS);
                case ALERTS -> disclosed.requireUnmasked(viewer, "alert_summary");
                case MAP -> { } // the WMS draws each layer as the policy shows it to this reader
            }
        }

        String period = ReportTexts.time(from) + " — " + ReportTexts.time(to);
        ReportDocument report = new ReportDocument(name, "地下水智能监控预警平台 · " + name + " · " + period);
        report.note(ReportTexts.TIMES);
        report.paragraph("报告时段：" + period);
        ReportTexts texts = reports.texts();
        int figures = 0;
        for (int k = 0; k < chosen.size(); k++) {
            Chosen c = chosen.get(k);
            String numeral = NUMERALS[k] + "、";
            switch (c.type()) {
                case SERIES -> {
                    report.heading(numeral + "监测序列 — " + c.parameter().nameZh());
                    List<ReportChart.Line> lines = new ArrayList<>();
                    for (int w = 0; w < c.streams().size(); w++) {
                        List<ReadingAggregates.Bucket> days = daily(c.streams().get(w), c.parameter(), from, to, viewer);
                        lines.add(new ReportChart.Line(c.wells().get(w), WELL_COLOURS.get(w), days.stream().map(ReadingAggregates.Bucket::start).toList(),
                                days.stream().mapToDouble(ReadingAggregates.Bucket::mean).toArray()));
                    }
                    report.figure(ReportChart.lines(reports.font(), c.parameter().nameZh() + "日均值", c.parameter().unit(), lines),
                            "图 " + ++figures + " " + c.parameter().nameZh() + "各井日均值（有效读数，按北京时间日期）");
                }
                case STATISTICS -> {
                    report.heading(numeral + "统计 — " + c.parameter().nameZh());
                    List<List<String>> rows = new ArrayList<>();
                    for (int w = 0; w < c.streams().size(); w++) {
                        Statistics s = Statistics.of(daily(c.streams().get(w), c.parameter(), from, to, viewer));
                        rows.add(List.of(c.wells().get(w), String.valueOf(s.count()), ReportTexts.number(s.mean()), ReportTexts.number(s.min()),
                                ReportTexts.number(s.max())));
                    }
                    report.table(List.of("监测井", "有效读数", "均值（" + c.parameter().unit() + "）", "最小值", "最大值"), rows);
                    report.note("只计有效读数（不含质控判为无效的读数），与数据流聚合接口（/api/v1/datastreams/{id}/aggregates）的口径相同。");
                }
                case ALERTS -> {
                    report.heading(numeral + "预警");
                    reports.alertSummary(from, to).write(report, reports.font(), texts, "图 " + ++figures);
                }
                case MAP -> {
                    report.heading(numeral + "园区地图");
                    report.figure(ParkMap.draw(parks.findAll(), to, wms, viewer, reports.font()),
                            "图 " + ++figures + " 园区监测井、风险区、企业与污染羽（" + ReportTexts.time(to) + "）");
                }
            }
        }
        return report.pdf(reports.font());
    }

    /** Count, mean, minimum and maximum of the valid readings of a period, from its daily steps. */
    record Statistics(int count, Double mean, Double min, Double max) {
        static Statistics of(List<ReadingAggregates.Bucket> days) {
            int count = days.stream().mapToInt(ReadingAggregates.Bucket::count).sum();
            if (count == 0) return new Statistics(0, null, null, null);
            double sum = days.stream().mapToDouble(b -> b.mean() * b.count()).sum();
            return new Statistics(count, sum / count, days.stream().mapToDouble(ReadingAggregates.Bucket::min).min().orElseThrow(),
                    days.stream().mapToDouble(ReadingAggregates.Bucket::max).max().orElseThrow());
        }
    }

    /** A datastream's daily statistics over the period, of its readings as the reader may see them. */
    private List<ReadingAggregates.Bucket> daily(Datastream stream, Parameter parameter, Instant from, Instant to, Viewer viewer) {
        Disclosure shown = disclosed.requireSeries(viewer, Datasets.READINGS);
        Instant until = disclosed.readableBefore(shown, to);
        ReadingAggregates days = new ReadingAggregates(CalendarStep.DAY);
        if (until.isAfter(from)) {
            disclosed.forEachShown(shown, parameter, from, until, pageSize, (start, before, after, limit) -> readings.page(stream.id(), start, before, after, limit),
                    r -> days.add(r.time(), r.value(), r.qualityFlags()));
        }
        return days.buckets();
    }

    private Chosen check(Section section, String field) {
        String type = section == null ? null : section.type();
        SectionType chosen = java.util.Arrays.stream(SectionType.values()).filter(t -> t.code().equals(type)).findFirst()
                .orElseThrow(() -> new InvalidInput("gateway.customReport.type", field + ".type", type,
                        java.util.Arrays.stream(SectionType.values()).map(SectionType::code).toList()));
        if (chosen == SectionType.MAP || chosen == SectionType.ALERTS) return new Chosen(chosen, null, List.of(), List.of());
        Parameter parameter = section.parameter() == null ? null : parameters.findByCode(section.parameter()).orElse(null);
        if (parameter == null) throw new InvalidInput("gateway.customReport.parameter", field + ".parameter", section.parameter());
        List<String> wells = section.wells() == null ? List.of() : section.wells();
        if (wells.isEmpty() || wells.size() > MAX_WELLS) throw new InvalidInput("gateway.customReport.wells", field + ".wells", MAX_WELLS, wells.size());
        List<Datastream> streams = new ArrayList<>();
        for (int w = 0; w < wells.size(); w++) {
            String code = wells.get(w);
            Well well = code == null ? null : monitoring.findWell(code).orElse(null);
            // The well's own datastream of the parameter (code well/parameter), not a second sensor's (…/B).
            Datastream stream = well == null ? null : monitoring.findDatastreamsOfWell(well.id()).stream()
                    .filter(d -> d.parameterId() == parameter.id() && d.code().equals(code + "/" + parameter.code())).findFirst().orElse(null);
            if (stream == null) throw new InvalidInput("gateway.customReport.well", field + ".wells[" + w + "]", code, parameter.code());
            streams.add(stream);
        }
        return new Chosen(chosen, parameter, streams, List.copyOf(wells));
    }
}
