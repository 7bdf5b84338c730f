package org.groundwatergateway.catalog;

import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Disclosure.TimeAggregation;
import org.groundwatergateway.policies.published.Door;

/**
 * Whether a door can serve a dataset under a disclosure, as the doors themselves decide it: the catalog lists a
 * distribution only where following it shows data. The rules are the doors' own, restated here because {@code catalog}
 * cannot reach {@code ogc}; {@code CatalogTest} checks the two agree on the shipped policy.
 */
final class DoorRules {

    private DoorRules() {}

    static boolean serves(Door door, Disclosure disclosure) {
        if (!disclosure.visible()) return false;
        boolean singleItems = disclosure.timeAggregation() == TimeAggregation.NONE && disclosure.minimumCount() == 0;
        return switch (door) {
            // ogc's DisclosedType: features are single items, so aggregating disclosures hide the type.
            case WFS, WMS, OGC_API, GEOJSON, CSV -> singleItems;
            // ogc's SensorThingsService: the entity store applies neither own-rows nor areas.
            case SENSORTHINGS -> singleItems && disclosure.ownership() == null && disclosure.area() == null;
            // Reports are shown whole or not at all (DisclosedRecords.requireUnmasked).
            case REPORT -> !disclosure.masks();
        };
    }
}
