package org.groundwatergateway.policies.disclosed;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.time.ChinaStandardTime;
import org.groundwatergateway.policies.Disclosure.TimeAggregation;

/**
 * Steps of time aggregation on the park's clock (China Standard Time: a day runs from 00:00 to 24:00 +08:00, a month
 * from its first day), and which readings a mean is taken over.
 */
final class TimeMeans {

    /**
     * Readings that are not valid data for a mean: the instrument's own states other than normal (HJ 212-2017
     * Table 8: stopped, maintenance, fault, calibration, communication fault), readings taken while the sensor was
     * being checked, and readings a reviewer rejected.
     */
    static final Set<QualityFlag> NOT_VALID = EnumSet.of(QualityFlag.STOPPED, QualityFlag.MAINTENANCE, QualityFlag.FAULT,
            QualityFlag.CALIBRATION, QualityFlag.COMMUNICATION_FAULT, QualityFlag.DURING_CALIBRATION, QualityFlag.REJECTED);

    private TimeMeans() {}

    /** The start of the step that holds {@code time}. */
    static Instant stepStart(TimeAggregation step, Instant time) {
        ZonedDateTime local = time.atZone(ChinaStandardTime.OFFSET);
        return switch (step) {
            case HOURLY -> local.truncatedTo(ChronoUnit.HOURS).toInstant();
            case DAILY -> local.truncatedTo(ChronoUnit.DAYS).toInstant();
            case MONTHLY -> local.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant();
            case NONE -> throw new IllegalArgumentException("no step to aggregate by");
        };
    }

    /** The start of the step after the one that starts at {@code start}. */
    static Instant nextStep(TimeAggregation step, Instant start) {
        ZonedDateTime local = start.atZone(ChinaStandardTime.OFFSET);
        return switch (step) {
            case HOURLY -> local.plusHours(1).toInstant();
            case DAILY -> local.plusDays(1).toInstant();
            case MONTHLY -> local.plusMonths(1).toInstant();
            case NONE -> throw new IllegalArgumentException("no step to aggregate by");
        };
    }

    /** The first step boundary at or after {@code time}: only whole steps are shown, so a window starts on one. */
    static Instant boundaryFrom(TimeAggregation step, Instant time) {
        Instant start = stepStart(step, time);
        return start.equals(time) ? time : nextStep(step, start);
    }

    static boolean valid(Reading reading) {
        return QualityFlag.of(reading.qualityFlags()).stream().noneMatch(NOT_VALID::contains);
    }
}
