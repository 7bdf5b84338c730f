package org.groundwatergateway.core.dashboard;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a dashboard panel may show: a fixed list, each with the charts that suit it and what it needs to be drawn. */
public enum Indicator {
    /** A parameter's daily means at chosen wells, over the days up to their latest reading. */
    SERIES("series", true, true, 365, EnumSet.of(Chart.LINE, Chart.BAR, Chart.SCATTER)),
    /** The open alerts raised in the days up to now, by warning level. */
    ALERTS_BY_LEVEL("alerts-by-level", false, false, 365, EnumSet.of(Chart.BAR, Chart.NUMBER)),
    /**
     * The share of expected readings that arrived, per day of China Standard Time up to today: a day's figure is one
     * request to the data-quality API, so a month at most.
     */
    COMPLETENESS("completeness", false, false, 31, EnumSet.of(Chart.NUMBER, Chart.BAR)),
    /** The wells in each GB/T 14848 class of a parameter, by their latest reading if it is of the days up to the newest. */
    WELLS_BY_CLASS("wells-by-class", true, false, 365, EnumSet.of(Chart.BAR, Chart.NUMBER));

    private final String code;
    private final boolean needsParameter;
    private final boolean needsWells;
    private final int maxDays;
    private final Set<Chart> charts;

    Indicator(String code, boolean needsParameter, boolean needsWells, int maxDays, Set<Chart> charts) {
        this.code = code;
        this.needsParameter = needsParameter;
        this.needsWells = needsWells;
        this.maxDays = maxDays;
        this.charts = charts;
    }

    /** The longest period a panel of it spans, in days. */
    public int maxDays() {
        return maxDays;
    }

    public String code() {
        return code;
    }

    public boolean needsParameter() {
        return needsParameter;
    }

    public boolean needsWells() {
        return needsWells;
    }

    public Set<Chart> charts() {
        return charts;
    }

    public static Optional<Indicator> of(String code) {
        return Arrays.stream(values()).filter(i -> i.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(Indicator::code).toList();
    }

    /** How a panel is drawn. */
    public enum Chart {
        LINE, BAR, SCATTER, NUMBER;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<Chart> of(String code) {
            return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
        }
    }
}
