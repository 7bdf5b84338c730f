package org.groundwatergateway.core.warning;

import java.util.ArrayDeque;
import java.util.Deque;

/** The recent readings of one datastream, in time order, kept for as long back as its rules look. */
final class StreamHistory {

    record Point(long epochSecond, double value) {}

    private final Deque<Point> points = new ArrayDeque<>();
    private final long keepSeconds;

    StreamHistory(double keepHours) {
        this.keepSeconds = (long) Math.ceil(keepHours * 3600);
    }

    /** Adds a reading later than all held; earlier or equal times (re-sent, late) are ignored. Returns whether it was added. */
    boolean add(long epochSecond, double value) {
        if (!points.isEmpty() && points.peekLast().epochSecond() >= epochSecond) return false;
        points.addLast(new Point(epochSecond, value));
        while (points.peekFirst().epochSecond() < epochSecond - keepSeconds) points.removeFirst();
        return true;
    }

    Point last() {
        return points.peekLast();
    }

    /** The oldest point at or after {@code epochSecond}, or null. */
    Point oldestSince(long epochSecond) {
        for (Point p : points) {
            if (p.epochSecond() >= epochSecond) return p;
        }
        return null;
    }

    /** Times (in days) and values of the points at or after {@code epochSecond}. */
    double[][] since(long epochSecond) {
        int n = 0;
        for (Point p : points) if (p.epochSecond() >= epochSecond) n++;
        double[][] series = new double[2][n];
        int i = 0;
        for (Point p : points) {
            if (p.epochSecond() < epochSecond) continue;
            series[0][i] = p.epochSecond() / 86400.0;
            series[1][i++] = p.value();
        }
        return series;
    }
}
