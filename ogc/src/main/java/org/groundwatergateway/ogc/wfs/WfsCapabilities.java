package org.groundwatergateway.ogc.wfs;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.ogc.crs.CoordinateReferenceSystems;
import org.groundwatergateway.ogc.crs.Crs;
import org.groundwatergateway.ogc.feature.DisclosedType;
import org.groundwatergateway.ogc.feature.FeatureStore;
import org.groundwatergateway.ogc.ows.ServiceSettings;
import org.groundwatergateway.ogc.xml.Namespaces;
import org.groundwatergateway.ogc.xml.Numbers;
import org.groundwatergateway.ogc.xml.XmlOut;
import org.locationtech.jts.geom.Envelope;

/**
 * The WFS 2.0 capabilities document (OGC 09-025r2 §8): operations with GET and POST endpoints (URLs end in
 * {@code ?}, since OWSLib appends parameters to them as given), the conformance constraints, the feature types
 * the viewer may see with their CRSs and extents, and the FES 2.0 filter capabilities actually implemented.
 */
final class WfsCapabilities {

    private static final List<String> OPERATIONS = List.of("GetCapabilities", "DescribeFeatureType", "GetFeature", "GetPropertyValue",
            "ListStoredQueries", "DescribeStoredQueries");
    private static final List<String> COMPARISONS = List.of("PropertyIsEqualTo", "PropertyIsNotEqualTo", "PropertyIsLessThan",
            "PropertyIsGreaterThan", "PropertyIsLessThanOrEqualTo", "PropertyIsGreaterThanOrEqualTo", "PropertyIsLike", "PropertyIsNull",
            "PropertyIsBetween");
    private static final List<String> SPATIAL = List.of("BBOX", "Equals", "Disjoint", "Intersects", "Touches", "Crosses", "Within",
            "Contains", "Overlaps", "DWithin", "Beyond");

    private final ServiceSettings settings;
    private final List<FeatureOutputFormat> formats;

    WfsCapabilities(ServiceSettings settings, List<FeatureOutputFormat> formats) {
        this.settings = settings;
        this.formats = formats;
    }

    void write(OutputStream out, List<DisclosedType> types, FeatureStore store, String serviceUrl) {
        Map<String, String> ns = Map.of("wfs", Namespaces.WFS, "ows", Namespaces.OWS, "fes", Namespaces.FES, "gml", Namespaces.GML,
                "xlink", Namespaces.XLINK, "xsi", Namespaces.XSI, "gw", Namespaces.GW);
        try (XmlOut xml = new XmlOut(out, ns)) {
            xml.root("wfs:WFS_Capabilities").attribute("version", WfsService.VERSION)
                    .attribute("xsi:schemaLocation", Namespaces.WFS + " http://schemas.opengis.net/wfs/2.0/wfs.xsd");
            xml.start("ows:ServiceIdentification").element("ows:Title", settings.title()).element("ows:Abstract", settings.abstractText())
                    .element("ows:ServiceType", "WFS").element("ows:ServiceTypeVersion", WfsService.VERSION)
                    .element("ows:Fees", "NONE").element("ows:AccessConstraints", "NONE").end();
            xml.start("ows:ServiceProvider").element("ows:ProviderName", settings.provider())
                    .start("ows:ServiceContact").start("ows:ContactInfo").start("ows:Address")
                    .element("ows:ElectronicMailAddress", settings.contactEmail()).end().end().end().end();

            xml.start("ows:OperationsMetadata");
            for (String operation : OPERATIONS) {
                xml.start("ows:Operation").attribute("name", operation).start("ows:DCP").start("ows:HTTP");
                xml.start("ows:Get").attribute("xlink:href", serviceUrl).end();
                xml.start("ows:Post").attribute("xlink:href", serviceUrl).end();
                xml.end().end();
                if (operation.equals("GetFeature")) {
                    allowed(xml, "outputFormat", formats.stream().map(f -> f.names().get(0)).toList());
                    allowed(xml, "resultType", List.of("results", "hits"));
                }
                if (operation.equals("GetFeature") || operation.equals("GetPropertyValue")) {
                    // Features hold no references to other resources, so local resolution is all there is to do.
                    allowed(xml, "resolve", List.of("local"));
                }
                xml.end();
            }
            allowed(xml, "version", List.of(WfsService.VERSION));
            // Basic WFS includes Simple WFS (09-025r2 §2).
            for (String conformance : List.of("ImplementsSimpleWFS", "ImplementsBasicWFS", "KVPEncoding", "XMLEncoding", "ImplementsResultPaging")) {
                constraint(xml, conformance, "TRUE");
            }
            for (String conformance : List.of("ImplementsTransactionalWFS", "ImplementsLockingWFS", "SOAPEncoding",
                    "ImplementsInheritance", "ImplementsRemoteResolve", "ImplementsStandardJoins", "ImplementsSpatialJoins",
                    "ImplementsTemporalJoins", "ImplementsFeatureVersioning", "ManageStoredQueries")) {
                constraint(xml, conformance, "FALSE");
            }
            constraint(xml, "CountDefault", Integer.toString(settings.defaultCount()));
            xml.start("ows:Constraint").attribute("name", "QueryExpressions").start("ows:AllowedValues")
                    .element("ows:Value", "wfs:Query").element("ows:Value", "wfs:StoredQuery").end().end();
            xml.end();

            xml.start("wfs:FeatureTypeList");
            for (DisclosedType layer : types) {
                xml.start("wfs:FeatureType");
                xml.element("wfs:Name", "gw:" + layer.name());
                xml.start("wfs:Title").attribute("xml:lang", "zh").text(layer.type().titleZh()).end();
                xml.start("wfs:Title").attribute("xml:lang", "en").text(layer.type().titleEn()).end();
                xml.element("wfs:Abstract", layer.type().abstractText());
                xml.element("wfs:DefaultCRS", CoordinateReferenceSystems.storage().urn());
                for (Crs crs : CoordinateReferenceSystems.all()) {
                    if (crs != CoordinateReferenceSystems.storage()) xml.element("wfs:OtherCRS", crs.urn());
                }
                xml.start("wfs:OutputFormats");
                formats.forEach(f -> xml.element("wfs:Format", f.names().get(0)));
                xml.end();
                Envelope extent = store.extent(layer);
                if (extent == null) extent = CoordinateReferenceSystems.storage().area();
                xml.start("ows:WGS84BoundingBox")
                        .element("ows:LowerCorner", Numbers.format(extent.getMinX(), 6) + " " + Numbers.format(extent.getMinY(), 6))
                        .element("ows:UpperCorner", Numbers.format(extent.getMaxX(), 6) + " " + Numbers.format(extent.getMaxY(), 6)).end();
                xml.end();
            }
            xml.end();

            filterCapabilities(xml);
            xml.end();
        }
    }

    private static void filterCapabilities(XmlOut xml) {
        xml.start("fes:Filter_Capabilities");
        xml.start("fes:Conformance");
        // Minimum XPath (FES 2.0 §7.4.4), which Basic WFS requires: the features are flat, so a property name with an optional
        // [1], GML's standard properties and @gml:id are all of it there is to reach.
        for (String c : List.of("ImplementsQuery", "ImplementsAdHocQuery", "ImplementsResourceId", "ImplementsMinimumXPath",
                "ImplementsMinStandardFilter", "ImplementsStandardFilter", "ImplementsMinSpatialFilter", "ImplementsSpatialFilter", "ImplementsSorting")) {
            fesConstraint(xml, c, "TRUE");
        }
        for (String c : List.of("ImplementsFunctions", "ImplementsMinTemporalFilter", "ImplementsTemporalFilter", "ImplementsVersionNav",
                "ImplementsExtendedOperators")) {
            fesConstraint(xml, c, "FALSE");
        }
        xml.end();
        xml.start("fes:Id_Capabilities").start("fes:ResourceIdentifier").attribute("name", "fes:ResourceId").end().end();
        xml.start("fes:Scalar_Capabilities").element("fes:LogicalOperators", "").start("fes:ComparisonOperators");
        COMPARISONS.forEach(op -> xml.start("fes:ComparisonOperator").attribute("name", op).end());
        xml.end().end();
        xml.start("fes:Spatial_Capabilities").start("fes:GeometryOperands");
        for (String operand : List.of("gml:Envelope", "gml:Point", "gml:LineString", "gml:Polygon", "gml:MultiPoint", "gml:MultiCurve",
                "gml:MultiSurface")) {
            xml.start("fes:GeometryOperand").attribute("name", operand).end();
        }
        xml.end().start("fes:SpatialOperators");
        SPATIAL.forEach(op -> xml.start("fes:SpatialOperator").attribute("name", op).end());
        xml.end().end();
        xml.end();
    }

    private static void allowed(XmlOut xml, String name, List<String> values) {
        xml.start("ows:Parameter").attribute("name", name).start("ows:AllowedValues");
        values.forEach(v -> xml.element("ows:Value", v));
        xml.end().end();
    }

    private static void constraint(XmlOut xml, String name, String value) {
        xml.start("ows:Constraint").attribute("name", name).start("ows:NoValues").end().element("ows:DefaultValue", value).end();
    }

    private static void fesConstraint(XmlOut xml, String name, String value) {
        xml.start("fes:Constraint").attribute("name", name).start("ows:NoValues").end().element("ows:DefaultValue", value).end();
    }
}
