package org.groundwatergateway.analytics.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.spatial.InverseDistanceWeighting;
import org.locationtech.jts.algorithm.ConvexHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.triangulate.DelaunayTriangulationBuilder;
import org.locationtech.jts.triangulate.quadedge.QuadEdge;
import org.locationtech.jts.triangulate.quadedge.QuadEdgeSubdivision;

/**
 * Redundant monitoring wells by the Delaunay method of MAROS (AFCEE 2003, "Monitoring and Remediation Optimization
 * System (MAROS) 2.2 Software User's Guide", Aziz, Ling, Newell, Rifai &amp; Gonzales, sampling location optimization;
 * Aziz et al. 2003, Ground Water 41(3):355–367):
 * <ul>
 *   <li>the wells are triangulated (Delaunay) and each well's concentration C is estimated from its Delaunay
 *       neighbours alone by inverse-distance weighting (power 2), Ĉ;</li>
 *   <li>its slope factor SF = |C − Ĉ| / max(C, Ĉ), 0 when both are 0, tells how much the well adds to what its
 *       neighbours already say: near 0, little;</li>
 *   <li>wells are eliminated one at a time, smallest SF first, while the SF is under its threshold (stricter for wells
 *       on the convex hull, which bound the monitored area) and the network without the well keeps both ratios to the
 *       original network at or above their thresholds: the area ratio (area of the triangulation) and the
 *       concentration ratio (average concentration over the triangulation, each triangle weighted by its area with
 *       the mean of its corners: the integral of the linear interpolant over the area). SFs are recomputed after each
 *       elimination.</li>
 * </ul>
 * The default thresholds are MAROS's: SF 0.1 inside, 0.01 on the hull, area and concentration ratios 0.95. Where
 * MAROS bounds the concentration ratio from below, this class bounds it both ways (min(CR, 1/CR)): an elimination
 * that raises the average as much loses as much information. Concentrations must not be negative; treat non-detects
 * before calling (MAROS uses the detection limit or a fraction of it).
 */
public final class WellRedundancy {

    public record Well(String id, double x, double y, double concentration) {}

    public record Thresholds(double insideSlopeFactor, double hullSlopeFactor, double areaRatio, double concentrationRatio) {
        public static Thresholds maros() {
            return new Thresholds(0.1, 0.01, 0.95, 0.95);
        }
    }

    /** A well's slope factor in a network; {@code estimate} is Ĉ from its Delaunay neighbours. */
    public record SlopeFactor(String id, double concentration, double estimate, double slopeFactor, boolean onHull) {}

    /**
     * @param slopeFactors of the original network, in the order of the wells given
     * @param removable wells that can go, in the order they were eliminated
     * @param areaRatio and {@code concentrationRatio}: of the network left, against the original
     */
    public record Assessment(List<SlopeFactor> slopeFactors, List<String> removable, double areaRatio, double concentrationRatio) {}

    private static final double IDW_POWER = 2;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private WellRedundancy() {}

    public static List<SlopeFactor> slopeFactors(List<Well> wells) {
        return new Network(wells).slopeFactors();
    }

    /** Eliminates redundant wells; wells named in {@code keep} (compliance points, sentinels) are never eliminated. */
    public static Assessment assess(List<Well> wells, Thresholds thresholds, Set<String> keep) {
        Network original = new Network(wells);
        List<Well> current = new ArrayList<>(wells);
        List<String> removable = new ArrayList<>();
        Network network = original;
        boolean eliminated = true;
        while (eliminated && current.size() > 3) {
            eliminated = false;
            List<SlopeFactor> candidates = new ArrayList<>();
            for (SlopeFactor sf : network.slopeFactors()) {
                double limit = sf.onHull() ? thresholds.hullSlopeFactor() : thresholds.insideSlopeFactor();
                if (sf.slopeFactor() < limit && !keep.contains(sf.id())) candidates.add(sf);
            }
            candidates.sort(Comparator.comparingDouble(SlopeFactor::slopeFactor).thenComparing(SlopeFactor::id));
            for (SlopeFactor candidate : candidates) {
                List<Well> rest = new ArrayList<>(current);
                rest.removeIf(w -> w.id().equals(candidate.id()));
                Network smaller = new Network(rest);
                if (smaller.area() / original.area() >= thresholds.areaRatio()
                        && balance(smaller.meanConcentration(), original.meanConcentration()) >= thresholds.concentrationRatio()) {
                    current = rest;
                    network = smaller;
                    removable.add(candidate.id());
                    eliminated = true;
                    break;
                }
            }
        }
        return new Assessment(original.slopeFactors(), removable, network.area() / original.area(),
                ratio(network.meanConcentration(), original.meanConcentration()));
    }

    private static double ratio(double after, double before) {
        return before == 0 ? (after == 0 ? 1 : Double.POSITIVE_INFINITY) : after / before;
    }

    /** min(CR, 1/CR): 1 when the average is kept, smaller the more it moves either way. */
    private static double balance(double after, double before) {
        double r = ratio(after, before);
        return r == 0 || Double.isInfinite(r) ? 0 : Math.min(r, 1 / r);
    }

    /** A set of wells with its Delaunay triangulation and convex hull. */
    private static final class Network {
        final List<Well> wells;
        final List<Set<Integer>> neighbours = new ArrayList<>();
        final List<int[]> triangles = new ArrayList<>();
        final Geometry hull;

        Network(List<Well> wells) {
            if (wells.size() < 3) throw new InvalidArgument("analytics.network.threeWells");
            this.wells = wells;
            Map<Coordinate, Integer> indexOf = new HashMap<>();
            Set<String> ids = new HashSet<>();
            for (int k = 0; k < wells.size(); k++) {
                Well w = wells.get(k);
                if (!(w.concentration() >= 0)) throw new InvalidArgument("analytics.network.negative", w.id());
                if (!ids.add(w.id())) throw new InvalidArgument("analytics.network.twice", w.id());
                if (indexOf.put(new Coordinate(w.x(), w.y()), k) != null) throw new InvalidArgument("analytics.network.samePlace", w.x(), w.y());
                neighbours.add(new HashSet<>());
            }
            DelaunayTriangulationBuilder builder = new DelaunayTriangulationBuilder();
            builder.setSites(new ArrayList<>(indexOf.keySet()));
            QuadEdgeSubdivision subdivision = builder.getSubdivision();
            for (Object primary : subdivision.getPrimaryEdges(false)) {
                QuadEdge edge = (QuadEdge) primary;
                int a = indexOf.get(edge.orig().getCoordinate());
                int b = indexOf.get(edge.dest().getCoordinate());
                neighbours.get(a).add(b);
                neighbours.get(b).add(a);
            }
            for (Object corners : subdivision.getTriangleCoordinates(false)) {
                Coordinate[] c = (Coordinate[]) corners;
                triangles.add(new int[] {indexOf.get(c[0]), indexOf.get(c[1]), indexOf.get(c[2])});
            }
            Coordinate[] sites = indexOf.keySet().toArray(new Coordinate[0]);
            hull = new ConvexHull(sites, FACTORY).getConvexHull();
            if (!(hull.getArea() > 0)) throw new InvalidArgument("analytics.network.collinear");
        }

        List<SlopeFactor> slopeFactors() {
            Geometry boundary = hull.getBoundary();
            double tolerance = 1e-9 * Math.sqrt(hull.getArea());
            List<SlopeFactor> factors = new ArrayList<>();
            for (int k = 0; k < wells.size(); k++) {
                Well w = wells.get(k);
                double estimate = estimate(k);
                double larger = Math.max(w.concentration(), estimate);
                double sf = larger == 0 ? 0 : Math.abs(w.concentration() - estimate) / larger;
                boolean onHull = boundary.distance(FACTORY.createPoint(new Coordinate(w.x(), w.y()))) <= tolerance;
                factors.add(new SlopeFactor(w.id(), w.concentration(), estimate, sf, onHull));
            }
            return factors;
        }

        /** Ĉ of well k from its Delaunay neighbours, without the well itself. */
        private double estimate(int k) {
            Set<Integer> around = neighbours.get(k);
            double[] xs = new double[around.size()];
            double[] ys = new double[around.size()];
            double[] cs = new double[around.size()];
            int m = 0;
            for (int n : around) {
                xs[m] = wells.get(n).x();
                ys[m] = wells.get(n).y();
                cs[m] = wells.get(n).concentration();
                m++;
            }
            return new InverseDistanceWeighting(xs, ys, cs, IDW_POWER).at(wells.get(k).x(), wells.get(k).y());
        }

        double area() {
            double area = 0;
            for (int[] t : triangles) area += triangleArea(t);
            return area;
        }

        /** The mean of the linear interpolant over the triangulation. */
        double meanConcentration() {
            double weighted = 0;
            double area = 0;
            for (int[] t : triangles) {
                double a = triangleArea(t);
                weighted += a * (wells.get(t[0]).concentration() + wells.get(t[1]).concentration() + wells.get(t[2]).concentration()) / 3;
                area += a;
            }
            return weighted / area;
        }

        private double triangleArea(int[] t) {
            Well a = wells.get(t[0]);
            Well b = wells.get(t[1]);
            Well c = wells.get(t[2]);
            return Math.abs((b.x() - a.x()) * (c.y() - a.y()) - (c.x() - a.x()) * (b.y() - a.y())) / 2;
        }
    }
}
