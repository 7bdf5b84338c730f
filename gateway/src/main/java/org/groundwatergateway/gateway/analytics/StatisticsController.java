package org.groundwatergateway.gateway.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;
import org.groundwatergateway.analytics.statistics.CensoredSummary;
import org.groundwatergateway.analytics.statistics.CensoredValue;
import org.groundwatergateway.analytics.statistics.Correlation;
import org.groundwatergateway.analytics.statistics.NonparametricPredictionLimit;
import org.groundwatergateway.analytics.statistics.NormalPredictionLimit;
import org.groundwatergateway.analytics.statistics.SeasonalMannKendall;
import org.groundwatergateway.analytics.statistics.ShewhartCusum;
import org.groundwatergateway.core.problem.InvalidInput;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statistics on numbers the caller sends — summaries with non-detects, correlation, seasonal trend, and the
 * background-versus-compliance tests of the US EPA Unified Guidance (2009). Computation only, open to every user.
 */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "统计与趋势分析 / statistics and trends")
public class StatisticsController {

    @Schema(example = "{\"values\": [\"<2\", \"<2\", 3.3, 7.5, \"<5\", 12.0, 8.1, 21.6, 4.4, 16.9]}")
    public record Results(@Schema(description = "results: numbers, or text such as \"<2\" for a non-detect below its detection limit")
                          List<Object> values,
                          @Schema(description = "SAMPLE, KAPLAN_MEIER or ROBUST_ROS; default chosen from the data") String estimator) {}

    @PostMapping("/statistics")
    @Operation(summary = "Descriptive statistics of results with non-detects",
            description = "Mean, standard deviation, median and percentiles by Kaplan–Meier (Helsel 2012; Unified Guidance §15.3) "
                    + "or robust regression on order statistics (Helsel & Cohn 1988; Unified Guidance §15.4), chosen from the data: "
                    + "ROS with at least 5 positive, differing detects, Kaplan–Meier otherwise, plain sample statistics without non-detects.")
    public CensoredSummary statistics(@RequestBody Results request) {
        List<CensoredValue> values = AnalysisRequests.results(request.values(), "values");
        if (request.estimator() == null) return CensoredSummary.of(values);
        return CensoredSummary.of(values, AnalysisRequests.choice(CensoredSummary.Estimator.class, request.estimator(), "estimator"));
    }

    @Schema(example = "{\"x\": [210, 340, 520, 800, 1150], \"y\": [0.41, 0.62, 0.88, 1.35, 1.92]}")
    public record Pairs(List<Double> x, List<Double> y) {}

    public record Correlations(Correlation pearson, Correlation spearman) {}

    @PostMapping("/correlation")
    @Operation(summary = "Pearson and Spearman correlation with two-sided p-values (t on n − 2 degrees of freedom)")
    public Correlations correlation(@RequestBody Pairs pairs) {
        double[] x = AnalysisRequests.numbers(pairs.x(), "x");
        double[] y = AnalysisRequests.numbers(pairs.y(), "y");
        AnalysisRequests.sameLength(x.length, "x", y.length, "y");
        return new Correlations(Correlation.pearson(x, y), Correlation.spearman(x, y));
    }

    @Schema(example = "{\"times\": [2021.1, 2021.6, 2022.1, 2022.6, 2023.1, 2023.6, 2024.1, 2024.6], "
            + "\"values\": [1.2, 2.9, 1.4, 3.1, 1.5, 3.3, 1.7, 3.6], \"seasons\": [1, 2, 1, 2, 1, 2, 1, 2]}")
    public record SeasonalSeries(List<Double> times, List<Double> values,
                                 @Schema(description = "season of each value, e.g. the month or the quarter") List<Integer> seasons) {}

    @PostMapping("/seasonal-trend")
    @Operation(summary = "Seasonal Mann–Kendall test (Hirsch, Slack & Smith 1982) with the seasonal Sen slope and van Belle–Hughes homogeneity")
    public SeasonalMannKendall seasonalTrend(@RequestBody SeasonalSeries series) {
        double[] times = AnalysisRequests.numbers(series.times(), "times");
        double[] values = AnalysisRequests.numbers(series.values(), "values");
        AnalysisRequests.sameLength(times.length, "times", values.length, "values");
        if (series.seasons() == null) throw new InvalidInput("gateway.required", "seasons");
        AnalysisRequests.sameLength(series.seasons().size(), "seasons", values.length, "values");
        int[] seasons = new int[values.length];
        for (int i = 0; i < seasons.length; i++) {
            if (series.seasons().get(i) == null) throw new InvalidInput("gateway.analysis.missing", "seasons[" + i + "]");
            seasons[i] = series.seasons().get(i);
        }
        return SeasonalMannKendall.test(times, values, seasons);
    }

    @Schema(example = "{\"background\": [28.0, 31.2, 22.4, 35.1, 26.7, 30.3, 24.9, 29.5], \"compliance\": [33.0, 71.4], "
            + "\"method\": \"NORMAL\", \"futureValues\": 2, \"confidence\": 0.95}")
    public record PredictionLimitRequest(
            List<Object> background,
            @Schema(description = "the compliance values to test against the limit") List<Double> compliance,
            @Schema(description = "NORMAL (parametric, Unified Guidance §18.2) or NONPARAMETRIC (the background maximum, §18.3)") String method,
            @Schema(description = "future values (or means) the limit must cover, k") Integer futureValues,
            @Schema(description = "NORMAL: values averaged into each future mean; default 1") Integer valuesPerMean,
            @Schema(description = "NONPARAMETRIC: how many of the future values must pass (1-of-m retesting); default all") Integer required,
            @Schema(description = "NORMAL: confidence level; default 0.95") Double confidence) {}

    public enum Method { NORMAL, NONPARAMETRIC }

    public record PredictionLimitAnswer(Method method, double limit, boolean limitCensored, double confidence, int background,
                                        List<Integer> exceedances, Object detail) {}

    @PostMapping("/prediction-limit")
    @Operation(summary = "Prediction limit from background wells and which compliance values exceed it (US EPA Unified Guidance 2009, ch. 18)")
    public PredictionLimitAnswer predictionLimit(@RequestBody PredictionLimitRequest request) {
        Method method = request.method() == null ? Method.NORMAL : AnalysisRequests.choice(Method.class, request.method(), "method");
        double[] compliance = request.compliance() == null ? new double[0] : AnalysisRequests.numbers(request.compliance(), "compliance");
        int future = request.futureValues() == null ? Math.max(1, compliance.length) : request.futureValues();
        List<CensoredValue> background = AnalysisRequests.results(request.background(), "background");
        if (method == Method.NORMAL) {
            double[] values = new double[background.size()];
            for (int i = 0; i < values.length; i++) {
                if (background.get(i).censored()) {
                    throw new InvalidInput("gateway.analysis.nonDetect", "background[" + i + "]");
                }
                values[i] = background.get(i).value();
            }
            double confidence = request.confidence() == null ? 0.95 : request.confidence();
            NormalPredictionLimit limit = request.valuesPerMean() == null || request.valuesPerMean() == 1
                    ? NormalPredictionLimit.forFutureValues(values, future, confidence)
                    : NormalPredictionLimit.forFutureMeans(values, future, request.valuesPerMean(), confidence);
            return new PredictionLimitAnswer(method, limit.limit(), false, limit.confidence(), values.length,
                    exceedances(compliance, limit::exceededBy), limit);
        }
        NonparametricPredictionLimit limit = request.required() == null
                ? NonparametricPredictionLimit.maximum(background, future)
                : NonparametricPredictionLimit.maximum(background, future, request.required());
        return new PredictionLimitAnswer(method, limit.limit().value(), limit.limit().censored(), limit.confidence(), background.size(),
                exceedances(compliance, limit::exceededBy), limit);
    }

    @Schema(example = "{\"baseline\": [21.2, 28.7, 19.4, 33.0, 25.1, 22.8, 30.6, 24.3], \"compliance\": [26.0, 29.4, 41.5, 52.3, 80.2]}")
    public record ControlChartRequest(List<Double> baseline, List<Double> compliance,
                                      @Schema(description = "CUSUM decision limit h, default 5") Double h,
                                      @Schema(description = "CUSUM reference value k, default 1") Double k,
                                      @Schema(description = "Shewhart control limit, default 4.5") Double scl) {}

    @PostMapping("/control-chart")
    @Operation(summary = "Combined Shewhart–CUSUM control chart of a compliance well against its baseline (Unified Guidance ch. 20; Lucas 1982)")
    public ShewhartCusum controlChart(@RequestBody ControlChartRequest request) {
        ShewhartCusum.Parameters defaults = ShewhartCusum.Parameters.GUIDANCE;
        ShewhartCusum.Parameters parameters = new ShewhartCusum.Parameters(
                request.h() == null ? defaults.h() : request.h(),
                request.k() == null ? defaults.k() : request.k(),
                request.scl() == null ? defaults.scl() : request.scl());
        return ShewhartCusum.chart(AnalysisRequests.numbers(request.baseline(), "baseline"),
                AnalysisRequests.numbers(request.compliance(), "compliance"), parameters);
    }

    private static List<Integer> exceedances(double[] compliance, DoublePredicate exceeds) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < compliance.length; i++) if (exceeds.test(compliance[i])) indices.add(i);
        return indices;
    }
}
