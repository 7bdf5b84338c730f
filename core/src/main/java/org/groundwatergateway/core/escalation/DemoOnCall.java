package org.groundwatergateway.core.escalation;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * The demo park's on-call rota, so its alerts escalate: two duty officers on day and night shifts, a supervisor and an
 * emergency team around the clock. The people are fictional; their addresses are example.org and 138-0000 numbers.
 */
public final class DemoOnCall {

    private static final LocalTime EIGHT = LocalTime.of(8, 0);
    private static final LocalTime TWENTY = LocalTime.of(20, 0);

    private DemoOnCall() {}

    /** Writes the demo contacts and rota unless there are contacts already; true if it wrote them. */
    public static boolean seedIfEmpty(OnCallRepository onCall) {
        if (!onCall.contacts().isEmpty()) return false;
        Contact dayDuty = onCall.addContact(new Contact(null, "李明（白班值班员）", "138-0000-0001", "duty.day@example.org"));
        Contact nightDuty = onCall.addContact(new Contact(null, "赵磊（夜班值班员）", "138-0000-0002", "duty.night@example.org"));
        Contact supervisor = onCall.addContact(new Contact(null, "陈静（主管）", "138-0000-0003", "supervisor@example.org"));
        Contact teamLead = onCall.addContact(new Contact(null, "周强（应急队长）", "138-0000-0004", "emergency.lead@example.org"));
        Contact teamMember = onCall.addContact(new Contact(null, "吴芳（应急队员）", "138-0000-0005", "emergency.team@example.org"));
        for (DayOfWeek day : DayOfWeek.values()) {
            onCall.addShift(new RotaShift(null, Tier.DUTY_OFFICER, dayDuty.id(), day, EIGHT, TWENTY));
            onCall.addShift(new RotaShift(null, Tier.DUTY_OFFICER, nightDuty.id(), day, TWENTY, EIGHT));
            onCall.addShift(new RotaShift(null, Tier.SUPERVISOR, supervisor.id(), day, EIGHT, EIGHT));
            onCall.addShift(new RotaShift(null, Tier.EMERGENCY_TEAM, teamLead.id(), day, EIGHT, EIGHT));
            onCall.addShift(new RotaShift(null, Tier.EMERGENCY_TEAM, teamMember.id(), day, EIGHT, EIGHT));
        }
        return true;
    }
}
