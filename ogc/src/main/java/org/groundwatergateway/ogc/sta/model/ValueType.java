package org.groundwatergateway.ogc.sta.model;

/** The types a property, literal or function result has in a query. */
public enum ValueType {
    STRING, NUMBER, BOOLEAN, DATETIME, DATE, TIME, DURATION, GEOMETRY, NULL,
    /** A JSON object stored as text: output only, never compared. */
    JSON
}
