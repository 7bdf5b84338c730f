package org.groundwatergateway.gateway.config;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The web portal ({@code gw.portal.*}).
 *
 * @param baseTiles an XYZ tile URL template drawn under the portal's map, for a park that has a tile service (天地图 with
 *     its key, say {@code https://t{0-7}.tianditu.gov.cn/vec_w/wmts?...&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY});
 *     unset: the map's base is the platform's own layers only, which works on an isolated park network
 * @param baseTilesAttribution the tile service's attribution, shown on the map (审图号 and source)
 */
@ConfigurationProperties("gw.portal")
public record PortalProperties(String baseTiles, String baseTilesAttribution) {

    public PortalProperties {
        if (baseTiles != null && baseTiles.isBlank()) baseTiles = null;
        if (baseTiles != null) tileSource(baseTiles);
    }

    /**
     * Where the tiles come from, for the pages' Content-Security-Policy img-src: scheme, host and port, a host label
     * holding a {@code {0-7}} subdomain range widened to {@code *}.
     */
    public Optional<String> tileSource() {
        return Optional.ofNullable(baseTiles).map(PortalProperties::tileSource);
    }

    private static String tileSource(String template) {
        int start = template.indexOf("://");
        String scheme = start < 0 ? "" : template.substring(0, start);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalStateException("gw.portal.base-tiles must be an http(s) URL template, not " + template);
        }
        int end = template.indexOf('/', start + 3);
        String authority = template.substring(start + 3, end < 0 ? template.length() : end);
        int colon = authority.lastIndexOf(':');
        String port = colon < 0 ? "" : authority.substring(colon);
        String[] labels = (colon < 0 ? authority : authority.substring(0, colon)).split("\\.", -1);
        // Only a first label may be a subdomain range, and a registered domain of two labels must follow it: never "*".
        if (labels[0].contains("{")) labels[0] = "*";
        boolean named = labels.length >= (labels[0].equals("*") ? 3 : 1)
                && Arrays.stream(labels).skip(labels[0].equals("*") ? 1 : 0).allMatch(l -> l.matches("[A-Za-z0-9-]+"));
        if (!named || !port.matches("(:[0-9]{1,5})?")) {
            throw new IllegalStateException("gw.portal.base-tiles needs a host name or address of its own, not " + template);
        }
        return scheme + "://" + String.join(".", labels) + port;
    }
}
