package org.groundwatergateway.core.geo;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/** A mapping of planar coordinates, such as a projection or a local grid, applicable to whole geometries. */
@FunctionalInterface
public interface PointMapping {

    PointMapping IDENTITY = (x, y) -> new double[] {x, y};

    double[] apply(double x, double y);

    /** A copy of the geometry with every coordinate mapped. */
    default Geometry applyTo(Geometry geometry) {
        Geometry copy = geometry.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence sequence, int i) {
                double[] xy = PointMapping.this.apply(sequence.getX(i), sequence.getY(i));
                sequence.setOrdinate(i, 0, xy[0]);
                sequence.setOrdinate(i, 1, xy[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }
}
