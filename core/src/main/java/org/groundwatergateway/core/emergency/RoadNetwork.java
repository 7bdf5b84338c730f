package org.groundwatergateway.core.emergency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import org.groundwatergateway.core.problem.InvalidInput;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;

/**
 * A road network in local metres for routing resources to an incident: junctions are the roads' vertices (ends closer
 * than a centimetre are one junction), edges the straight pieces between them, and the shortest path is Dijkstra's over
 * edge lengths. Places off the network are snapped to the nearest point of the nearest edge and reach it in a straight line.
 */
public final class RoadNetwork {

    /** A route in local metres, from the start point to the end point, and its length. */
    public record Route(List<Coordinate> path, double lengthM) {

        public Route {
            path = List.copyOf(path);
        }

        /** Travel time at a steady speed. */
        public double minutesAt(double speedKmh) {
            if (!(speedKmh > 0)) throw new IllegalArgumentException("speed must be positive: " + speedKmh);
            return lengthM / 1000 / speedKmh * 60;
        }
    }

    private record Edge(int from, int to, double length) {}

    /** Where a place meets the network: on the edge, at that point. */
    private record Snap(Edge edge, Coordinate at) {}

    private final List<Coordinate> junctions = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final List<List<Edge>> adjacent = new ArrayList<>();

    /** @param roads each road's vertices in local metres, in order */
    public RoadNetwork(List<List<Coordinate>> roads) {
        Map<String, Integer> ids = new HashMap<>();
        for (List<Coordinate> road : roads) {
            for (int i = 0; i + 1 < road.size(); i++) {
                int a = junction(ids, road.get(i));
                int b = junction(ids, road.get(i + 1));
                if (a == b) continue;
                Edge edge = new Edge(a, b, junctions.get(a).distance(junctions.get(b)));
                edges.add(edge);
                adjacent.get(a).add(edge);
                adjacent.get(b).add(edge);
            }
        }
        if (edges.isEmpty()) throw new InvalidInput("core.roads.none", null);
    }

    /** The network of a park's stored roads, in the metres of a mapping from longitude/latitude. */
    public static RoadNetwork of(List<RoadSegment> roads, java.util.function.Function<Coordinate, Coordinate> toLocal) {
        List<List<Coordinate>> lines = new ArrayList<>();
        for (RoadSegment road : roads) {
            LineString line = road.geometry();
            lines.add(Arrays.stream(line.getCoordinates()).map(toLocal).toList());
        }
        return new RoadNetwork(lines);
    }

    private int junction(Map<String, Integer> ids, Coordinate c) {
        String key = String.format(Locale.ROOT, "%.2f %.2f", c.x, c.y);
        return ids.computeIfAbsent(key, k -> {
            junctions.add(new Coordinate(c.x, c.y));
            adjacent.add(new ArrayList<>());
            return junctions.size() - 1;
        });
    }

    /** The shortest route between two places, through the points where they meet the network. */
    public Route route(Coordinate from, Coordinate to) {
        Snap start = snap(from);
        Snap end = snap(to);
        List<Coordinate> path = new ArrayList<>();
        path.add(from);
        path.add(start.at());
        if (start.edge() == end.edge()) {
            // Both on one straight edge: straight along it is the shortest way.
            path.add(end.at());
        } else {
            double[] distance = new double[junctions.size()];
            int[] previous = new int[junctions.size()];
            Arrays.fill(distance, Double.POSITIVE_INFINITY);
            Arrays.fill(previous, -1);
            PriorityQueue<double[]> queue = new PriorityQueue<>((p, q) -> Double.compare(p[0], q[0]));
            for (int j : new int[] {start.edge().from(), start.edge().to()}) {
                distance[j] = start.at().distance(junctions.get(j));
                queue.add(new double[] {distance[j], j});
            }
            while (!queue.isEmpty()) {
                double[] head = queue.poll();
                int node = (int) head[1];
                if (head[0] > distance[node]) continue;
                for (Edge edge : adjacent.get(node)) {
                    int other = edge.from() == node ? edge.to() : edge.from();
                    double d = distance[node] + edge.length();
                    if (d < distance[other]) {
                        distance[other] = d;
                        previous[other] = node;
                        queue.add(new double[] {d, other});
                    }
                }
            }
            int a = end.edge().from();
            int b = end.edge().to();
            double viaA = distance[a] + junctions.get(a).distance(end.at());
            double viaB = distance[b] + junctions.get(b).distance(end.at());
            if (Double.isInfinite(Math.min(viaA, viaB))) {
                throw new InvalidInput("core.roads.disconnected", null, String.format(Locale.ROOT, "(%.0f, %.0f)", from.x, from.y),
                        String.format(Locale.ROOT, "(%.0f, %.0f)", to.x, to.y));
            }
            List<Coordinate> nodes = new ArrayList<>();
            for (int j = viaA <= viaB ? a : b; j != -1; j = previous[j]) nodes.add(0, junctions.get(j));
            path.addAll(nodes);
            path.add(end.at());
        }
        path.add(to);
        List<Coordinate> distinct = new ArrayList<>();
        for (Coordinate c : path) if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals2D(c)) distinct.add(c);
        double length = 0;
        for (int i = 1; i < distinct.size(); i++) length += distinct.get(i - 1).distance(distinct.get(i));
        return new Route(distinct, length);
    }

    private Snap snap(Coordinate place) {
        Snap best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Edge edge : edges) {
            Coordinate at = new LineSegment(junctions.get(edge.from()), junctions.get(edge.to())).closestPoint(place);
            double d = at.distance(place);
            if (d < bestDistance) {
                bestDistance = d;
                best = new Snap(edge, at);
            }
        }
        return best;
    }
}
