package org.groundwatergateway.ogc.feature;

import org.groundwatergateway.policies.Disclosure;

/**
 * A feature type as one viewer may see it: the schema without the withheld properties, and the disclosure
 * that also limits its rows and coarsens its locations. Every service reads features only through this.
 *
 * @param published the type as published, withheld properties included: row limits may name a property the viewer
 *     does not see (an enterprise's own wells, by a withheld owner code), and are applied on the published view
 */
public record DisclosedType(FeatureType type, FeatureType published, Disclosure disclosure) {

    public static DisclosedType of(FeatureType type, Disclosure disclosure) {
        return new DisclosedType(type.withOnly(disclosure::shows), type, disclosure);
    }

    public String name() {
        return type.name();
    }
}
