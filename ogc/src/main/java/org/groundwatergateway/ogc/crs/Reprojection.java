package org.groundwatergateway.ogc.crs;

import org.groundwatergateway.core.geo.PointMapping;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** Geometries and envelopes between CGCS2000 longitude/latitude and an offered CRS, east/north order throughout. */
public final class Reprojection {

    private static final int ENVELOPE_EDGE_SAMPLES = 16;

    private Reprojection() {}

    /** A copy of a stored geometry in the target CRS; the same geometry when the target is geographic. */
    public static Geometry fromStorage(Geometry geometry, Crs target) {
        return target.geographic() ? geometry : apply(geometry, target.fromLonLat());
    }

    /** A copy of a geometry given in {@code source} in CGCS2000 longitude/latitude. */
    public static Geometry toStorage(Geometry geometry, Crs source) {
        return source.geographic() ? geometry : apply(geometry, source.toLonLat());
    }

    /**
     * The longitude/latitude envelope covering an envelope of {@code source}: edges are sampled, since a
     * projected rectangle's edges are curves in longitude/latitude. An envelope too large for its edges to be
     * sampled or projected (such as ±1e308) is an {@link IllegalArgumentException} naming the CRS.
     */
    public static Envelope toStorage(Envelope envelope, Crs source) {
        Envelope lonLat;
        try {
            lonLat = transform(envelope, source.geographic() ? PointMapping.IDENTITY : source.toLonLat());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(tooLarge(envelope, source) + ": " + e.getMessage(), e);
        }
        if (!finite(envelope) || !finite(lonLat)) throw new IllegalArgumentException(tooLarge(envelope, source));
        return lonLat;
    }

    private static boolean finite(Envelope e) {
        return !e.isNull() && Double.isFinite(e.getWidth()) && Double.isFinite(e.getHeight());
    }

    private static String tooLarge(Envelope envelope, Crs crs) {
        return "the box " + envelope.getMinX() + "," + envelope.getMinY() + "," + envelope.getMaxX() + "," + envelope.getMaxY()
                + " reaches beyond what " + crs.code() + " can express in longitude and latitude";
    }

    /** The envelope in {@code target} covering a longitude/latitude envelope. */
    public static Envelope fromStorage(Envelope envelope, Crs target) {
        return transform(envelope, target.geographic() ? PointMapping.IDENTITY : target.fromLonLat());
    }

    private static Envelope transform(Envelope envelope, PointMapping transform) {
        Envelope result = new Envelope();
        for (int i = 0; i <= ENVELOPE_EDGE_SAMPLES; i++) {
            double fx = envelope.getMinX() + envelope.getWidth() * i / ENVELOPE_EDGE_SAMPLES;
            double fy = envelope.getMinY() + envelope.getHeight() * i / ENVELOPE_EDGE_SAMPLES;
            include(result, transform.apply(fx, envelope.getMinY()));
            include(result, transform.apply(fx, envelope.getMaxY()));
            include(result, transform.apply(envelope.getMinX(), fy));
            include(result, transform.apply(envelope.getMaxX(), fy));
        }
        return result;
    }

    private static void include(Envelope envelope, double[] xy) {
        envelope.expandToInclude(xy[0], xy[1]);
    }

    private static Geometry apply(Geometry geometry, PointMapping mapping) {
        return mapping.applyTo(geometry);
    }
}
