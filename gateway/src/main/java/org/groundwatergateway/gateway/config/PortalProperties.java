package org.groundwatergateway.gateway.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The web portal ({@code gw.portal.*}).
 *
 * @param baseTiles an XYZ tile URL template drawn under the portal's map, for a park that has a tile service (天地图 with
 *     its key, say {@code https://t{0-7}.tianditu.gov.cn/vec_w/wmts?...&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY});
 *     unset: the map's base is the platform's own layers only, which works on an isolated park network
 * @param baseTilesAttribution the tile service's credit, shown on the map (plain text: no markup)
 */
@ConfigurationProperties("gw.portal")
public record PortalProperties(String baseTiles, String baseTilesAttribution) {

    /** A subdomain range of a template's first host label, as OpenLayers expands it: {0-7} or {a-c}. */
    private static final Pattern RANGE = Pattern.compile("\\{([0-9a-z])-([0-9a-z])}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9-]+");

    public PortalProperties {
        if (baseTiles != null && baseTiles.isBlank()) baseTiles = null;
        if (baseTiles != null) tileSources(baseTiles);
        if (baseTilesAttribution != null && baseTilesAttribution.matches("(?s).*[<>&\\p{Cntrl}].*")) {
            throw new IllegalStateException("gw.portal.base-tiles-attribution is plain text, without <, > or &");
        }
    }

    /**
     * The origins the tiles come from, for the pages' Content-Security-Policy img-src: scheme, host and port, one per
     * host a subdomain range stands for (never a wildcard, which would admit a whole public suffix such as *.gov.cn).
     */
    public List<String> tileSources() {
        return baseTiles == null ? List.of() : tileSources(baseTiles);
    }

    private static List<String> tileSources(String template) {
        int start = template.indexOf("://");
        String scheme = start < 0 ? "" : template.substring(0, start);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalStateException("gw.portal.base-tiles must be an http(s) URL template, not " + template);
        }
        int end = template.indexOf('/', start + 3);
        String authority = template.substring(start + 3, end < 0 ? template.length() : end);
        int colon = authority.lastIndexOf(':');
        String port = colon < 0 ? "" : authority.substring(colon);
        String host = colon < 0 ? authority : authority.substring(0, colon);
        List<String> hosts = new ArrayList<>();
        Matcher range = RANGE.matcher(host);
        if (range.find() && range.start() < Math.max(0, host.indexOf('.')) && range.group(1).charAt(0) <= range.group(2).charAt(0)
                && Character.isDigit(range.group(1).charAt(0)) == Character.isDigit(range.group(2).charAt(0))) {
            for (char c = range.group(1).charAt(0); c <= range.group(2).charAt(0); c++) {
                hosts.add(host.substring(0, range.start()) + c + host.substring(range.end()));
            }
        } else {
            hosts.add(host);
        }
        for (String h : hosts) {
            String[] labels = h.split("\\.", -1);
            for (String label : labels) {
                if (!LABEL.matcher(label).matches()) throw new IllegalStateException("gw.portal.base-tiles needs a host name or address, not " + template);
            }
        }
        if (!port.matches("(:[0-9]{1,5})?")) throw new IllegalStateException("gw.portal.base-tiles has a bad port: " + template);
        return hosts.stream().map(h -> scheme + "://" + h + port).toList();
    }
}
