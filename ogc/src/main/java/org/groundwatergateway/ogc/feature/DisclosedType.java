package org.groundwatergateway.ogc.feature;

import java.util.Optional;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Disclosure.TimeAggregation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A feature type as one viewer may see it: the schema without the withheld properties (kept, empty but in the
 * viewer's own rows, when its own rows are shown in full) and with bucketed values as their class, and the disclosure
 * the store applies below every filter ({@link DisclosedView}). Every service reads features only through this.
 *
 * @param published the type as published, withheld properties included: row limits may name a property the viewer
 *     does not see (an enterprise's own wells, by a withheld owner code), and are applied on the published view
 */
public record DisclosedType(FeatureType type, FeatureType published, Disclosure disclosure) {

    private static final Logger log = LoggerFactory.getLogger(DisclosedType.class);

    /**
     * The type as the disclosure shows it; empty when it shows nothing, or asks for what feature services cannot do
     * (means over time, a minimum count of enterprises): released as single features, such data would show more than
     * the policy allows.
     */
    public static Optional<DisclosedType> of(FeatureType type, Disclosure disclosure) {
        if (!disclosure.visible()) return Optional.empty();
        if (disclosure.timeAggregation() != TimeAggregation.NONE || disclosure.minimumCount() > 0) {
            log.debug("{} is not published to this viewer: its disclosure aggregates, which features cannot show", type.name());
            return Optional.empty();
        }
        // A class is an integer, unless the viewer's own rows show their values in full beside the others' classes.
        boolean classesOnly = disclosure.ownership() == null || disclosure.ownership().onlyOwn();
        FeatureType shown = type.disclosed(disclosure::showsInOwnRows, p -> classesOnly && disclosure.bucketed().containsKey(p.name())
                ? new FeatureProperty(p.name(), PropertyType.INTEGER, p.titleZh(), p.titleEn()) : p);
        return Optional.of(new DisclosedType(shown, type, disclosure));
    }

    public String name() {
        return type.name();
    }
}
