package org.groundwatergateway.catalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The URIs provenance and the observation network name wells, datastreams and parameters by: the resolvable ones,
 * {@code {root}/catalog/id/{kind}/{key}}, wells and parameters by code, datastreams by id (as SensorThings numbers them).
 */
enum LinkedIds {
    WELLS("wells"), DATASTREAMS("datastreams"), PARAMETERS("parameters");

    private final String segment;

    LinkedIds(String segment) {
        this.segment = segment;
    }

    String of(String root, Object key) {
        return root + "/catalog/id/" + segment + "/" + URLEncoder.encode(String.valueOf(key), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
