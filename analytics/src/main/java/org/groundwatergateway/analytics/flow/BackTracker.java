package org.groundwatergateway.analytics.flow;

import org.locationtech.jts.geom.LineString;

/**
 * Where the water at a well came from, drawn back to a source thought to have sent it: the path a tracer shows from the
 * well a source impacts most to that source.
 */
public interface BackTracker {

    /**
     * The flow line from the well at (x, y) upgradient to where it passes nearest the source at (sourceX, sourceY), then
     * across to the source: the last segment's length is how far the source lies off the water's path.
     */
    LineString toSource(double x, double y, double sourceX, double sourceY);
}
