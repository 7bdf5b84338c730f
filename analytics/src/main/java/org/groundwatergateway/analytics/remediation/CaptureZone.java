package org.groundwatergateway.analytics.remediation;

import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.transport.PlumePoint;

/**
 * The capture zone of one pumping well in uniform regional flow, Javandel &amp; Tsang (1986), "Capture-zone type curves:
 * a tool for aquifer cleanup", Ground Water 24(5), 616–625: with pumping rate Q (m³/d), aquifer thickness B (m) and
 * regional Darcy flux q (m/d) along +x, the zone is bounded by the streamline y = Q θ / (2π B q), x = y / tan θ
 * (θ the angle seen from the well), which is Q/(B q) wide far upgradient, Q/(2 B q) wide across the well, and closes at
 * the stagnation point Q/(2π B q) downgradient of it. Coordinates are relative to the well.
 */
public record CaptureZone(double pumpingRate, double aquiferThickness, double darcyFlux) {

    public CaptureZone {
        if (!(pumpingRate > 0 && aquiferThickness > 0 && darcyFlux > 0)) {
            throw new InvalidArgument("analytics.remediation.captureZone");
        }
    }

    /** Width of the zone far upgradient, Q/(B q). */
    public double upstreamWidth() {
        return pumpingRate / (aquiferThickness * darcyFlux);
    }

    /** Width of the zone on the line across the flow through the well, Q/(2 B q). */
    public double widthAtWell() {
        return upstreamWidth() / 2;
    }

    /** Distance downgradient of the well where the regional flow and the well's pull cancel, Q/(2π B q). */
    public double stagnationDistance() {
        return upstreamWidth() / (2 * Math.PI);
    }

    /** Darcy flux (m/d) at (x, y) relative to the well: the regional flux plus the well's radial pull, Q/(2π B r). */
    public double[] darcyFluxAt(double x, double y) {
        double r2 = x * x + y * y;
        double pull = pumpingRate / (2 * Math.PI * aquiferThickness * r2);
        return new double[] {darcyFlux - pull * x, -pull * y};
    }

    /** The dividing streamline from far upgradient on one side, through the stagnation point, to the other: {@code points} ≥ 3. */
    public List<PlumePoint> boundary(int points) {
        List<PlumePoint> line = new ArrayList<>();
        double scale = pumpingRate / (2 * Math.PI * aquiferThickness * darcyFlux);
        for (int k = 0; k < points; k++) {
            // θ from just short of −π to just short of π; far upgradient the boundary runs off to x → −∞.
            double theta = -Math.PI * (1 - (k + 0.5) / points * 2) * 0.999;
            double y = scale * theta;
            line.add(theta == 0 ? new PlumePoint(scale, 0) : new PlumePoint(y / Math.tan(theta), y));
        }
        return line;
    }
}
