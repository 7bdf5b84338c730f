package org.groundwatergateway.ogc.crs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Envelope;

/**
 * The CRSs published by every service: CGCS2000 (EPSG:4490, the storage CRS), WGS 84 (EPSG:4326 and CRS:84),
 * Web Mercator (EPSG:3857) and the 64 CGCS2000 Gauss–Krüger zone CRSs (EPSG:4491–4554: 6° and 3° zones, each
 * with and without the zone number in the easting). CGCS2000 and WGS 84 agree to a few centimetres, well below
 * the accuracy of a surveyed well, so they are treated as the same datum.
 */
public final class CoordinateReferenceSystems {

    private static final Pattern EPSG = Pattern.compile(
            "(?:EPSG:|URN:OGC:DEF:CRS:EPSG:[0-9.]*:|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/EPSG/[0-9.]+/|EPSG\\.XML#)(\\d+)");
    private static final Pattern CRS84 = Pattern.compile(
            "CRS:84|OGC:CRS84|URN:OGC:DEF:CRS:OGC:(?:1\\.3)?:CRS84|HTTPS?://WWW\\.OPENGIS\\.NET/DEF/CRS/OGC/1\\.3/CRS84");

    private static final Map<String, Crs> BY_CODE;

    static {
        Map<String, Crs> crs = new LinkedHashMap<>();
        Envelope world = new Envelope(-180, 180, -90, 90);
        add(crs, new Crs("EPSG:4490", "China Geodetic Coordinate System 2000", true, true, new Envelope(73.62, 134.77, 16.7, 53.56), Projection.GEOGRAPHIC));
        add(crs, new Crs("EPSG:4326", "WGS 84", true, true, world, Projection.GEOGRAPHIC));
        add(crs, new Crs("CRS:84", "WGS 84 longitude/latitude", false, true, world, Projection.GEOGRAPHIC));
        add(crs, new Crs("EPSG:3857", "WGS 84 / Pseudo-Mercator", false, false, new Envelope(-180, 180, -85.06, 85.06), new WebMercator()));
        for (int i = 0; i <= 10; i++) {
            int meridian = 75 + 6 * i;
            int zone = 13 + i;
            Envelope area = new Envelope(meridian - 3, meridian + 3, 16.7, 53.56);
            add(crs, new Crs("EPSG:" + (4491 + i), "CGCS2000 / Gauss-Kruger zone " + zone, true, false, area,
                    new GaussKruger("EPSG:" + (4491 + i), meridian, zone * 1_000_000 + 500_000)));
            add(crs, new Crs("EPSG:" + (4502 + i), "CGCS2000 / Gauss-Kruger CM " + meridian + "E", true, false, area,
                    new GaussKruger("EPSG:" + (4502 + i), meridian, 500_000)));
        }
        for (int i = 0; i <= 20; i++) {
            int meridian = 75 + 3 * i;
            int zone = 25 + i;
            Envelope area = new Envelope(meridian - 1.5, meridian + 1.5, 16.7, 53.56);
            add(crs, new Crs("EPSG:" + (4513 + i), "CGCS2000 / 3-degree Gauss-Kruger zone " + zone, true, false, area,
                    new GaussKruger("EPSG:" + (4513 + i), meridian, zone * 1_000_000 + 500_000)));
            add(crs, new Crs("EPSG:" + (4534 + i), "CGCS2000 / 3-degree Gauss-Kruger CM " + meridian + "E", true, false, area,
                    new GaussKruger("EPSG:" + (4534 + i), meridian, 500_000)));
        }
        BY_CODE = Collections.unmodifiableMap(crs);
    }

    private CoordinateReferenceSystems() {}

    private static void add(Map<String, Crs> crs, Crs one) {
        crs.put(one.code(), one);
    }

    /** CGCS2000 longitude/latitude, in which everything is stored. */
    public static Crs storage() {
        return BY_CODE.get("EPSG:4490");
    }

    public static Crs crs84() {
        return BY_CODE.get("CRS:84");
    }

    /** All offered CRSs, the storage CRS first. */
    public static List<Crs> all() {
        return new ArrayList<>(BY_CODE.values());
    }

    /**
     * The CRS an identifier names, in any of the forms clients send: {@code EPSG:4490},
     * {@code urn:ogc:def:crs:EPSG::4490}, {@code http://www.opengis.net/def/crs/EPSG/0/4490}, {@code CRS:84}.
     */
    public static Optional<Crs> lookup(String identifier) {
        if (identifier == null) return Optional.empty();
        String upper = identifier.trim().toUpperCase(Locale.ROOT);
        if (CRS84.matcher(upper).matches()) return Optional.of(crs84());
        Matcher epsg = EPSG.matcher(upper);
        if (!epsg.matches()) return Optional.empty();
        return Optional.ofNullable(BY_CODE.get("EPSG:" + Integer.parseInt(epsg.group(1))));
    }

    /**
     * Whether the identifier is a URN or URI. WFS clients that send the short {@code EPSG:4326} form expect
     * longitude first, as they always did; URN and URI forms mean the official axis order.
     */
    public static boolean isUri(String identifier) {
        String lower = identifier.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("urn:") || lower.startsWith("http");
    }
}
