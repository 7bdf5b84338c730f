package org.groundwatergateway.core.plume;

import java.time.Instant;
import org.locationtech.jts.geom.Geometry;

/**
 * Where one parameter exceeds a threshold at one time, as one band of an estimate or forecast.
 *
 * @param sourceCode the potential source the plume comes from, if known
 * @param threshold  in the parameter's unit
 * @param method     how the outline was obtained, for the reader of a map (e.g. a model and its parameters)
 * @param outline    CGCS2000 polygon(s)
 * @param modelVersion the version of the model that drew the outline, for its provenance; null where not recorded
 */
public record Plume(Long id, long parkId, long parameterId, String sourceCode, Instant validTime, Band band, double threshold,
                    String method, double areaM2, Geometry outline, String modelVersion) {

    /** P50 is the central estimate; P05 and P95 bound the outline with 90 % probability. */
    public enum Band { P05, P50, P95 }
}
