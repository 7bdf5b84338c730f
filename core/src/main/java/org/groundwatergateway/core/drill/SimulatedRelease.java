package org.groundwatergateway.core.drill;

import java.time.Duration;
import java.time.Instant;
import org.groundwatergateway.analytics.flow.UniformFlow;
import org.groundwatergateway.analytics.transport.DomenicoSource;

/**
 * A drill's release: a continuous planar source starting at {@code start}, carried by the park's regional flow, in
 * Domenico's (1987) solution as {@link DomenicoSource} gives it — the model the demo's leaks follow and the source
 * tracer inverts, so a drill's incident is traced as a real one would be.
 *
 * @param x local east of the source, m
 * @param y local north of the source, m
 * @param sampleDepthM below the water table, where wells sample
 */
record SimulatedRelease(DomenicoSource source, UniformFlow flow, double x, double y, double sampleDepthM, Instant start) {

    /** Concentration (mg/L) at a local point at an instant. */
    double mgPerL(double east, double north, Instant at) {
        double days = Duration.between(start, at).toSeconds() / 86400.0;
        return flow.concentration(source, x, y, east, north, sampleDepthM, days);
    }
}
