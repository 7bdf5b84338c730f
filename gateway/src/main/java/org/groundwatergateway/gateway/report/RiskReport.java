package org.groundwatergateway.gateway.report;

import java.awt.Color;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The groundwater pollution risk assessment of a park's wells (地下水污染风险评估报告) over a window: per well and parameter
 * the latest GB/T 14848 class, the exceedances of class III and the Mann–Kendall trend, and the wells ranked by risk
 * as {@link #METHOD} states.
 */
public record RiskReport(String park, String parkName, Instant from, Instant to, Instant generatedAt, List<WellRisk> wells) {

    /**
     * @param rank           1 for the highest risk; wells without valid readings in the window come last, unranked (null)
     * @param worstClass     the worst of the latest classes of its parameters (1 = I … 5 = V)
     * @param exceedanceRate valid readings worse than class III over all its valid readings in the window
     * @param increasing     parameters with an increasing or probably increasing trend
     * @param level          高 / 中 / 低
     */
    public record WellRisk(Integer rank, String well, String wellName, String aquifer, String role, Integer worstClass, Double exceedanceRate,
                           int increasing, String level, List<ParameterRisk> parameters) {}

    /**
     * @param trend       the MAROS class of the Mann–Kendall test on daily means (INCREASING … DECREASING), null with fewer than
     *                    {@link RiskAssessment#MIN_DAYS} days
     * @param senSlopePerYear Sen's slope of the daily means, in the parameter's unit per year
     */
    public record ParameterRisk(String parameter, String parameterName, String unit, Double latest, Instant latestAt, Integer latestClass,
                                long readings, long exceedances, Integer days, String trend, Double pValue, Double senSlopePerYear) {}

    static final List<String> METHOD = List.of(
            "评价对象：园区内每口监测井的每个有 GB/T 14848-2017 分类限值的指标；只用有效读数（不含停运、维护、故障、校准、通讯故障、超范围、"
                    + "尖峰、恒值、校准期间和人工剔除的读数），每个时刻取当前版本。",
            "最新类别：评价时段内最后一个有效读数按 GB/T 14848-2017 I–V类限值所属的类别；井的类别取其各指标中最差者。",
            "超标：有效读数劣于III类（即IV类或V类）；超标率 = 超标读数 / 有效读数。",
            "趋势：各指标按北京时间日均值做 Mann–Kendall 检验（Gilbert 1987），按 MAROS 决策矩阵分为上升、可能上升、无趋势、稳定、可能下降、下降；"
                    + "日均值少于 " + RiskAssessment.MIN_DAYS + " 天不作判断；斜率为 Sen 斜率（每年）。",
            "排序：先按井的最差最新类别（由差到好），再按超标率（由高到低），再按上升或可能上升的指标数（由多到少）；时段内无有效读数的井列在最后，不参与排序。",
            "风险等级：最差类别为V类，或为IV类且有指标上升，为“高”；最差类别为IV类、或有超标、或有指标上升，为“中”；其余为“低”。");

    /** Latin letters: the Roman numeral Ⅴ (U+2164) came out blank in the PDF with WenQuanYi Micro Hei, Ⅳ did not; I–V print alike. */
    private static final String[] CLASSES = {"I", "II", "III", "IV", "V"};

    static String className(Integer qualityClass) {
        return qualityClass == null ? "—" : CLASSES[qualityClass - 1] + "类";
    }

    static String trendName(String trend) {
        if (trend == null) return "数据不足";
        return switch (trend) {
            case "INCREASING" -> "上升";
            case "PROBABLY_INCREASING" -> "可能上升";
            case "NO_TREND" -> "无趋势";
            case "STABLE" -> "稳定";
            case "PROBABLY_DECREASING" -> "可能下降";
            case "DECREASING" -> "下降";
            default -> trend;
        };
    }

    byte[] pdf(ReportFont font) {
        ReportDocument report = new ReportDocument("地下水污染风险评估报告 — " + parkName, "地下水智能监控预警平台 · 风险评估 · " + park);
        report.note(ReportTexts.TIMES);
        report.paragraph("园区：" + parkName + "（" + park + "）；评价时段：" + ReportTexts.time(from) + " — " + ReportTexts.time(to) + "；生成："
                + ReportTexts.time(generatedAt));
        long high = wells.stream().filter(w -> "高".equals(w.level())).count();
        long medium = wells.stream().filter(w -> "中".equals(w.level())).count();
        report.paragraph(String.format(Locale.ROOT, "参评监测井 %d 口，其中高风险 %d 口、中风险 %d 口。", wells.stream().filter(w -> w.rank() != null).count(), high,
                medium));

        report.heading("一、评价方法");
        for (String line : METHOD) report.note(line);

        report.heading("二、风险排序");
        List<WellRisk> ranked = wells.stream().filter(w -> w.rank() != null).toList();
        if (!ranked.isEmpty()) {
            List<String> names = new ArrayList<>();
            double[] rates = new double[Math.min(15, ranked.size())];
            for (int k = 0; k < rates.length; k++) {
                names.add(ranked.get(k).well());
                rates[k] = Math.round(1000 * ranked.get(k).exceedanceRate()) / 10.0;
            }
            report.figure(ReportChart.stackedBars(font, "风险最高监测井的超标率", "%", names, List.of(new ReportChart.Series("超标率", new Color(0xd62828), rates))),
                    "图 1 按风险排序前 " + rates.length + " 口井的超标率（劣于III类的有效读数占比）");
        }
        List<List<String>> rows = new ArrayList<>();
        for (WellRisk w : wells) {
            rows.add(List.of(w.rank() == null ? "—" : String.valueOf(w.rank()), w.well(), w.wellName(), w.aquifer(), className(w.worstClass()),
                    ReportTexts.percent(w.exceedanceRate()), String.valueOf(w.increasing()), w.level()));
        }
        report.table(List.of("排序", "监测井", "名称", "含水层", "最差类别", "超标率", "上升指标", "风险等级"), rows);

        report.heading("三、各井各指标");
        List<List<String>> details = new ArrayList<>();
        for (WellRisk w : ranked) {
            for (ParameterRisk p : w.parameters()) {
                details.add(List.of(w.well(), p.parameterName(), ReportTexts.measured(p.latest(), p.unit()),
                        ReportTexts.clock(p.latestAt()), className(p.latestClass()), p.exceedances() + " / " + p.readings(), trendName(p.trend()),
                        p.pValue() == null ? "—" : String.format(Locale.ROOT, "%.3f", p.pValue()),
                        p.senSlopePerYear() == null ? "—" : ReportTexts.number(p.senSlopePerYear())));
            }
        }
        report.table(List.of("监测井", "指标", "最新值", "时间（北京时间）", "类别", "超标 / 有效", "趋势", "p 值", "Sen 斜率/年"), details);
        return report.pdf(font);
    }
}
