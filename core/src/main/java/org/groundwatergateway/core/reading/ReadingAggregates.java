package org.groundwatergateway.core.reading;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.core.time.CalendarStep;

/**
 * Mean, minimum, maximum and count per step of the park's calendar of a series' readings, given in time order: what a
 * chart of a year of hourly data draws instead of 8,760 points. The statistics are over the valid readings
 * ({@link QualityFlag#NOT_VALID_FOR_MEANS} are not) with a value; {@code flagged} counts the step's readings with any
 * quality flag, valid or not, so a chart can mark where QA/QC found something. A step with no valid value is left
 * out. Memory is one step's sums, whatever the length of the series.
 */
public final class ReadingAggregates {

    /** One step, from {@code start} to the next step's start (which the calendar step implies, so it is not repeated). */
    public record Bucket(Instant start, double mean, double min, double max, int count, int flagged) {}

    private final CalendarStep step;
    private final List<Bucket> buckets = new ArrayList<>();
    private Instant start;
    private double sum;
    private double min;
    private double max;
    private int count;
    private int flagged;
    private Instant last;

    public ReadingAggregates(CalendarStep step) {
        this.step = step;
    }

    /** The next reading of the series: not earlier than the one before. {@code value} is null where none is shown. */
    public void add(Instant time, Double value, int qualityFlags) {
        if (last != null && time.isBefore(last)) throw new IllegalArgumentException("readings out of time order: " + time + " after " + last);
        last = time;
        Instant s = step.start(time);
        if (!s.equals(start)) {
            close();
            start = s;
        }
        if (qualityFlags != 0) flagged++;
        if (value == null || QualityFlag.any(qualityFlags, QualityFlag.NOT_VALID_FOR_MEANS)) return;
        sum += value;
        min = count == 0 ? value : Math.min(min, value);
        max = count == 0 ? value : Math.max(max, value);
        count++;
    }

    /** The steps so far, in time order, including the one still being filled. */
    public List<Bucket> buckets() {
        List<Bucket> all = new ArrayList<>(buckets);
        if (count > 0) all.add(current());
        return all;
    }

    private Bucket current() {
        return new Bucket(start, sum / count, min, max, count, flagged);
    }

    private void close() {
        if (count > 0) buckets.add(current());
        sum = 0;
        count = 0;
        flagged = 0;
    }
}
