package org.groundwatergateway.ogc.sta.service;

import org.groundwatergateway.policies.Viewer;

/**
 * One request to the service, as the HTTP controller, a batch or MQTT hands it over.
 *
 * @param path the resource path after the service root, e.g. {@code /Datastreams(1)/Observations}
 * @param rawQuery the query string as sent (percent-encoded), or null
 * @param body the request body (JSON), or null
 * @param base the service root URL as the client reached it, e.g. {@code http://host:8080/sta/v1.1}
 */
public record StaRequest(String method, String path, String rawQuery, String body, Viewer viewer, String base) {}
