package org.groundwatergateway.core.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.groundwatergateway.analytics.forecast.Backtest;
import org.groundwatergateway.analytics.forecast.FeatureDesign;
import org.groundwatergateway.analytics.forecast.Forecast;
import org.groundwatergateway.analytics.forecast.ForecastSettings;
import org.groundwatergateway.analytics.forecast.LearnedForecaster;
import org.groundwatergateway.analytics.forecast.WellSeries;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;

/**
 * Forecasts of one datastream from its own stored history: the learned forecaster trained on the recent past
 * (with the park's rainfall for water levels, which answer rain), and how it did against persistence on the
 * last fifth of that past. Where persistence did better at a horizon — typically when a plume arrives at a well
 * whose history is flat, so nothing in it teaches the model the rise — that horizon is forecast by persistence,
 * with a normal interval from its held-out error, and says so.
 *
 * <p>Reporting gaps (a restart, a dead modem) are bridged: the forecaster learns from the regular series with gaps as
 * missing steps, computes its features across a gap on the straight line between the readings either side, and forecasts
 * from the latest reading as soon as readings resume; origins whose features look across a gap have intervals calibrated
 * on such origins ({@link LearnedForecaster}). Laboratory series (sampled by hand, at no regular interval) are refused:
 * there is no regular series to learn from.
 */
public final class DatastreamForecasts {

    /** The share of the history held out to score the forecaster against persistence. */
    public static final double HELD_OUT = 0.2;
    private static final int UNUSABLE = QualityFlag.bits(QualityFlag.NOT_REPRESENTATIVE);
    /** Newest readings looked through for one to start a forecast from: a week of hourly flags is no series to forecast. */
    private static final int LATEST_LOOKED_AT = 168;
    /** Rain sums over these many hours ahead of the forecast origin: from a storm's first hours to a fortnight's recession. */
    private static final int[] RAIN_WINDOW_HOURS = {1, 3, 6, 12, 24, 48, 96, 168, 336};

    public enum Method { LEARNED, PERSISTENCE }

    /** The forecast at one horizon, by the method that did better on the held-out past. */
    public record Point(int hours, Instant time, double value, double lower, double upper, Method method) {}

    /**
     * @param covariate the covariate used ("rainfall" with the weather station's code), or null
     * @param rainfallGapsFilled hours without a rainfall reading, taken as dry
     */
    public record Result(Datastream datastream, Parameter parameter, String covariate, int rainfallGapsFilled, Instant origin,
                         double originValue, List<Point> points, Backtest backtest, Instant historyStart, double[] recent) {}

    /** Two-sided 95 % normal quantile, for persistence's interval from its held-out RMSE. */
    private static final double Z95 = 1.959964;

    /** Forecasts kept: a well page per datastream opened again, by the same person or another, for a busy park's duty room. */
    private static final int KEPT = 64;

    private final Database database;
    private final MonitoringRepository monitoring;
    private final ParameterRepository parameters;
    /**
     * Forecasts already made, by what they were made from. Training takes seconds of a core, and a well page asks for
     * the forecast at every opening; readings are only ever added (a correction, a review decision or a retraction is a
     * new version of the reading), so the number of a datastream's stored versions changes whenever anything a forecast
     * read from it does.
     */
    private final Map<MadeFrom, Result> made = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<MadeFrom, Result> eldest) {
            return size() > KEPT;
        }
    });

    /**
     * Forecasts being trained now: a duty room opening one well page on several screens at once waits for the one training
     * instead of starting one each (seconds of a core apiece, on a 2-core gateway).
     */
    private final Map<MadeFrom, CompletableFuture<Result>> training = new ConcurrentHashMap<>();

    /** What a forecast was made from: the request, and how many versions each series it read had stored then. */
    private record MadeFrom(long datastreamId, List<Integer> steps, int historyDays, long versions, long rainfallVersions) {}

    /** @param database where the series are read from, the same database the repositories read */
    public DatastreamForecasts(Database database, MonitoringRepository monitoring, ParameterRepository parameters) {
        this.database = database;
        this.monitoring = monitoring;
        this.parameters = parameters;
    }

    /**
     * @param horizonHours how far ahead, in hours
     * @param historyDays how much of the stored past to learn from, ending at the latest reading
     */
    public Result forecast(long datastreamId, List<Integer> horizonHours, int historyDays) {
        Datastream datastream = monitoring.findDatastream(datastreamId)
                .orElseThrow(() -> new InvalidInput("core.forecast.noDatastream", "datastream", datastreamId));
        if (datastream.wellId() == null) throw new InvalidInput("core.forecast.notAWell", null, datastream.code());
        if (datastream.intervalMinutes() <= 0) {
            throw new InvalidInput("core.forecast.laboratory", null, datastream.code());
        }
        if (historyDays < 30 || historyDays > 3660) throw new InvalidInput("core.forecast.historyDays", "historyDays", historyDays);
        Parameter parameter = parameters.findById(datastream.parameterId()).orElseThrow();
        Duration step = Duration.ofMinutes(datastream.intervalMinutes());
        int[] steps = steps(horizonHours, step);
        boolean level = "water-level".equals(parameter.code());
        Optional<Datastream> rain = level ? rainfall(datastream) : Optional.empty();
        // Counted before anything is read: a reading stored meanwhile makes the next request train again.
        MadeFrom madeFrom = new MadeFrom(datastream.id(), Arrays.stream(steps).boxed().toList(), historyDays, versions(datastream.id()),
                rain.map(r -> versions(r.id())).orElse(0L));
        Result kept = made.get(madeFrom);
        if (kept != null) return kept;
        CompletableFuture<Result> mine = new CompletableFuture<>();
        CompletableFuture<Result> running = training.putIfAbsent(madeFrom, mine);
        if (running != null) return awaited(running);
        try {
            // Finished between the look above and this one's claim: kept already.
            Result result = made.get(madeFrom);
            if (result == null) {
                result = train(datastream, parameter, rain, step, steps, historyDays);
                made.put(madeFrom, result);
            }
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            training.remove(madeFrom, mine);
        }
    }

    /** Another request's training of the same forecast: its result, or the refusal or failure it ended in. */
    private static Result awaited(CompletableFuture<Result> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            if (e.getCause() instanceof Error cause) throw cause;
            throw e;
        }
    }

    private Result train(Datastream datastream, Parameter parameter, Optional<Datastream> rain, Duration step, int[] steps, int historyDays) {
        Instant latest = latestTime(datastream.id()).orElseThrow(() -> new InvalidInput(
                "core.forecast.noReadings", null, datastream.code()));
        int length = (int) (Duration.ofDays(historyDays).toMinutes() / datastream.intervalMinutes());
        // The window starts at the first reading in it: for a series younger than the history asked for, the steps before
        // it would count as a gap as long as the held-out fifth, leaving nothing to learn from.
        Instant earliest = earliestTime(datastream.id(), latest.minus(step.multipliedBy(length - 1L))).orElse(latest);
        length = (int) Math.min(length, Duration.between(earliest, latest).toMinutes() / datastream.intervalMinutes() + 1);
        Instant start = latest.minus(step.multipliedBy(length - 1L));
        double[] values = series(datastream.id(), start, step, length);

        WellSeries series = WellSeries.of(start, step, values);
        String covariate = null;
        int gaps = 0;
        boolean level = "water-level".equals(parameter.code());
        if (rain.isPresent()) {
            double[] rainfall = series(rain.get().id(), start, step, length);
            for (int i = 0; i < rainfall.length; i++) {
                if (Double.isNaN(rainfall[i])) {
                    rainfall[i] = 0;
                    gaps++;
                }
            }
            series = series.withCovariate("rainfall", rainfall);
            covariate = "rainfall " + rain.get().code();
        }
        ForecastSettings settings = ForecastSettings.of(design(step, rain.isPresent()), steps)
                // Concentrations scatter more as they rise; levels scatter alike at any height.
                .withWidth(level ? ForecastSettings.IntervalWidth.CONSTANT : ForecastSettings.IntervalWidth.LOCAL);
        Backtest backtest = Backtest.run(series, settings, HELD_OUT, 0);
        Forecast forecast = LearnedForecaster.train(series, settings).forecast(series);
        List<Point> points = new ArrayList<>();
        // A concentration, conductivity or rainfall is never below zero: the interval is cut there, which keeps every
        // value it could hold (and so its coverage).
        double floor = nonNegative(parameter) ? 0 : Double.NEGATIVE_INFINITY;
        for (Forecast.Point p : forecast.points()) {
            Backtest.HorizonScore score = backtest.at(p.steps());
            int hours = (int) (p.steps() * step.toMinutes() / 60);
            if (score.model().rmse() <= score.persistence().rmse()) {
                points.add(new Point(hours, p.time(), Math.max(floor, p.value()), Math.max(floor, p.lower()), Math.max(floor, p.upper()), Method.LEARNED));
            } else {
                double half = Z95 * score.persistence().rmse();
                double last = forecast.originValue();
                points.add(new Point(hours, p.time(), last, Math.max(floor, last - half), Math.max(floor, last + half), Method.PERSISTENCE));
            }
        }
        double[] recent = Arrays.copyOfRange(values, Math.max(0, length - 7 * 24 * 60 / datastream.intervalMinutes()), length);
        return new Result(datastream, parameter, covariate, gaps, forecast.origin(), forecast.originValue(), points, backtest, start, recent);
    }

    /** Quantities that cannot be negative: dissolved concentrations, conductivity and rainfall (not levels or temperatures). */
    static boolean nonNegative(Parameter parameter) {
        return switch (parameter.unit()) {
            case "mg/L", "µg/L", "ug/L", "μg/L", "ng/L", "µS/cm", "mm" -> true;
            default -> false;
        };
    }

    private static FeatureDesign design(Duration step, boolean rainfall) {
        long minutes = step.toMinutes();
        int day = (int) Math.max(3, Duration.ofDays(1).toMinutes() / minutes);
        if (!rainfall) return FeatureDesign.of(6, day);
        TreeSet<Integer> windows = new TreeSet<>();
        for (int hours : RAIN_WINDOW_HOURS) windows.add((int) Math.max(1, hours * 60L / minutes));
        return FeatureDesign.of(6, day, windows.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int[] steps(List<Integer> horizonHours, Duration step) {
        if (horizonHours == null || horizonHours.isEmpty()) throw new InvalidInput("core.forecast.horizonsRequired", "horizons");
        return horizonHours.stream().mapToInt(hours -> {
            if (hours == null || hours < 1 || hours > 24 * 30) throw new InvalidInput("core.forecast.horizon", "horizons", hours);
            long steps = Math.round(hours * 60.0 / step.toMinutes());
            if (steps < 1) throw new InvalidInput("core.forecast.horizonShort", "horizons", hours);
            return (int) steps;
        }).distinct().sorted().toArray();
    }

    /** Every stored version of the datastream's readings, current or not. */
    private long versions(long datastreamId) {
        return database.jdbc().sql("SELECT COUNT(*) FROM readings WHERE datastream_id = ?").param(datastreamId).query(Long.class).single();
    }

    private Optional<Instant> earliestTime(long datastreamId, Instant notBefore) {
        return database.jdbc().sql("SELECT MIN(phenomenon_time) AS earliest FROM readings WHERE datastream_id = ? AND current_version "
                        + "AND phenomenon_time >= ?")
                .params(datastreamId, Rows.timestamp(notBefore)).query((rs, n) -> Optional.ofNullable(Rows.instant(rs, "earliest"))).single();
    }

    /**
     * The latest reading the forecaster can start from: a flagged one (a spike, a calibration) is left out of the series,
     * so starting there would start from a gap. Looked for among the newest readings, newest first (an index walk).
     */
    private Optional<Instant> latestTime(long datastreamId) {
        return database.jdbc().sql("SELECT phenomenon_time, quality_flags FROM readings WHERE datastream_id = ? AND current_version "
                        + "ORDER BY phenomenon_time DESC LIMIT " + LATEST_LOOKED_AT)
                .param(datastreamId).query((rs, n) -> (rs.getInt("quality_flags") & UNUSABLE) == 0 ? Rows.instant(rs, "phenomenon_time") : null)
                .list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** Usable readings on the datastream's regular steps; NaN where there is none. */
    private double[] series(long datastreamId, Instant start, Duration step, int length) {
        double[] values = new double[length];
        Arrays.fill(values, Double.NaN);
        long stepMillis = step.toMillis();
        database.jdbc().sql("SELECT phenomenon_time, result_value, quality_flags FROM readings WHERE datastream_id = ? AND current_version "
                        + "AND phenomenon_time >= ? AND phenomenon_time <= ?")
                .params(datastreamId, Rows.timestamp(start.minus(step.dividedBy(2))), Rows.timestamp(start.plus(step.multipliedBy(length))))
                .query(rs -> {
                    if ((rs.getInt("quality_flags") & UNUSABLE) != 0) return;
                    long index = Math.round((double) Duration.between(start, Rows.instant(rs, "phenomenon_time")).toMillis() / stepMillis);
                    if (index >= 0 && index < length) values[(int) index] = rs.getDouble("result_value");
                });
        return values;
    }

    /** The rainfall datastream of the well's park, at its first weather station that has one. */
    private Optional<Datastream> rainfall(Datastream levelStream) {
        Well well = monitoring.findWell(levelStream.wellId()).orElseThrow();
        Parameter rain = parameters.findByCode("rainfall").orElse(null);
        if (rain == null) return Optional.empty();
        List<Datastream> streams = monitoring.findDatastreams();
        return monitoring.findWeatherStations(well.parkId()).stream()
                .flatMap(station -> streams.stream().filter(d -> station.id().equals(d.weatherStationId()) && d.parameterId() == rain.id()))
                .findFirst();
    }
}
