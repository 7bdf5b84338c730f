package org.groundwatergateway.ogc.feature;

import org.groundwatergateway.policies.Disclosure;

/**
 * A feature type as one viewer may see it: the schema without the withheld properties, and the disclosure
 * that also limits its rows and coarsens its locations. Every service reads features only through this.
 */
public record DisclosedType(FeatureType type, Disclosure disclosure) {

    public static DisclosedType of(FeatureType type, Disclosure disclosure) {
        return new DisclosedType(type.withOnly(disclosure::shows), disclosure);
    }

    public String name() {
        return type.name();
    }
}
