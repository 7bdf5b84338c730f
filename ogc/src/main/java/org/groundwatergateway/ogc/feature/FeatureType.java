package org.groundwatergateway.ogc.feature;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A published layer / feature type: its schema and the SQL view it is read from. The view selects
 * {@code fid} (the identifier), {@code geom} (CGCS2000) and one column per property, aliased to the
 * property's name.
 *
 * @param timeProperty the property holding each feature's time, used by WMS TIME and OGC API {@code datetime};
 *                     null if the features have none
 * @param view         the view as of an instant (layers such as latest readings change with it; null means now)
 */
public record FeatureType(String name, String titleZh, String titleEn, String abstractText, GeometryKind geometryKind,
                          List<FeatureProperty> properties, String timeProperty, String defaultSortProperty,
                          Function<Instant, SqlFragment> view) {

    public FeatureType {
        properties = List.copyOf(properties);
        if (timeProperty != null && properties.stream().noneMatch(p -> p.name().equals(timeProperty))) {
            throw new IllegalArgumentException("no time property " + timeProperty);
        }
    }

    public Optional<FeatureProperty> property(String propertyName) {
        return properties.stream().filter(p -> p.name().equals(propertyName)).findFirst();
    }

    public Map<String, FeatureProperty> propertiesByName() {
        Map<String, FeatureProperty> byName = new LinkedHashMap<>();
        properties.forEach(p -> byName.put(p.name(), p));
        return byName;
    }

    /** The same type with only the properties that pass, for a viewer who may not see the others. */
    public FeatureType withOnly(java.util.function.Predicate<String> shown) {
        return new FeatureType(name, titleZh, titleEn, abstractText, geometryKind,
                properties.stream().filter(p -> shown.test(p.name())).toList(),
                timeProperty != null && shown.test(timeProperty) ? timeProperty : null,
                shown.test(defaultSortProperty) ? defaultSortProperty : null, view);
    }
}
