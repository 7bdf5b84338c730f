package org.groundwatergateway.core.emergency;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.groundwatergateway.core.monitoring.Well;

/**
 * One plume is one event: which open incident a new severe alert belongs to, and how the incident escalates when it does.
 *
 * <p>An alert belongs to an open incident of the same pollutant in the same <em>area</em>: the same aquifer (a plume stays in
 * the layer it was released into) and the alert's well within {@code radiusM} of the incident's location. A radius rather
 * than an enterprise plot, because a plume crosses plot boundaries (that crossing is what makes it 二级), and because the
 * wells of one release sit on one line down the flow: the demo's leaks are seen 10 to 180 m downstream of their source,
 * while its two sources are 1.1 km apart. 500 m by default covers a plume's first years at the park's 0.13 m/d.
 * Where several incidents qualify the nearest takes the alert.
 *
 * <p>Escalation: the joining well's reading raises the incident's concentration when higher (its plan's dose follows), and
 * a boundary sentinel well reached means the plume is leaving the park — 一级 by {@link ResponseLevel}'s definition.
 * Levels are only ever raised here; people lower them.
 */
public record IncidentGrouping(double radiusM) {

    public static final IncidentGrouping DEFAULTS = new IncidentGrouping(500);

    public IncidentGrouping {
        if (!(radiusM > 0)) throw new IllegalArgumentException("plume radius must be positive, not " + radiusM);
    }

    /** An open incident where grouping sees it: its aquifer and its location on the park's local grid (m). */
    public record Open(Incident incident, long aquiferId, double x, double y) {}

    /** The open incident a severe alert of {@code parameterCode} at a well at local (x, y) in {@code aquiferId} joins, if any. */
    public Optional<Incident> joins(String parameterCode, long aquiferId, double x, double y, List<Open> open) {
        return open.stream()
                .filter(o -> o.incident().parameterCode().equals(parameterCode) && o.aquiferId() == aquiferId)
                .filter(o -> Math.hypot(o.x() - x, o.y() - y) <= radiusM)
                .min(Comparator.comparingDouble(o -> Math.hypot(o.x() - x, o.y() - y)))
                .map(Open::incident);
    }

    /** The incident's level once a well of this role has joined it. */
    public ResponseLevel escalated(ResponseLevel current, Well.Role joining) {
        return joining == Well.Role.BOUNDARY_SENTINEL ? ResponseLevel.LEVEL_1 : current;
    }

    /** The incident's concentration once a reading of {@code seenMgPerL} has joined it: the highest seen. */
    public static Double concentration(Double current, Double seenMgPerL) {
        if (seenMgPerL == null) return current;
        return current == null || seenMgPerL > current ? seenMgPerL : current;
    }
}
