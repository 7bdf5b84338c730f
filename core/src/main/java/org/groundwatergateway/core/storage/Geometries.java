package org.groundwatergateway.core.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Geometries cross JDBC as WKB in both dialects: written with {@link #BIND} and read from a column
 * selected with {@link #select}, so no vendor geometry classes leak into the repositories.
 */
public final class Geometries {

    /** SQL for a bound geometry parameter in CGCS2000. */
    public static final String BIND = "ST_GeomFromWKB(?, " + Cgcs2000.SRID + ")";

    private Geometries() {}

    public static String select(String column) {
        return "ST_AsBinary(" + column + ") AS " + column;
    }

    public static byte[] wkb(Geometry geometry) {
        return new WKBWriter(2).write(geometry);
    }

    public static <G extends Geometry> G read(ResultSet rs, String column, Class<G> type) throws SQLException {
        byte[] bytes = rs.getBytes(column);
        try {
            Geometry geometry = new WKBReader(Cgcs2000.GEOMETRY_FACTORY).read(bytes);
            return type.cast(geometry);
        } catch (ParseException e) {
            throw new SQLException("Column " + column + " holds no valid WKB geometry", e);
        }
    }
}
