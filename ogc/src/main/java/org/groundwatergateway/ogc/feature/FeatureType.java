package org.groundwatergateway.ogc.feature;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.groundwatergateway.policies.published.PublishedDataset;
import org.groundwatergateway.policies.published.SpatialForm;

/**
 * A published layer / feature type: the registry's dataset (its name, titles, description, geometry and time, declared
 * once in {@code policies}) bound to its schema and the SQL view it is read from. The view selects {@code fid} (the
 * identifier), {@code geom} (CGCS2000) and one column per property, aliased to the property's name.
 *
 * @param timeProperty the property holding each feature's time, used by WMS TIME and OGC API {@code datetime};
 *                     null if the features have none (or the viewer does not see it)
 * @param view         the view as of an instant (layers such as latest readings change with it; null means now)
 * @param classColumns property to the column of the same view that holds its GB/T 14848 class, for audiences shown the
 *                     class instead of the value; a property bucketed without one shows nothing
 */
public record FeatureType(PublishedDataset dataset, List<FeatureProperty> properties, String timeProperty, String defaultSortProperty,
                          Function<Instant, SqlFragment> view, Map<String, String> classColumns) {

    public FeatureType {
        if (dataset.geometry() == SpatialForm.NONE) throw new IllegalArgumentException(dataset.id() + " has no geometry to publish as features");
        properties = List.copyOf(properties);
        classColumns = Map.copyOf(classColumns);
        if (timeProperty != null && properties.stream().noneMatch(p -> p.name().equals(timeProperty))) {
            throw new IllegalArgumentException("no time property " + timeProperty);
        }
    }

    /** The dataset bound to its properties and view; its time property is the registry's. */
    public FeatureType(PublishedDataset dataset, List<FeatureProperty> properties, String defaultSortProperty, Function<Instant, SqlFragment> view) {
        this(dataset, properties, dataset.temporalProperty(), defaultSortProperty, view, Map.of());
    }

    public String name() {
        return dataset.id();
    }

    public String titleZh() {
        return dataset.title().zh();
    }

    public String titleEn() {
        return dataset.title().en();
    }

    /** The English description: the OGC capabilities carry one abstract. */
    public String abstractText() {
        return dataset.description().en();
    }

    public GeometryKind geometryKind() {
        return GeometryKind.of(dataset.geometry());
    }

    /** The same type, with {@code column} holding the GB/T 14848 class of {@code property}. */
    public FeatureType withClassColumn(String property, String column) {
        Map<String, String> columns = new LinkedHashMap<>(classColumns);
        columns.put(property, column);
        return new FeatureType(dataset, properties, timeProperty, defaultSortProperty, view, columns);
    }

    public Optional<FeatureProperty> property(String propertyName) {
        return properties.stream().filter(p -> p.name().equals(propertyName)).findFirst();
    }

    public Map<String, FeatureProperty> propertiesByName() {
        Map<String, FeatureProperty> byName = new LinkedHashMap<>();
        properties.forEach(p -> byName.put(p.name(), p));
        return byName;
    }

    /**
     * The same type as a viewer sees it: only the properties {@code shown} passes, each as {@code shownAs} gives it (a
     * concentration shown as its class is an integer).
     */
    public FeatureType disclosed(Predicate<String> shown, UnaryOperator<FeatureProperty> shownAs) {
        return new FeatureType(dataset, properties.stream().filter(p -> shown.test(p.name())).map(shownAs).toList(),
                timeProperty != null && shown.test(timeProperty) ? timeProperty : null,
                shown.test(defaultSortProperty) ? defaultSortProperty : null, view, classColumns);
    }
}
