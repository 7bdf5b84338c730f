package org.groundwatergateway.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** China Standard Time (UTC+8, no daylight saving): the time devices report and people read dates in. */
public final class ChinaStandardTime {

    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
    private static final long OFFSET_SECONDS = OFFSET.getTotalSeconds();

    private ChinaStandardTime() {}

    /**
     * The calendar day of an instant in China. Arithmetic on the epoch second: {@code atOffset} builds a new ZoneRules
     * on every call, which QA/QC, doing this for every reading, felt.
     */
    public static LocalDate date(Instant at) {
        return LocalDate.ofEpochDay(Math.floorDiv(at.getEpochSecond() + OFFSET_SECONDS, 86_400L));
    }
}
