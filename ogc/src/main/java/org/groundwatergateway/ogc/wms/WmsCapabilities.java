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
 * CRS's axis order), legend URL and, where TIME applies, the time dimension. Written in the WMS namespace as the
 * default one: with prefixed elements (schema-valid all the same) QGIS 3.22 and GDAL 3.6 find no layer at all.
 */
final class WmsCapabilities {

    private static final List<String> INFO_FORMATS = List.of("application/json", "text/html", "text/plain");

    private WmsCapabilities() {}

    static void write(OutputStream out, ServiceSettings settings, List<MapLayer> layers, Envelope extent, Instant firstTime, String serviceUrl) {
        Map<String, String> ns = Map.of("", Namespaces.WMS, "xlink", Namespaces.XLINK, "xsi", Namespaces.XSI);
        try (XmlOut xml = new XmlOut(out, ns)) {
            xml.root("WMS_Capabilities").attribute("version", "1.3.0")
                    .attribute("xsi:schemaLocation", Namespaces.WMS + " http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd");
            xml.start("Service").element("Name", "WMS").element("Title", settings.title())
                    .element("Abstract", settings.abstractText());
            xml.start("OnlineResource").attribute("xlink:type", "simple").attribute("xlink:href", serviceUrl).end();
            xml.start("ContactInformation").element("ContactElectronicMailAddress", settings.contactEmail()).end();
            xml.element("Fees", "none").element("AccessConstraints", "none")
                    .element("MaxWidth", settings.maxImageSide()).element("MaxHeight", settings.maxImageSide());
            xml.end();

            xml.start("Capability").start("Request");
            operation(xml, "GetCapabilities", List.of("text/xml"), serviceUrl);
            operation(xml, "GetMap", MapImageFormat.advertised(), serviceUrl);
            operation(xml, "GetFeatureInfo", INFO_FORMATS, serviceUrl);
            xml.end();
            xml.start("Exception").element("Format", "XML").end();

            xml.start("Layer");
            xml.element("Title", settings.title());
            for (Crs crs : CoordinateReferenceSystems.all()) xml.element("CRS", crs.code());
            geographicBox(xml, extent);
            for (MapLayer layer : layers) {
                xml.start("Layer").attribute("queryable", 1).attribute("opaque", 0);
                xml.element("Name", layer.name()).element("Title", layer.title()).element("Abstract", layer.abstractText());
                geographicBox(xml, extent);
                for (String code : List.of("CRS:84", "EPSG:4490", "EPSG:4326", "EPSG:3857")) {
                    boundingBox(xml, CoordinateReferenceSystems.lookup(code).orElseThrow(), extent);
                }
                if (layer.timeAware()) {
                    MapLayer.TimeDimension time = layer.timeDimension(firstTime);
                    xml.start("Dimension").attribute("name", "time").attribute("units", "ISO8601").attribute("default", time.defaultValue())
                            .attribute("nearestValue", 1).text(time.extent()).end();
                }
                xml.start("Style").element("Name", "default").element("Title", "default");
                xml.start("LegendURL").attribute("width", 220).attribute("height", 20 + 22 * layer.legend().size())
                        .element("Format", "image/png");
                xml.start("OnlineResource").attribute("xlink:type", "simple").attribute("xlink:href", serviceUrl
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
        formats.forEach(f -> xml.element("Format", f));
        xml.start("DCPType").start("HTTP");
        xml.start("Get").start("OnlineResource").attribute("xlink:type", "simple").attribute("xlink:href", serviceUrl).end().end();
        xml.start("Post").start("OnlineResource").attribute("xlink:type", "simple").attribute("xlink:href", serviceUrl).end().end();
        xml.end().end().end();
    }

    private static void geographicBox(XmlOut xml, Envelope e) {
        xml.start("EX_GeographicBoundingBox")
                .element("westBoundLongitude", Numbers.format(e.getMinX(), 6)).element("eastBoundLongitude", Numbers.format(e.getMaxX(), 6))
                .element("southBoundLatitude", Numbers.format(e.getMinY(), 6)).element("northBoundLatitude", Numbers.format(e.getMaxY(), 6))
                .end();
    }

    /** minx/miny are the first axis of the CRS: latitude for EPSG:4326 and 4490 (§7.2.4.6.8). */
    private static void boundingBox(XmlOut xml, Crs crs, Envelope lonLat) {
        Envelope e = Reprojection.fromStorage(lonLat, crs);
        int decimals = crs.geographic() ? 6 : 2;
        boolean swap = crs.northFirst();
        xml.start("BoundingBox").attribute("CRS", crs.code())
                .attribute("minx", Numbers.format(swap ? e.getMinY() : e.getMinX(), decimals))
                .attribute("miny", Numbers.format(swap ? e.getMinX() : e.getMinY(), decimals))
                .attribute("maxx", Numbers.format(swap ? e.getMaxY() : e.getMaxX(), decimals))
                .attribute("maxy", Numbers.format(swap ? e.getMaxX() : e.getMaxY(), decimals)).end();
    }
}
