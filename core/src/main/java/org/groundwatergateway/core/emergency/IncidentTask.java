package org.groundwatergateway.core.emergency;

import java.time.Instant;

/** Something to do in an incident, by whom and by when; set from the plan or added by people. */
public record IncidentTask(Long id, long incidentId, String title, String owner, Instant deadline, Status status, Instant doneAt) {

    public enum Status {
        OPEN("未完成"), DONE("已完成");

        private final String nameZh;

        Status(String nameZh) {
            this.nameZh = nameZh;
        }

        public String nameZh() {
            return nameZh;
        }
    }

    public boolean doneOnTime() {
        return status == Status.DONE && doneAt != null && !doneAt.isAfter(deadline);
    }
}
