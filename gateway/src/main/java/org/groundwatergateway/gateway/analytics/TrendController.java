package org.groundwatergateway.gateway.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.groundwatergateway.analytics.statistics.TrendAnalysis;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Trend tests on a series the caller sends: computation only, nothing stored is read, so it is open to every user. */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "统计与趋势分析 / statistics and trends")
public class TrendController {

    @Schema(example = "{\"values\": [12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7]}")
    public record Series(
            @Schema(description = "observations in time order") List<Double> values,
            @Schema(description = "observation times as numbers (e.g. decimal years), non-decreasing; default 1..n") List<Double> times) {}

    /**
     * @param trend one of INCREASING, PROBABLY_INCREASING, NO_TREND, STABLE, PROBABLY_DECREASING, DECREASING (MAROS)
     */
    public record Trend(int n, long s, double varS, double z, double pValue, double senSlope, double senSlopeLower,
                        double senSlopeUpper, String trend) {}

    @PostMapping("/trend")
    @Operation(summary = "Mann–Kendall test, Sen's slope with its 95 % interval, and the MAROS trend class",
            description = "S, Var(S) (tie-corrected), Z and the two-sided p of the Mann–Kendall test (Gilbert 1987 §16.4); "
                    + "Sen's slope per unit of `times` with Gilbert's distribution-free 95 % interval; MAROS class from S, "
                    + "the confidence Φ(|Z|) and the coefficient of variation.")
    public Trend trend(@RequestBody Series series) {
        double[] values = AnalysisRequests.numbers(series.values(), "values");
        double[] times = series.times() == null ? null : AnalysisRequests.numbers(series.times(), "times");
        if (times != null) AnalysisRequests.sameLength(times.length, "times", values.length, "values");
        TrendAnalysis analysis = TrendAnalysis.of(times, values);
        var mk = analysis.mannKendall();
        var sen = analysis.senSlope();
        return new Trend(mk.n(), mk.s(), mk.varS(), mk.z(), mk.pValue(), sen.slope(), sen.lower(), sen.upper(), analysis.trend().name());
    }
}
