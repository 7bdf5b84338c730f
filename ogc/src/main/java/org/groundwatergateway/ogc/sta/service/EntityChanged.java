package org.groundwatergateway.ogc.sta.service;

import org.groundwatergateway.ogc.sta.model.EntityType;

/** A Thing, Location, Sensor, ObservedProperty or Datastream was created or changed through the service; on the event bus. */
public record EntityChanged(EntityType type, long id) {}
