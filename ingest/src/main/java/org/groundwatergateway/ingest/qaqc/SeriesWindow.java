package org.groundwatergateway.ingest.qaqc;

import java.util.Arrays;

/** The most recent readings of one datastream, oldest first, as QA/QC remembers them between readings. */
final class SeriesWindow {

    static final int CAPACITY = 24;

    private final long[] times = new long[CAPACITY];
    private final double[] values = new double[CAPACITY];
    private int size;
    /** The last value no check found wrong, and when: what rate and flatline checks compare with. */
    private double lastGoodValue = Double.NaN;
    private long lastGoodTime = Long.MIN_VALUE;
    private long flatSince = Long.MIN_VALUE;

    boolean isEmpty() {
        return size == 0;
    }

    long firstTime() {
        return times[0];
    }

    long lastTime() {
        return times[size - 1];
    }

    double lastGoodValue() {
        return lastGoodValue;
    }

    long lastGoodTime() {
        return lastGoodTime;
    }

    /** Seconds since the value started repeating, or -1 if the last good value is not a repetition run. */
    long repeatingSince() {
        return flatSince;
    }

    Double valueAt(long epochSecond) {
        for (int i = size - 1; i >= 0; i--) {
            if (times[i] == epochSecond) return values[i];
        }
        return null;
    }

    /** Median and median absolute deviation of the last {@code count} values, or null with fewer than {@code minimum}. */
    double[] medianAndMad(int count, int minimum) {
        int n = Math.min(count, size);
        if (n < minimum) return null;
        double[] recent = Arrays.copyOfRange(values, size - n, size);
        double median = median(recent);
        double[] deviations = new double[n];
        for (int i = 0; i < n; i++) deviations[i] = Math.abs(recent[i] - median);
        return new double[] {median, median(deviations)};
    }

    void add(long epochSecond, double value, boolean good) {
        if (size == CAPACITY) {
            System.arraycopy(times, 1, times, 0, CAPACITY - 1);
            System.arraycopy(values, 1, values, 0, CAPACITY - 1);
            size--;
        }
        times[size] = epochSecond;
        values[size] = value;
        size++;
        if (good) {
            if (value != lastGoodValue) flatSince = epochSecond;
            lastGoodValue = value;
            lastGoodTime = epochSecond;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
