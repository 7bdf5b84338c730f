package org.groundwatergateway.gateway.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.analytics.forecast.Backtest;
import org.groundwatergateway.core.forecast.DatastreamForecasts;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Forecasts of a well's datastream, with how the forecaster did against persistence on the held-out recent past. */
@RestController
@Tag(name = "Analytics", description = "统计与趋势分析 / statistics and trends")
public class ForecastController {

    private final DatastreamForecasts forecasts;
    private final DisclosedRecords disclosed;

    public ForecastController(DatastreamForecasts forecasts, DisclosedRecords disclosed) {
        this.forecasts = forecasts;
        this.disclosed = disclosed;
    }

    /**
     * @param recent the last week of the series, for the chart leading into the forecast (NaN-free: gaps are null)
     * @param covariate what besides the series itself the forecaster used
     */
    public record ForecastAnswer(long datastreamId, String datastream, String parameter, String unit, String covariate, int rainfallGapsFilled,
                                 Instant historyStart, Instant origin, double originValue, List<DatastreamForecasts.Point> points,
                                 List<Double> recent, double heldOutShare, List<Backtest.HorizonScore> backtest) {}

    @GetMapping("/api/v1/datastreams/{id}/forecast")
    @Operation(summary = "Forecast of a well's datastream with 95 % prediction intervals, and its backtest against persistence",
            description = "A learned model (Tribuo elastic net per horizon on lagged values, the recent trend, the season and — for water "
                    + "levels — the park's rainfall) trained on the stored history up to the latest reading. Intervals are split-conformal "
                    + "from a rolling-origin backtest. `backtest` scores the model and persistence (the last value) on the held-out last "
                    + "fifth of the history: MAE and RMSE per horizon, and the interval coverage. Where persistence did better at a "
                    + "horizon (e.g. a plume arriving at a well whose history is flat), that point is forecast by persistence and says so "
                    + "in `method`. Reporting gaps are bridged: the model learns from the regular series with gaps as missing steps, takes "
                    + "its features across a gap on the straight line between the readings either side, and forecasts from the latest "
                    + "reading as soon as readings resume, with intervals calibrated on origins that looked across a gap. Laboratory "
                    + "datastreams (no regular interval) are refused with 400 problem+json. A forecast is trained once and answered again "
                    + "until the datastream's readings (or the rainfall it used) change.")
    public ForecastAnswer forecast(@PathVariable long id,
            @Parameter(description = "hours ahead, comma-separated") @RequestParam(defaultValue = "24,72") List<Integer> horizons,
            @Parameter(description = "days of history to learn from, 30 to 3660") @RequestParam(defaultValue = "180") int historyDays) {
        // A forecast is made from exact values up to now: only a viewer shown readings unmasked may have one.
        disclosed.requireUnmasked(Viewers.current(), "readings");
        DatastreamForecasts.Result result = forecasts.forecast(id, horizons, historyDays);
        List<Double> recent = new ArrayList<>();
        for (double v : result.recent()) recent.add(Double.isNaN(v) ? null : v);
        return new ForecastAnswer(id, result.datastream().code(), result.parameter().code(), result.parameter().unit(), result.covariate(),
                result.rainfallGapsFilled(), result.historyStart(), result.origin(), result.originValue(), result.points(), recent,
                DatastreamForecasts.HELD_OUT,
                result.backtest().horizons());
    }
}
