/**
 * OGC services over {@code core} and {@code policies}: SensorThings API 1.1 (with MQTT), WMS 1.3.0,
 * WFS 2.0 / FES 2.0 and OGC API - Features, with their CRS handling.
 */
package org.groundwatergateway.ogc;
