package org.groundwatergateway.ogc.sta.model;

/** A relation from one entity type to another: {@code Datastream} (to one) or {@code Observations} (to many). */
public record NavigationProperty(String name, EntityType target, boolean toMany) {}
