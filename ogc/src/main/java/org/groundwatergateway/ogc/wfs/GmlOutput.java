package org.groundwatergateway.ogc.wfs;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.ogc.feature.Feature;
import org.groundwatergateway.ogc.feature.FeatureProperty;
import org.groundwatergateway.ogc.xml.GmlGeometryWriter;
import org.groundwatergateway.ogc.xml.Namespaces;
import org.groundwatergateway.ogc.xml.XmlOut;

/**
 * GML 3.2 in a {@code wfs:FeatureCollection} (OGC 09-025r2 §11.3), the WFS 2.0 default: one {@code wfs:member}
 * per feature, the geometry first then the properties in schema order (as DescribeFeatureType declares them), a
 * property without a value as {@code xsi:nil} (the schema declares every property nillable), coordinates in the
 * srsName's official axis order.
 */
public final class GmlOutput implements FeatureOutputFormat {

    @Override
    public List<String> names() {
        return List.of("application/gml+xml; version=3.2", "text/xml; subtype=gml/3.2", "gml32", "GML3.2", "text/xml", "application/xml");
    }

    @Override
    public String contentType() {
        return "application/gml+xml; version=3.2";
    }

    @Override
    public void write(FeatureCollectionResult result, OutputStream out) {
        Map<String, String> namespaces = Map.of("wfs", Namespaces.WFS, "gml", Namespaces.GML, "gw", Namespaces.GW, "xsi", Namespaces.XSI);
        String srsName = result.srs().crs().urn();
        try (XmlOut xml = new XmlOut(out, namespaces)) {
            GmlGeometryWriter geometries = new GmlGeometryWriter(xml, result.srs().northFirst(), result.srs().crs().geographic());
            if (result.single()) {
                xml.root("gw:" + result.parts().get(0).layer().name());
                xml.attribute("xsi:schemaLocation", Namespaces.GW + " " + result.schemaUrl());
                result.forEach((part, feature) -> featureBody(xml, geometries, part.layer().name(), part.properties(), feature, srsName));
                xml.end();
                return;
            }
            xml.root("wfs:FeatureCollection")
                    .attribute("timeStamp", result.timeStamp().toString())
                    .attribute("numberMatched", result.numberMatched())
                    .attribute("numberReturned", result.numberReturned())
                    .attribute("next", result.next())
                    .attribute("previous", result.previous())
                    .attribute("xsi:schemaLocation", Namespaces.WFS + " http://schemas.opengis.net/wfs/2.0/wfs.xsd "
                            + Namespaces.GW + " " + result.schemaUrl());
            result.forEach((part, feature) -> {
                xml.start("wfs:member").start("gw:" + part.layer().name());
                featureBody(xml, geometries, part.layer().name(), part.properties(), feature, srsName);
                xml.end().end();
            });
            xml.end();
        }
    }

    private static void featureBody(XmlOut xml, GmlGeometryWriter geometries, String typeName, List<FeatureProperty> properties,
                                    Feature feature, String srsName) {
        String id = typeName + "." + feature.id();
        xml.attribute("gml:id", id);
        xml.start("gw:geom");
        geometries.write(feature.geometry(), id + ".geom", srsName);
        xml.end();
        for (FeatureProperty property : properties) {
            Values.element(xml, "gw:" + property.name(), feature.properties().get(property.name()));
        }
    }
}
