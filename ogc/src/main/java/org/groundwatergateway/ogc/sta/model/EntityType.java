package org.groundwatergateway.ogc.sta.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The eight entity types of the Sensing part of OGC 18-088 (SensorThings API Part 1: Sensing v1.1, §8.2) with
 * their navigation properties.
 */
public enum EntityType {
    THING("Thing", "Things"),
    LOCATION("Location", "Locations"),
    HISTORICAL_LOCATION("HistoricalLocation", "HistoricalLocations"),
    DATASTREAM("Datastream", "Datastreams"),
    SENSOR("Sensor", "Sensors"),
    OBSERVED_PROPERTY("ObservedProperty", "ObservedProperties"),
    OBSERVATION("Observation", "Observations"),
    FEATURE_OF_INTEREST("FeatureOfInterest", "FeaturesOfInterest");

    private final String entityName;
    private final String setName;

    EntityType(String entityName, String setName) {
        this.entityName = entityName;
        this.setName = setName;
    }

    /** The singular name, as a to-one navigation property and in MQTT and error texts. */
    public String entityName() {
        return entityName;
    }

    /** The entity set's name, as in URLs and as the dataset name the access policy is asked about. */
    public String setName() {
        return setName;
    }

    public List<NavigationProperty> navigationProperties() {
        return switch (this) {
            case THING -> List.of(many("Locations", LOCATION), many("HistoricalLocations", HISTORICAL_LOCATION),
                    many("Datastreams", DATASTREAM));
            case LOCATION -> List.of(many("Things", THING), many("HistoricalLocations", HISTORICAL_LOCATION));
            case HISTORICAL_LOCATION -> List.of(one("Thing", THING), many("Locations", LOCATION));
            case DATASTREAM -> List.of(one("Thing", THING), one("Sensor", SENSOR), one("ObservedProperty", OBSERVED_PROPERTY),
                    many("Observations", OBSERVATION));
            case SENSOR -> List.of(many("Datastreams", DATASTREAM));
            case OBSERVED_PROPERTY -> List.of(many("Datastreams", DATASTREAM));
            case OBSERVATION -> List.of(one("Datastream", DATASTREAM), one("FeatureOfInterest", FEATURE_OF_INTEREST));
            case FEATURE_OF_INTEREST -> List.of(many("Observations", OBSERVATION));
        };
    }

    /**
     * Properties the service computes rather than stores (a Datastream's time ranges and its unit's definition, an
     * Observation's quality): returned and selectable, but not usable in $filter or $orderby.
     */
    public List<String> computedProperties() {
        return switch (this) {
            case DATASTREAM -> List.of("phenomenonTime", "resultTime", "unitOfMeasurement");
            case OBSERVATION -> List.of("resultQuality", "validTime", "parameters");
            default -> List.of();
        };
    }

    public Optional<NavigationProperty> navigationProperty(String name) {
        return navigationProperties().stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public static Optional<EntityType> bySetName(String name) {
        return Arrays.stream(values()).filter(t -> t.setName.equals(name)).findFirst();
    }

    private static NavigationProperty one(String name, EntityType target) {
        return new NavigationProperty(name, target, false);
    }

    private static NavigationProperty many(String name, EntityType target) {
        return new NavigationProperty(name, target, true);
    }
}
