package org.groundwatergateway.ogc.wms;

import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.ogc.crs.CoordinateReferenceSystems;
import org.groundwatergateway.ogc.crs.Crs;
import org.groundwatergateway.ogc.crs.Reprojection;
import org.groundwatergateway.ogc.ows.ServiceSettings;
import org.groundwatergateway.ogc.xml.Namespaces;
import org.groundwatergateway.ogc.xml.Numbers;
import org.groundwatergateway.ogc.xml.XmlOut;
import org.locationtech.jts.geom.Envelope;

/**
 * The WMS 1.3.0 capabilities document (OGC 06-042 §7.2.4): operations with URLs ending in {@code ?}, one root
 * layer listing every offered CRS, and a queryable layer per published layer with its bounding boxes (in each
 * CRS's axis order), legend URL and, where TIME applies, the time dimension.
 */
final class WmsCapabilities {

    private static final List<String> INFO_FORMATS = List.of("application/json", "text/html", "text/plain");

    private WmsCapabilities() {}

    static void write(OutputStream out, ServiceSettings settings, List<MapLayer> layers, Envelope extent, Instant firstTime, String serviceUrl) {
        Map<String, String> ns = Map.of("wms", Namespaces.WMS, "xlink", Namespaces.XLINK, "xsi", Namespaces.XSI);
        try (XmlOut xml = new XmlOut(out, ns)) {
            xml.root("wms:WMS_Capabilities").attribute("version", "1.3.0")
                    .attribute("xsi:schemaLocation", Namespaces.WMS + " http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd");
            xml.start("wms:Service").element("wms:Name", "WMS").element("wms:Title", settings.title())
                    .element("wms:Abstract", settings.abstractText());
            xml.start("wms:OnlineResource").attribute("xlink:type", "simple").attribute("xlink:href", serviceUrl).end();
            xml.start("wms:ContactInformation").element("wms:ContactElectronicMailAddress", settings.contactEmail()).end();
            xml.element("wms:Fees", "none").element("wms:AccessConstraints", "none")
                    .element("wms:MaxWidth", settings.maxImageSide()).element("wms:MaxHeight", settings.maxImageSide());
            xml.end();

            xml.start("wms:Capability").start("wms:Request");
            operation(xml, "wms:GetCapabilities", List.of("text/xml"), serviceUrl);
            operation(xml, "wms:GetMap", MapImageFormat.advertised(), serviceUrl);
            operation(xml, "wms:GetFeatureInfo", INFO_FORMATS, serviceUrl);
            xml.end();
            xml.start("wms:Exception").element("wms:Format", "XML").end();

            xml.start("wms:Layer");
            xml.element("wms:Title", settings.title());
            for (Crs crs : CoordinateReferenceSystems.all()) xml.element("wms:CRS", crs.code());
            geographicBox(xml, extent);
            for (MapLayer layer : layers) {
                xml.start("wms:Layer").attribute("queryable", 1).attribute("opaque", 0);
                xml.element("wms:Name", layer.name()).element("wms:Title", layer.title()).element("wms:Abstract", layer.abstractText());
                geographicBox(xml, extent);
                for (String code : List.of("CRS:84", "EPSG:4490", "EPSG:4326", "EPSG:3857")) {
                    boundingBox(xml, CoordinateReferenceSystems.lookup(code).orElseThrow(), extent);
                }
                if (layer.timeAware()) {
                    xml.start("wms:Dimension").attribute("name", "time").attribute("units", "ISO8601").attribute("default", "current")
                            .attribute("nearestValue", 1).text(firstTime + "/current/PT1H").end();
                }
                xml.start("wms:Style").element("wms:Name", "default").element("wms:Title", "default");
                xml.start("wms:LegendURL").attribute("width", 220).attribute("height", 20 + 22 * layer.legend().size())
                        .element("wms:Format", "image/png");
                xml.start("wms:OnlineResource").attribute("xlink:type", "simple").attribute("xlink:href", serviceUrl
                        + "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=" + URLEncoder.encode(layer.name(), StandardCharsets.UTF_8)).end();
                xml.end().end();
                xml.end();
            }
            xml.end();
            xml.end();
            xml.end();
        }
    }

    private static void operation(XmlOut xml, String name, List<String> formats, String serviceUrl) {
        xml.start(name);
        formats.forEach(f -> xml.element("wms:Format", f));
        xml.start("wms:DCPType").start("wms:HTTP");
        xml.start("wms:Get").start("wms:OnlineResource").attribute("xlink:type", "simple").attribute("xlink:href", serviceUrl).end().end();
        xml.start("wms:Post").start("wms:OnlineResource").attribute("xlink:type", "simple").attribute("xlink:href", serviceUrl).end().end();
        xml.end().end().end();
    }

    private static void geographicBox(XmlOut xml, Envelope e) {
        xml.start("wms:EX_GeographicBoundingBox")
                .element("wms:westBoundLongitude", Numbers.format(e.getMinX(), 6)).element("wms:eastBoundLongitude", Numbers.format(e.getMaxX(), 6))
                .element("wms:southBoundLatitude", Numbers.format(e.getMinY(), 6)).element("wms:northBoundLatitude", Numbers.format(e.getMaxY(), 6))
                .end();
    }

    /** minx/miny are the first axis of the CRS: latitude for EPSG:4326 and 4490 (§7.2.4.6.8). */
    private static void boundingBox(XmlOut xml, Crs crs, Envelope lonLat) {
        Envelope e = Reprojection.fromStorage(lonLat, crs);
        int decimals = crs.geographic() ? 6 : 2;
        boolean swap = crs.northFirst();
        xml.start("wms:BoundingBox").attribute("CRS", crs.code())
                .attribute("minx", Numbers.format(swap ? e.getMinY() : e.getMinX(), decimals))
                .attribute("miny", Numbers.format(swap ? e.getMinX() : e.getMinY(), decimals))
                .attribute("maxx", Numbers.format(swap ? e.getMaxY() : e.getMaxX(), decimals))
                .attribute("maxy", Numbers.format(swap ? e.getMaxX() : e.getMaxY(), decimals)).end();
    }
}
