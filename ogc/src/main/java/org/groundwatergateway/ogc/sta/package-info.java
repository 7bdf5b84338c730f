/**
 * OGC SensorThings API 1.1 (OGC 18-088, Part 1: Sensing v1.1) over the platform's wells, sensors, datastreams
 * and readings: {@code model} names the entity types, {@code query} parses a request URL into a query tree
 * without knowing of SQL, {@code persistence} turns that tree into SQL with bound values only, and
 * {@code service} answers requests, creates through ingest and speaks the MQTT extension. No Spring MVC here.
 */
package org.groundwatergateway.ogc.sta;
