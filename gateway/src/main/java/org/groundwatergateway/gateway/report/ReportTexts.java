package org.groundwatergateway.gateway.report;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.groundwatergateway.core.parameter.MeasuredValues;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.time.ChinaStandardTime;

/**
 * How reports write what the data holds as codes: parameters by their Chinese names (苯, not benzene), alert kinds and
 * levels in Chinese, and every time in China Standard Time with its offset, so that no reader takes it for UTC.
 *
 * @param parameters by code
 */
record ReportTexts(Map<String, Parameter> parameters) {

    /** Said once at the top of every report; a time carries its offset, or its table column says 北京时间. */
    static final String TIMES = "本报告中的时间均为北京时间（UTC+8），写作 +08:00 或在表头注明。";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mmxxx");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Map<String, String> KINDS = Map.of(
            "WARNING_CLASS_LIMIT", "超过水质类别限值", "WARNING_SOIL_SCREENING", "超过土壤筛选值", "WARNING_BACKGROUND", "超过背景值",
            "WARNING_TREND", "浓度上升趋势", "WARNING_LEVEL_CHANGE", "水位变化", "WARNING_RATE_OF_CHANGE", "变化过快",
            "WARNING_COMBINED", "组合条件", "DEVICE_SILENT", "设备离线", "REVIEW_OVERDUE", "数据审核超期");

    private static final Map<QualityFlag, String> FLAGS = flags();

    static ReportTexts of(List<Parameter> parameters) {
        return new ReportTexts(parameters.stream().collect(Collectors.toMap(Parameter::code, Function.identity(), (a, b) -> a)));
    }

    /** 苯 for benzene; an unknown code as it is. */
    String parameter(String code) {
        Parameter p = parameters.get(code);
        return p == null ? code : p.nameZh();
    }

    /** An alert's subject: a datastream code {@code well/parameter} as 「well 苯」, anything else (a device MN) as it is. */
    String subject(String subject) {
        int slash = subject.lastIndexOf('/');
        if (slash < 0 || !parameters.containsKey(subject.substring(slash + 1))) return subject;
        return subject.substring(0, slash) + " " + parameter(subject.substring(slash + 1));
    }

    /** An alert kind in Chinese; a kind the platform does not raise itself (a test's, a peer's) as it is. */
    static String kind(String kind) {
        return KINDS.getOrDefault(kind, kind);
    }

    /** 2030-01-01 10:00+08:00, or — for none. */
    static String time(Instant at) {
        return at == null ? "—" : at.atOffset(ChinaStandardTime.OFFSET).format(TIME);
    }

    /** 2030-01-01 10:00 in China Standard Time, for a table column headed （北京时间）; — for none. */
    static String clock(Instant at) {
        return at == null ? "—" : at.atOffset(ChinaStandardTime.OFFSET).format(CLOCK);
    }

    /** 97.5%, or — for none. */
    static String percent(Double fraction) {
        return fraction == null ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /** A quality flag by its Chinese name, with the HJ 212 data flag letter where it is one. */
    static String flag(QualityFlag flag) {
        return FLAGS.get(flag);
    }

    private static Map<QualityFlag, String> flags() {
        Map<QualityFlag, String> names = new java.util.EnumMap<>(QualityFlag.class);
        names.put(QualityFlag.STOPPED, "停运（F）");
        names.put(QualityFlag.MAINTENANCE, "维护（M）");
        names.put(QualityFlag.MANUAL, "手工输入（S）");
        names.put(QualityFlag.FAULT, "故障（D）");
        names.put(QualityFlag.CALIBRATION, "校准（C）");
        names.put(QualityFlag.OVER_RANGE, "超仪器上限（T）");
        names.put(QualityFlag.COMMUNICATION_FAULT, "通讯故障（B）");
        names.put(QualityFlag.RANGE, "超出测量范围");
        names.put(QualityFlag.RATE_OF_CHANGE, "变化率异常");
        names.put(QualityFlag.FLATLINE, "长时间恒值");
        names.put(QualityFlag.SPIKE, "尖峰");
        names.put(QualityFlag.DUPLICATE, "同一时刻重复值");
        names.put(QualityFlag.AFTER_GAP, "断档后首值");
        names.put(QualityFlag.DUAL_SENSOR_MISMATCH, "双传感器偏差");
        names.put(QualityFlag.INCONSISTENT, "指标间不一致");
        names.put(QualityFlag.DURING_CALIBRATION, "校准期间");
        names.put(QualityFlag.CALIBRATION_OVERDUE, "校准过期");
        names.put(QualityFlag.CORRECTED, "人工修正");
        names.put(QualityFlag.REJECTED, "人工剔除");
        names.put(QualityFlag.NON_DETECT, "未检出");
        names.put(QualityFlag.RETRACTED, "已撤回");
        if (names.size() != QualityFlag.values().length) throw new IllegalStateException("a quality flag has no Chinese name: " + EnumSet.complementOf(EnumSet.copyOf(names.keySet())));
        return names;
    }

    /** A value with its unit, as a Chinese report prints it: pH's "dimensionless" is no unit to print. */
    static String measured(Double value, String unit) {
        return value == null || value.isNaN() ? "—" : number(value) + (unit == null || unit.equals("dimensionless") ? "" : " " + unit);
    }

    static String number(Double value) {
        return value == null || value.isNaN() ? "—" : MeasuredValues.fourDigits(value);
    }
}
