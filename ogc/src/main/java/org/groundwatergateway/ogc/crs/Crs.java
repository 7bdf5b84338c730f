package org.groundwatergateway.ogc.crs;

import org.groundwatergateway.core.geo.PointMapping;

import org.locationtech.jts.geom.Envelope;

/**
 * A coordinate reference system the services offer.
 *
 * @param code        {@code EPSG:nnnn}, or {@code CRS:84} for longitude/latitude on WGS 84
 * @param northFirst  whether the official axis order puts latitude or northing first (EPSG:4326, 4490 and the
 *                    Gauss–Krüger zones do; EPSG:3857 and CRS:84 do not)
 * @param geographic  degrees rather than metres
 * @param area        where the CRS is meant to be used, in longitude/latitude
 */
public record Crs(String code, String title, boolean northFirst, boolean geographic, Envelope area, Projection projection) {

    public int epsg() {
        return code.startsWith("EPSG:") ? Integer.parseInt(code.substring(5)) : 0;
    }

    /** The OGC URN, as GML's srsName uses it with the official axis order. */
    public String urn() {
        return code.equals("CRS:84") ? "urn:ogc:def:crs:OGC:1.3:CRS84" : "urn:ogc:def:crs:EPSG::" + epsg();
    }

    /** The OGC http URI, as OGC API – Features names CRSs. */
    public String uri() {
        return code.equals("CRS:84") ? "http://www.opengis.net/def/crs/OGC/1.3/CRS84" : "http://www.opengis.net/def/crs/EPSG/0/" + epsg();
    }

    /** From CGCS2000 longitude/latitude to this CRS's east/north, for one thread's use. */
    public PointMapping fromLonLat() {
        return projection.forward();
    }

    /** From this CRS's east/north to CGCS2000 longitude/latitude, for one thread's use. */
    public PointMapping toLonLat() {
        return projection.inverse();
    }
}
