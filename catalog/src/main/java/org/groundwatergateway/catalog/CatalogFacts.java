package org.groundwatergateway.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.groundwatergateway.policies.published.Grouping;
import org.locationtech.jts.geom.Polygon;

/** What the catalog needs to know of the store: the park, the wells and parameters with datastreams, and periods. */
public interface CatalogFacts {

    /** A park and the boundary every dataset covers. */
    record ParkArea(String code, String nameZh, String nameEn, Polygon boundary) {}

    /**
     * A well or parameter that has datastreams, as SensorThings numbers it (a well's Thing, a parameter's
     * ObservedProperty), with its code and names.
     */
    record Member(long id, String code, String nameZh, String nameEn) {}

    /** A closed period of time: the first and the last time a dataset's items carry. */
    record Period(Instant start, Instant end) {}

    List<ParkArea> parks();

    List<Member> wellsWithDatastreams();

    List<Member> parametersWithDatastreams();

    /** The period a published dataset's items cover; empty when it has none or no items yet. */
    Optional<Period> period(String datasetId);

    /**
     * The period one member's share of a grouped dataset covers: the readings of that well's or that parameter's
     * datastreams. Empty when it has none yet, or when the facts cannot tell (the member's dataset then has no period):
     * never the whole dataset's, which would claim readings the member does not have.
     */
    default Optional<Period> period(Grouping groupedBy, Member member) {
        return Optional.empty();
    }
}
