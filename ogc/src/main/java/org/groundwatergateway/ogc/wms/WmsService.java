package org.groundwatergateway.ogc.wms;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.core.geo.GeoJson;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.ogc.crs.CoordinateReferenceSystems;
import org.groundwatergateway.ogc.crs.Reprojection;
import org.groundwatergateway.ogc.feature.DisclosedType;
import org.groundwatergateway.ogc.feature.Feature;
import org.groundwatergateway.ogc.feature.FeatureStore;
import org.groundwatergateway.ogc.feature.PublishedFeatureTypes;
import org.groundwatergateway.ogc.filter.Filter;
import org.groundwatergateway.ogc.ows.KvpRequest;
import org.groundwatergateway.ogc.ows.OwsException;
import org.groundwatergateway.ogc.ows.OwsResponse;
import org.groundwatergateway.ogc.ows.ServiceSettings;
import org.groundwatergateway.ogc.wfs.Values;
import org.groundwatergateway.policies.Viewer;
import org.locationtech.jts.geom.Envelope;
import tools.jackson.databind.json.JsonMapper;

/**
 * WMS 1.3.0 (OGC 06-042, ISO 19128): GetCapabilities, GetMap drawn with Java2D, GetFeatureInfo and
 * GetLegendGraphic (from the SLD profile, OGC 05-078r4 §10.2), over the layers the viewer may see.
 */
public final class WmsService {

    /** Symbols reach this far beyond their point, so features just outside the view still draw their edge. */
    private static final int SYMBOL_MARGIN_PX = 12;
    private static final int INFO_TOLERANCE_PX = 6;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MapLayers layers;
    private final PublishedFeatureTypes types;
    private final FeatureStore store;
    private final Database database;
    private final ServiceSettings settings;
    private final MapImageCache cache;

    public WmsService(MapLayers layers, PublishedFeatureTypes types, FeatureStore store, Database database, ServiceSettings settings,
                      MapImageCache cache) {
        this.layers = layers;
        this.types = types;
        this.store = store;
        this.database = database;
        this.settings = settings;
        this.cache = cache;
    }

    public WmsRequest read(KvpRequest kvp) {
        return WmsKvpReader.read(kvp, settings.maxImageSide());
    }

    /** @param serviceUrl the URL this request came to, ending in {@code ?} */
    public OwsResponse handle(WmsRequest request, Viewer viewer, String serviceUrl) {
        if (request instanceof WmsRequest.GetCapabilities) {
            List<MapLayer> visible = layers.visibleTo(viewer);
            Envelope extent = extent(viewer);
            Instant first = firstReadingTime();
            return OwsResponse.ok("text/xml; charset=UTF-8", out -> WmsCapabilities.write(out, settings, visible, extent, first, serviceUrl));
        }
        if (request instanceof WmsRequest.GetMap map) return getMap(map, viewer);
        if (request instanceof WmsRequest.GetFeatureInfo info) return featureInfo(info, viewer);
        return legend((WmsRequest.GetLegendGraphic) request, viewer);
    }

    private OwsResponse getMap(WmsRequest.GetMap map, Viewer viewer) {
        MapImageFormat format = MapImageFormat.of(map.format()).orElseThrow(() -> WmsException.invalidFormat(map.format()));
        // What each layer discloses is part of the key: two viewers, or one under two policy versions, may see
        // different features in the same tile; viewers shown the same share the image. So is what its stored data is at.
        List<MapLayer> drawn = resolve(map, viewer);
        MapImageCache.Key key = cache.key(List.of(drawn.stream().map(l -> l.source().disclosure()).toList(),
                drawn.stream().map(l -> String.valueOf(l.stored())).toList(), map));
        byte[] image = cache.get(key);
        if (image == null) {
            image = format.encode(render(map, format, drawn));
            cache.put(key, image);
        }
        byte[] bytes = image;
        return OwsResponse.ok(format.mimeType().startsWith("image/png") ? "image/png" : format.mimeType(), out -> out.write(bytes));
    }

    /**
     * What GetMap draws of these layers for the viewer, as an image for a document to embed (a report's map): layers the
     * viewer may not see are left out rather than refused, since such a document asks for whatever a park's map shows.
     */
    public BufferedImage picture(WmsRequest.GetMap map, Viewer viewer) {
        MapImageFormat format = MapImageFormat.of(map.format()).orElseThrow(() -> WmsException.invalidFormat(map.format()));
        List<MapLayer> visible = layers.visibleTo(viewer);
        List<MapLayer> drawn = new ArrayList<>();
        for (String name : map.layers()) visible.stream().filter(l -> l.name().equals(name)).findFirst().ifPresent(drawn::add);
        return render(map, format, drawn);
    }

    BufferedImage render(WmsRequest.GetMap map, MapImageFormat format, List<MapLayer> drawn) {
        BufferedImage image = format.canvas(map.width(), map.height(), map.transparent(), map.background());
        Graphics2D graphics = image.createGraphics();
        try {
            MapCanvas canvas = new MapCanvas(graphics, map.width(), map.height(), map.crs(), map.bbox());
            Envelope margin = new Envelope(map.bbox());
            margin.expandBy(SYMBOL_MARGIN_PX * canvas.unitsPerPixel());
            Filter inView = new Filter.Spatial(Filter.SpatialOperator.BBOX,
                    Cgcs2000.GEOMETRY_FACTORY.toGeometry(Reprojection.toStorage(margin, map.crs())));
            for (MapLayer layer : drawn) {
                layer.paint(canvas, layer.read(store, inView, map.time(), settings.maxCount()));
            }
        } finally {
            graphics.dispose();
        }
        return image;
    }

    private List<MapLayer> resolve(WmsRequest.GetMap map, Viewer viewer) {
        List<MapLayer> visible = layers.visibleTo(viewer);
        List<MapLayer> drawn = new ArrayList<>();
        for (int k = 0; k < map.layers().size(); k++) {
            String name = map.layers().get(k);
            MapLayer layer = visible.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow(() -> WmsException.layerNotDefined(name));
            String style = k < map.styles().size() ? map.styles().get(k) : "";
            if (!style.isEmpty() && !style.equals("default")) throw WmsException.styleNotDefined(style, name);
            drawn.add(layer);
        }
        return drawn;
    }

    private OwsResponse featureInfo(WmsRequest.GetFeatureInfo info, Viewer viewer) {
        WmsRequest.GetMap map = info.map();
        List<MapLayer> queried = resolve(new WmsRequest.GetMap(info.queryLayers(), List.of(), map.crs(), map.bbox(), map.width(), map.height(),
                map.format(), map.transparent(), map.background(), map.time()), viewer);
        double unitsPerPixel = map.bbox().getWidth() / map.width();
        double x = map.bbox().getMinX() + (info.i() + 0.5) * unitsPerPixel;
        double y = map.bbox().getMaxY() - (info.j() + 0.5) * map.bbox().getHeight() / map.height();
        Envelope around = new Envelope(x, x, y, y);
        around.expandBy(INFO_TOLERANCE_PX * unitsPerPixel);
        Envelope aroundLonLat = Reprojection.toStorage(around, map.crs());
        Map<String, List<Feature>> found = new LinkedHashMap<>();
        for (MapLayer layer : queried) found.put(layer.name(), layer.featuresAt(store, aroundLonLat, map.time(), info.featureCount()));
        String format = info.infoFormat().toLowerCase(java.util.Locale.ROOT);
        if (format.startsWith("application/json") || format.startsWith("application/geo+json")) {
            List<Map<String, Object>> features = new ArrayList<>();
            found.forEach((layer, list) -> list.forEach(f -> features.add(GeoJson.feature(layer + "." + f.id(), f.geometry(), textValues(f)))));
            byte[] json = JSON.writeValueAsBytes(GeoJson.featureCollection(features));
            return OwsResponse.ok("application/json", out -> out.write(json));
        }
        if (format.startsWith("text/html")) return OwsResponse.ok("text/html; charset=UTF-8", out -> html(out, found));
        if (format.startsWith("text/plain")) return OwsResponse.ok("text/plain; charset=UTF-8", out -> plain(out, found));
        throw new OwsException("InvalidFormat", "INFO_FORMAT", "Unsupported INFO_FORMAT " + info.infoFormat()
                + "; use application/json, text/html or text/plain");
    }

    private static Map<String, Object> textValues(Feature f) {
        Map<String, Object> values = new LinkedHashMap<>();
        f.properties().forEach((k, v) -> values.put(k, Values.json(v)));
        return values;
    }

    private static void plain(OutputStream out, Map<String, List<Feature>> found) {
        PrintWriter text = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        found.forEach((layer, features) -> {
            text.println("Layer '" + layer + "': " + features.size() + " feature(s)");
            for (Feature f : features) {
                text.println("  " + layer + "." + f.id());
                f.properties().forEach((k, v) -> text.println("    " + k + " = " + (v == null ? "" : Values.text(v))));
            }
        });
        text.flush();
    }

    private static void html(OutputStream out, Map<String, List<Feature>> found) {
        PrintWriter html = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        html.println("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>GetFeatureInfo</title></head><body>");
        found.forEach((layer, features) -> {
            html.println("<h3>" + Values.escapeHtml(layer) + "</h3>");
            for (Feature f : features) {
                html.println("<table><caption>" + Values.escapeHtml(layer + "." + f.id()) + "</caption>");
                f.properties().forEach((k, v) -> html.println("<tr><th>" + Values.escapeHtml(k) + "</th><td>" + Values.escapeHtml(v == null ? "" : Values.text(v)) + "</td></tr>"));
                html.println("</table>");
            }
        });
        html.println("</body></html>");
        html.flush();
    }

    private OwsResponse legend(WmsRequest.GetLegendGraphic request, Viewer viewer) {
        MapLayer layer = layers.find(viewer, request.layer()).orElseThrow(() -> WmsException.layerNotDefined(request.layer()));
        MapImageFormat format = MapImageFormat.of(request.format()).orElseThrow(() -> WmsException.invalidFormat(request.format()));
        List<MapLayer.LegendEntry> entries = layer.legend();
        int width = request.width() > 0 ? request.width() : 220;
        int rowHeight = 22;
        int height = request.height() > 0 ? request.height() : 20 + rowHeight * entries.size();
        BufferedImage image = format.canvas(width, height, true, 0xFFFFFF);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            MapCanvas canvas = new MapCanvas(g, width, height, CoordinateReferenceSystems.crs84(), new Envelope(0, width, 0, height));
            for (int k = 0; k < entries.size(); k++) {
                MapLayer.LegendEntry entry = entries.get(k);
                int top = 10 + k * rowHeight;
                java.awt.Shape swatch = entry.symbol().pointRadius() > 0
                        ? new java.awt.geom.Ellipse2D.Double(14 - entry.symbol().pointRadius(), top + 8 - entry.symbol().pointRadius(),
                                2 * entry.symbol().pointRadius(), 2 * entry.symbol().pointRadius())
                        : new java.awt.geom.Rectangle2D.Double(6, top + 1, 16, 14);
                entry.symbol().paint(canvas, swatch, true);
                g.setColor(Color.BLACK);
                g.drawString(entry.label(), 30, top + 13);
            }
        } finally {
            g.dispose();
        }
        byte[] bytes = format.encode(image);
        return OwsResponse.ok(format.mimeType().startsWith("image/png") ? "image/png" : format.mimeType(), out -> out.write(bytes));
    }

    private Envelope extent(Viewer viewer) {
        Envelope extent = new Envelope();
        for (DisclosedType type : types.visibleTo(viewer)) {
            Envelope e = store.extent(type);
            if (e != null) extent.expandToInclude(e);
        }
        return extent.isNull() ? CoordinateReferenceSystems.storage().area() : extent;
    }

    private Instant firstReadingTime() {
        // The datastreams' first readings are kept beside their latest (V6_29): one row each to read.
        OffsetDateTime first = database.jdbc().sql("SELECT MIN(first_phenomenon_time) FROM latest_readings")
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional().orElse(null);
        return first == null ? Instant.now() : first.toInstant();
    }
}
