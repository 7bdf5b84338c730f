package org.groundwatergateway.policies.disclosed;

import java.time.Instant;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.time.CalendarStep;
import org.groundwatergateway.policies.Disclosure.TimeAggregation;

/**
 * The sharing policy's steps of time aggregation on the park's calendar ({@link CalendarStep}), and which readings a
 * mean is taken over ({@link QualityFlag#NOT_VALID_FOR_MEANS} are not).
 */
final class TimeMeans {

    private TimeMeans() {}

    /** The start of the step that holds {@code time}. */
    static Instant stepStart(TimeAggregation step, Instant time) {
        return calendar(step).start(time);
    }

    /** The start of the step after the one that starts at {@code start}. */
    static Instant nextStep(TimeAggregation step, Instant start) {
        return calendar(step).next(start);
    }

    /** The first step boundary at or after {@code time}: only whole steps are shown, so a window starts on one. */
    static Instant boundaryFrom(TimeAggregation step, Instant time) {
        Instant start = stepStart(step, time);
        return start.equals(time) ? time : nextStep(step, start);
    }

    static boolean valid(Reading reading) {
        return !QualityFlag.any(reading.qualityFlags(), QualityFlag.NOT_VALID_FOR_MEANS);
    }

    private static CalendarStep calendar(TimeAggregation step) {
        return switch (step) {
            case HOURLY -> CalendarStep.HOUR;
            case DAILY -> CalendarStep.DAY;
            case MONTHLY -> CalendarStep.MONTH;
            case NONE -> throw new IllegalArgumentException("no step to aggregate by");
        };
    }
}
