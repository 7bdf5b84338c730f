package org.groundwatergateway.ogc.wfs;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.ogc.feature.DisclosedType;
import org.groundwatergateway.ogc.feature.FeatureProperty;
import org.groundwatergateway.ogc.xml.Namespaces;
import org.groundwatergateway.ogc.xml.XmlOut;

/**
 * DescribeFeatureType's answer (OGC 09-025r2 §9): an XML Schema with one GML 3.2 feature type per published
 * type, the geometry property {@code geom} first, then each property the viewer may see, in the order GetFeature
 * writes them.
 */
final class FeatureTypeSchema {

    private FeatureTypeSchema() {}

    static void write(OutputStream out, List<DisclosedType> types) {
        try (XmlOut xml = new XmlOut(out, Map.of("xsd", Namespaces.XSD, "gml", Namespaces.GML, "gw", Namespaces.GW))) {
            xml.root("xsd:schema").attribute("targetNamespace", Namespaces.GW).attribute("elementFormDefault", "qualified")
                    .attribute("version", "1.0");
            xml.start("xsd:import").attribute("namespace", Namespaces.GML)
                    .attribute("schemaLocation", "http://schemas.opengis.net/gml/3.2.1/gml.xsd").end();
            for (DisclosedType layer : types) {
                String name = layer.name();
                xml.start("xsd:element").attribute("name", name).attribute("type", "gw:" + name + "Type")
                        .attribute("substitutionGroup", "gml:AbstractFeature").end();
                xml.start("xsd:complexType").attribute("name", name + "Type");
                xml.start("xsd:complexContent").start("xsd:extension").attribute("base", "gml:AbstractFeatureType").start("xsd:sequence");
                xml.start("xsd:element").attribute("name", "geom").attribute("type", layer.type().geometryKind().gmlType())
                        .attribute("minOccurs", 0).attribute("maxOccurs", 1).end();
                for (FeatureProperty property : layer.type().properties()) {
                    xml.start("xsd:element").attribute("name", property.name()).attribute("type", property.type().xsd())
                            .attribute("minOccurs", 0).attribute("maxOccurs", 1).attribute("nillable", "true").end();
                }
                xml.end().end().end().end();
            }
            xml.end();
        }
    }
}
