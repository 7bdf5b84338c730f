package org.groundwatergateway.ogc.sta.persistence;

import java.util.Map;
import org.groundwatergateway.ogc.sta.model.EntityType;

/**
 * One entity as read: its property values by SensorThings name ({@code properties/park}; instants, numbers,
 * strings, dates and JTS geometries) and what was expanded, by navigation property: an {@link Entity} (or null)
 * for a to-one relation, an {@link EntityPage} for a to-many one.
 */
public record Entity(EntityType type, long id, Map<String, Object> values, Map<String, Object> expanded) {}
