package org.groundwatergateway.ogc.wms;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.ogc.crs.CoordinateReferenceSystems;
import org.groundwatergateway.ogc.crs.Crs;
import org.groundwatergateway.ogc.crs.Reprojection;
import org.groundwatergateway.ogc.feature.PropertyType;
import org.groundwatergateway.ogc.ows.KvpRequest;
import org.groundwatergateway.ogc.ows.OwsException;
import org.locationtech.jts.geom.Envelope;

/**
 * Reads WMS 1.3.0 KVP requests (OGC 06-042 §7). The BBOX is in the CRS's own axis order: latitude first for
 * EPSG:4326 and 4490, northing first for the Gauss–Krüger zones, longitude first for CRS:84 (§6.7.3.3).
 * Requests without VERSION are taken as 1.3.0, as QGIS sends its first GetCapabilities. DPI,
 * MAP_RESOLUTION and FORMAT_OPTIONS (sent by QGIS) are accepted and do not change the picture.
 */
public final class WmsKvpReader {

    private WmsKvpReader() {}

    public static WmsRequest read(KvpRequest kvp, int maxImageSide) {
        String request = kvp.require("REQUEST");
        switch (request.toLowerCase(Locale.ROOT)) {
            case "getcapabilities":
                return new WmsRequest.GetCapabilities();
            case "getmap":
                return getMap(kvp, maxImageSide);
            case "getfeatureinfo":
                return getFeatureInfo(kvp, maxImageSide);
            case "getlegendgraphic":
                return new WmsRequest.GetLegendGraphic(kvp.get("LAYER").orElseGet(() -> kvp.require("LAYERS")), kvp.get("FORMAT").orElse("image/png"),
                        kvp.integer("WIDTH", 0, 0, 1024), kvp.integer("HEIGHT", 0, 0, 1024));
            default:
                throw new OwsException("OperationNotSupported", "REQUEST", "WMS has no operation " + request);
        }
    }

    private static WmsRequest.GetMap getMap(KvpRequest kvp, int maxImageSide) {
        kvp.get("VERSION").filter(v -> !v.equals("1.3.0") && !v.startsWith("1.3"))
                .ifPresent(v -> { throw WmsException.invalid("VERSION", "This service speaks WMS 1.3.0, not " + v); });
        List<String> layers = kvp.list("LAYERS");
        if (layers.isEmpty()) throw OwsException.missing("LAYERS");
        List<String> styles = kvp.list("STYLES");
        if (!styles.isEmpty() && styles.size() != layers.size() && !(styles.size() == 1 && styles.get(0).isEmpty())) {
            throw WmsException.invalid("STYLES", "STYLES must name one style per layer (" + layers.size() + "), or be empty");
        }
        String crsName = kvp.get("CRS").orElseGet(() -> kvp.require("SRS"));
        Crs crs = CoordinateReferenceSystems.lookup(crsName).orElseThrow(() -> WmsException.invalidCrs(crsName));
        Envelope bbox = bbox(kvp.require("BBOX"), crs);
        int width = side(kvp, "WIDTH", maxImageSide);
        int height = side(kvp, "HEIGHT", maxImageSide);
        String format = kvp.require("FORMAT");
        boolean transparent = kvp.get("TRANSPARENT").map(t -> t.equalsIgnoreCase("TRUE")).orElse(false);
        int background = kvp.get("BGCOLOR").map(WmsKvpReader::colour).orElse(0xFFFFFF);
        return new WmsRequest.GetMap(layers, styles, crs, bbox, width, height, format, transparent, background, time(kvp));
    }

    private static WmsRequest.GetFeatureInfo getFeatureInfo(KvpRequest kvp, int maxImageSide) {
        WmsRequest.GetMap map = getMap(kvp, maxImageSide);
        List<String> queryLayers = kvp.list("QUERY_LAYERS");
        if (queryLayers.isEmpty()) throw OwsException.missing("QUERY_LAYERS");
        int i = kvp.integer(kvp.has("I") ? "I" : "X", -1, -1, Integer.MAX_VALUE);
        int j = kvp.integer(kvp.has("J") ? "J" : "Y", -1, -1, Integer.MAX_VALUE);
        if (i < 0 || j < 0 || i >= map.width() || j >= map.height()) {
            throw new OwsException("InvalidPoint", "I", "I and J must name a pixel inside the " + map.width() + "x" + map.height() + " map");
        }
        return new WmsRequest.GetFeatureInfo(map, queryLayers, i, j, kvp.get("INFO_FORMAT").orElse("text/plain"),
                kvp.integer("FEATURE_COUNT", 1, 1, 1000));
    }

    static Envelope bbox(String text, Crs crs) {
        String[] parts = text.split(",");
        if (parts.length != 4) throw WmsException.invalid("BBOX", "BBOX needs four numbers, got '" + text + "'");
        double[] n = new double[4];
        for (int k = 0; k < 4; k++) {
            try {
                n[k] = Double.parseDouble(parts[k].trim());
                if (!Double.isFinite(n[k])) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw WmsException.invalid("BBOX", "BBOX value '" + parts[k] + "' is not a number");
            }
        }
        if (n[0] >= n[2] || n[1] >= n[3]) throw WmsException.invalid("BBOX", "BBOX minimum must be below maximum on both axes");
        Envelope bbox = crs.northFirst() ? new Envelope(n[1], n[3], n[0], n[2]) : new Envelope(n[0], n[2], n[1], n[3]);
        try {
            // Rendering reprojects the box to select features; a box that cannot be is the request's fault, said here.
            Reprojection.toStorage(bbox, crs);
        } catch (IllegalArgumentException e) {
            throw WmsException.invalid("BBOX", "BBOX: " + e.getMessage());
        }
        return bbox;
    }

    private static int side(KvpRequest kvp, String name, int max) {
        int value = kvp.integer(name, -1, 1, Integer.MAX_VALUE);
        if (value < 0) throw OwsException.missing(name);
        if (value > max) throw WmsException.invalid(name, name + " " + value + " exceeds the largest image this service renders (" + max + " px)");
        return value;
    }

    private static int colour(String text) {
        try {
            return Integer.parseInt(text.replace("0x", "").replace("0X", "").replace("#", ""), 16) & 0xFFFFFF;
        } catch (NumberFormatException e) {
            throw WmsException.invalid("BGCOLOR", "BGCOLOR must be 0xRRGGBB, got '" + text + "'");
        }
    }

    /**
     * TIME=instant, TIME=start/end (the end is shown) or TIME=current (§C.2). Read as WFS reads a date-time
     * ({@link PropertyType#DATETIME}: a bare date is China Standard Time, years 0 to 9999, which both databases store;
     * PostgreSQL refused year 999999999 with an error that answered 500).
     */
    private static Instant time(KvpRequest kvp) {
        String text = kvp.get("TIME").orElse(null);
        if (text == null || text.equalsIgnoreCase("current")) return null;
        String end = text.contains("/") ? text.split("/")[1] : text;
        if (end.equalsIgnoreCase("current") || end.isEmpty()) return null;
        try {
            return ((OffsetDateTime) PropertyType.DATETIME.parse(end)).toInstant();
        } catch (IllegalArgumentException e) {
            throw new OwsException("InvalidDimensionValue", "TIME", "TIME must be an ISO 8601 instant between the years 0 and 9999, got '"
                    + text + "'");
        }
    }
}
