package org.groundwatergateway.ogc.feature;

import java.util.regex.Pattern;

/**
 * One published attribute. Its name is also the column alias in the feature type's view, so a name can only
 * come from this schema, never from a request.
 */
public record FeatureProperty(String name, PropertyType type, String titleZh, String titleEn) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

    public FeatureProperty {
        if (!IDENTIFIER.matcher(name).matches()) throw new IllegalArgumentException("property names are lower-case identifiers: " + name);
    }
}
