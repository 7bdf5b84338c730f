package org.groundwatergateway.core.escalation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.time.ChinaStandardTime;

/**
 * One shift of the weekly rota, in China Standard Time: the contact holds the tier on {@code day} from {@code start}
 * to {@code end}; an end at or before the start runs into the next day (a night shift), so 08:00–08:00 is a full day.
 */
public record RotaShift(Long id, Tier tier, long contactId, DayOfWeek day, LocalTime start, LocalTime end) {

    public RotaShift {
        if (tier == null) throw new InvalidInput("core.required", "tier");
        if (day == null) throw new InvalidInput("core.required", "day");
        if (start == null) throw new InvalidInput("core.required", "start");
        if (end == null) throw new InvalidInput("core.required", "end");
    }

    public boolean covers(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, ChinaStandardTime.OFFSET);
        // The shift that began today, or the night shift that began yesterday and runs into today.
        return within(local, local.toLocalDate().atTime(start)) || within(local, local.toLocalDate().minusDays(1).atTime(start));
    }

    private boolean within(LocalDateTime local, LocalDateTime shiftStart) {
        if (shiftStart.getDayOfWeek() != day) return false;
        LocalDateTime shiftEnd = shiftStart.toLocalDate().atTime(end);
        if (!end.isAfter(start)) shiftEnd = shiftEnd.plusDays(1);
        return !local.isBefore(shiftStart) && local.isBefore(shiftEnd);
    }

    public RotaShift withId(long newId) {
        return new RotaShift(newId, tier, contactId, day, start, end);
    }
}
