package org.groundwatergateway.analytics.forecast;

import java.time.Instant;
import java.util.List;

/** Forecasts from one origin, one point per horizon, each with its prediction interval. */
public record Forecast(Instant origin, double originValue, List<Point> points) {

    public record Point(int steps, Instant time, double value, double lower, double upper) {}

    public Forecast {
        points = List.copyOf(points);
    }

    public Point at(int steps) {
        return points.stream().filter(p -> p.steps() == steps).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no forecast " + steps + " steps ahead"));
    }
}
