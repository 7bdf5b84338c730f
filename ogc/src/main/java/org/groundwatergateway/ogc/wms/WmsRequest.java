package org.groundwatergateway.ogc.wms;

import java.time.Instant;
import java.util.List;
import org.groundwatergateway.ogc.crs.Crs;
import org.locationtech.jts.geom.Envelope;

/** A WMS 1.3.0 request (OGC 06-042) as the KVP reader produces it. */
public sealed interface WmsRequest {

    record GetCapabilities() implements WmsRequest {}

    /**
     * @param bbox   the map extent in the CRS's easting/northing (x/y) order, whatever order the request gave it in
     * @param time   the instant shown by time-aware layers; null for now
     */
    record GetMap(List<String> layers, List<String> styles, Crs crs, Envelope bbox, int width, int height, String format,
                  boolean transparent, int background, Instant time) implements WmsRequest {}

    /** @param i the pixel column, @param j the pixel row (from the top) */
    record GetFeatureInfo(GetMap map, List<String> queryLayers, int i, int j, String infoFormat, int featureCount) implements WmsRequest {}

    record GetLegendGraphic(String layer, String format, int width, int height) implements WmsRequest {}
}
