package org.groundwatergateway.ogc.wfs;

import java.io.OutputStream;
import java.util.Map;
import org.groundwatergateway.ogc.xml.Namespaces;
import org.groundwatergateway.ogc.xml.XmlOut;

/** The one stored query every WFS 2.0 offers, GetFeatureById (OGC 09-025r2 §7.9.3.6). */
final class StoredQueries {

    private StoredQueries() {}

    static void list(OutputStream out) {
        try (XmlOut xml = new XmlOut(out, Map.of("wfs", Namespaces.WFS))) {
            xml.root("wfs:ListStoredQueriesResponse");
            xml.start("wfs:StoredQuery").attribute("id", WfsRequest.GET_FEATURE_BY_ID);
            xml.element("wfs:Title", "Get feature by identifier");
            xml.element("wfs:ReturnFeatureType", "");
            xml.end().end();
        }
    }

    static void describe(OutputStream out) {
        try (XmlOut xml = new XmlOut(out, Map.of("wfs", Namespaces.WFS, "xsd", Namespaces.XSD))) {
            xml.root("wfs:DescribeStoredQueriesResponse");
            xml.start("wfs:StoredQueryDescription").attribute("id", WfsRequest.GET_FEATURE_BY_ID);
            xml.element("wfs:Title", "Get feature by identifier");
            xml.element("wfs:Abstract", "Returns the single feature whose identifier (e.g. wells.12) is given.");
            xml.start("wfs:Parameter").attribute("name", "ID").attribute("type", "xsd:string").end();
            xml.start("wfs:QueryExpressionText").attribute("returnFeatureTypes", "").attribute("language", "urn:ogc:def:queryLanguage:OGC-WFS::WFSQueryExpression")
                    .attribute("isPrivate", "true").end();
            xml.end().end();
        }
    }
}
