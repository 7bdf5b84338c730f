package org.groundwatergateway.ogc.sta.persistence;

import org.groundwatergateway.ogc.sta.model.ValueType;

/**
 * A property of an entity type as SQL over the entity's table alias, written {@code {a}}.
 *
 * @param name the property's name in SensorThings, nested names joined by '/' ({@code properties/park})
 * @param queryable whether $filter, $orderby and $select may name it; others only feed computed output
 */
public record Column(String name, String sql, ValueType type, boolean queryable) {

    String on(String alias) {
        return sql.replace("{a}", alias);
    }
}
