package org.groundwatergateway.core.emergency;

import java.time.Instant;
import org.locationtech.jts.geom.LineString;

/**
 * A resource sent to an incident, the road route it takes (longitude/latitude) and where it is now.
 *
 * @param etaMinutes travel time along the route at the configured speed
 * @param onSiteAt when it arrived, once it has
 */
public record Dispatch(Long id, long incidentId, EmergencyResource resource, Depot depot, LineString route, double lengthM,
                       double etaMinutes, Status status, Instant updatedAt, Instant onSiteAt) {

    /** In this order; a dispatch only moves forward. */
    public enum Status {
        DISPATCHED("已调派"), EN_ROUTE("途中"), ON_SITE("已到场"), RETURNED("已返回");

        private final String nameZh;

        Status(String nameZh) {
            this.nameZh = nameZh;
        }

        public String nameZh() {
            return nameZh;
        }
    }
}
