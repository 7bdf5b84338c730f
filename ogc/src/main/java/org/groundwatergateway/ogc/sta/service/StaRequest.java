package org.groundwatergateway.ogc.sta.service;

import java.util.Locale;
import org.groundwatergateway.policies.Viewer;

/**
 * One request to the service, as the HTTP controller, a batch or MQTT hands it over.
 *
 * @param path the resource path after the service root, e.g. {@code /Datastreams(1)/Observations}
 * @param rawQuery the query string as sent (percent-encoded), or null
 * @param body the request body (JSON), or null
 * @param base the service root URL as the client reached it, e.g. {@code http://host:8080/sta/v1.1}
 * @param english whether refusals are said in English (the caller's Accept-Language prefers it) rather than Chinese
 * @param reason why the caller changes data (the {@code Gw-Reason} header), for the audit log; null when not given
 */
public record StaRequest(String method, String path, String rawQuery, String body, Viewer viewer, String base, boolean english, String reason) {

    /** A request that gives no reason. */
    public StaRequest(String method, String path, String rawQuery, String body, Viewer viewer, String base, boolean english) {
        this(method, path, rawQuery, body, viewer, base, english, null);
    }

    /** A request whose refusals are said in English (MQTT publications, which carry no Accept-Language). */
    public StaRequest(String method, String path, String rawQuery, String body, Viewer viewer, String base) {
        this(method, path, rawQuery, body, viewer, base, true);
    }

    /** The language refusals are said in: English or Chinese. */
    public Locale language() {
        return english ? Locale.ENGLISH : Locale.CHINESE;
    }
}
