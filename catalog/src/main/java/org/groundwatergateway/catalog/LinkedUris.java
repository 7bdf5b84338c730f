package org.groundwatergateway.catalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The resolvable URIs of the things the catalog describes, under the gateway's root: {@code /catalog/id/{kind}/{key}}.
 * Wells, parks and parameters are named by their codes (stable, and what SensorThings and WFS show as well); datastreams
 * and enterprises by their ids (an enterprise's credit code may be withheld, and a URI must not carry what is).
 */
public enum LinkedUris {
    PARKS("parks"), WELLS("wells"), DATASTREAMS("datastreams"), PARAMETERS("parameters"), ENTERPRISES("enterprises"), METRICS("metrics");

    private final String segment;

    LinkedUris(String segment) {
        this.segment = segment;
    }

    public String segment() {
        return segment;
    }

    /** The kind a path segment names ({@code wells}), or null. */
    public static LinkedUris ofSegment(String segment) {
        for (LinkedUris kind : values()) if (kind.segment.equals(segment)) return kind;
        return null;
    }

    /** The URI of one thing of this kind. */
    public String of(String root, Object key) {
        return collection(root) + "/" + URLEncoder.encode(String.valueOf(key), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The URI of this kind as a whole (the parameters' concept scheme). */
    public String collection(String root) {
        return root + "/catalog/id/" + segment;
    }
}
