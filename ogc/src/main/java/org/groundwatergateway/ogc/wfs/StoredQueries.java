package org.groundwatergateway.ogc.wfs;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.ogc.xml.Namespaces;
import org.groundwatergateway.ogc.xml.XmlOut;

/** The one stored query every WFS 2.0 offers, GetFeatureById (OGC 09-025r2 §7.9.3.6). */
final class StoredQueries {

    private StoredQueries() {}

    /** @param typeNames the qualified feature type names GetFeatureById may return */
    static void list(OutputStream out, List<String> typeNames) {
        try (XmlOut xml = new XmlOut(out, Map.of("wfs", Namespaces.WFS, "gw", Namespaces.GW))) {
            xml.root("wfs:ListStoredQueriesResponse");
            xml.start("wfs:StoredQuery").attribute("id", WfsRequest.GET_FEATURE_BY_ID);
            xml.element("wfs:Title", "Get feature by identifier");
            typeNames.forEach(name -> xml.element("wfs:ReturnFeatureType", name));
            xml.end().end();
        }
    }

    static void describe(OutputStream out, List<String> typeNames) {
        try (XmlOut xml = new XmlOut(out, Map.of("wfs", Namespaces.WFS, "xsd", Namespaces.XSD, "gw", Namespaces.GW))) {
            xml.root("wfs:DescribeStoredQueriesResponse");
            xml.start("wfs:StoredQueryDescription").attribute("id", WfsRequest.GET_FEATURE_BY_ID);
            xml.element("wfs:Title", "Get feature by identifier");
            xml.element("wfs:Abstract", "Returns the single feature whose identifier (e.g. wells.12) is given.");
            xml.start("wfs:Parameter").attribute("name", "id").attribute("type", "xsd:string").end();
            xml.start("wfs:QueryExpressionText").attribute("returnFeatureTypes", String.join(" ", typeNames)).attribute("language", "urn:ogc:def:queryLanguage:OGC-WFS::WFSQueryExpression")
                    .attribute("isPrivate", "true").end();
            xml.end().end();
        }
    }
}
