package org.groundwatergateway.ogc.ogcapi;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.ogc.feature.Feature;
import org.groundwatergateway.ogc.wfs.Values;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The HTML face of OGC API – Features (requirements class HTML): plain pages in Chinese and English, and for
 * features an SVG map of the page's geometries above their table, so a browser shows where things are without
 * any script or tile server.
 */
final class HtmlPage {

    private static final int MAP_WIDTH = 640;
    private static final int MAP_HEIGHT = 400;

    private final PrintWriter out;

    HtmlPage(OutputStream stream, String title) {
        this.out = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        out.println("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + Values.escapeHtml(title) + "</title>"
                + "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}"
                + "svg{border:1px solid #999;background:#f8f8f4}</style></head><body><h1>" + Values.escapeHtml(title) + "</h1>");
    }

    HtmlPage paragraph(String text) {
        out.println("<p>" + Values.escapeHtml(text) + "</p>");
        return this;
    }

    HtmlPage links(List<Map<String, String>> links) {
        out.println("<ul>");
        for (Map<String, String> link : links) {
            out.println("<li><a href=\"" + Values.escapeHtml(link.get("href")) + "\">" + Values.escapeHtml(link.getOrDefault("title", link.get("rel"))) + "</a> ("
                    + Values.escapeHtml(link.get("rel")) + ")</li>");
        }
        out.println("</ul>");
        return this;
    }

    HtmlPage map(List<Feature> features) {
        Envelope extent = new Envelope();
        features.forEach(f -> extent.expandToInclude(f.geometry().getEnvelopeInternal()));
        if (extent.isNull()) return this;
        extent.expandBy(Math.max(extent.getWidth(), extent.getHeight()) * 0.05 + 1e-4);
        double scale = Math.min(MAP_WIDTH / extent.getWidth(), MAP_HEIGHT / extent.getHeight());
        out.println("<svg width=\"" + MAP_WIDTH + "\" height=\"" + MAP_HEIGHT + "\" role=\"img\" aria-label=\"map\">");
        for (Feature f : features) {
            for (int i = 0; i < f.geometry().getNumGeometries(); i++) svg(f.geometry().getGeometryN(i), extent, scale, f.id());
        }
        out.println("</svg>");
        return this;
    }

    private void svg(Geometry g, Envelope e, double scale, String id) {
        if (g instanceof Point p) {
            out.printf(java.util.Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#1e88e5\"><title>%s</title></circle>%n",
                    (p.getX() - e.getMinX()) * scale, (e.getMaxY() - p.getY()) * scale, Values.escapeHtml(id));
            return;
        }
        Coordinate[] ring = g instanceof Polygon polygon ? polygon.getExteriorRing().getCoordinates() : g.getCoordinates();
        StringBuilder points = new StringBuilder();
        for (Coordinate c : ring) {
            points.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", (c.x - e.getMinX()) * scale, (e.getMaxY() - c.y) * scale));
        }
        String element = g instanceof Polygon ? "polygon" : "polyline";
        String fill = g instanceof Polygon ? "rgba(229,57,53,0.25)" : "none";
        out.println("<" + element + " points=\"" + points.toString().trim() + "\" fill=\"" + fill + "\" stroke=\"#555\"><title>" + Values.escapeHtml(id)
                + "</title></" + element + ">");
    }

    HtmlPage table(List<String> columns, List<Feature> features) {
        out.println("<table><tr><th>id</th>");
        columns.forEach(c -> out.print("<th>" + Values.escapeHtml(c) + "</th>"));
        out.println("</tr>");
        for (Feature f : features) {
            out.print("<tr><td>" + Values.escapeHtml(f.id()) + "</td>");
            for (String c : columns) {
                Object v = f.properties().get(c);
                out.print("<td>" + Values.escapeHtml(v == null ? "" : Values.text(v)) + "</td>");
            }
            out.println("</tr>");
        }
        out.println("</table>");
        return this;
    }

    void finish() {
        out.println("</body></html>");
        out.flush();
    }
}
