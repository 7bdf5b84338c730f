package org.groundwatergateway.ogc.wfs;

import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.ogc.crs.CoordinateReferenceSystems;
import org.groundwatergateway.ogc.fes.FesFilterReader;
import org.groundwatergateway.ogc.feature.SortKey;
import org.groundwatergateway.ogc.filter.Filter;
import org.groundwatergateway.ogc.filter.FilterException;
import org.groundwatergateway.ogc.ows.OwsException;
import org.groundwatergateway.ogc.xml.AxisOrder;
import org.groundwatergateway.ogc.xml.GmlGeometryReader;
import org.groundwatergateway.ogc.xml.Namespaces;
import org.groundwatergateway.ogc.xml.SafeXml;
import org.w3c.dom.Element;

/** Reads WFS 2.0 requests in their XML (POST) encoding (OGC 09-025r2, the XML schema of each operation). */
public final class WfsXmlReader {

    private WfsXmlReader() {}

    public static WfsRequest read(Element root) {
        switch (root.getLocalName()) {
            case "GetCapabilities":
                return new WfsRequest.GetCapabilities();
            case "DescribeFeatureType":
                return new WfsRequest.DescribeFeatureType(SafeXml.children(root).stream()
                        .filter(e -> e.getLocalName().equals("TypeName")).map(SafeXml::text).toList());
            case "ListStoredQueries":
                return new WfsRequest.ListStoredQueries();
            case "DescribeStoredQueries":
                return new WfsRequest.DescribeStoredQueries(SafeXml.children(root).stream()
                        .filter(e -> e.getLocalName().equals("StoredQueryId")).map(SafeXml::text).toList());
            case "GetFeature":
                return getFeature(root, null);
            case "GetPropertyValue":
                String valueReference = SafeXml.attribute(root, "valueReference");
                if (valueReference == null) throw OwsException.missing("valueReference");
                return getFeature(root, valueReference);
            default:
                throw new OwsException("OperationNotSupported", root.getLocalName(), "WFS has no operation " + root.getLocalName());
        }
    }

    private static WfsRequest getFeature(Element root, String valueReference) {
        long startIndex = number(root, "startIndex", 0);
        Integer count = SafeXml.attribute(root, "count") != null ? (int) number(root, "count", 0) : null;
        boolean hits = "hits".equalsIgnoreCase(SafeXml.attribute(root, "resultType"));
        String outputFormat = SafeXml.attribute(root, "outputFormat");
        List<WfsRequest.Query> queries = new ArrayList<>();
        for (Element child : SafeXml.children(root)) {
            if (child.getLocalName().equals("Query")) {
                queries.addAll(query(child));
            } else if (child.getLocalName().equals("StoredQuery")) {
                return storedQuery(child, outputFormat, valueReference);
            }
        }
        if (queries.isEmpty()) throw OwsException.missing("Query");
        return new WfsRequest.GetFeature(queries, startIndex, count, hits, outputFormat, false, valueReference);
    }

    private static List<WfsRequest.Query> query(Element query) {
        String typeNames = SafeXml.attribute(query, "typeNames") != null ? SafeXml.attribute(query, "typeNames") : SafeXml.attribute(query, "typeName");
        if (typeNames == null || typeNames.isBlank()) throw OwsException.missing("typeNames");
        String srsName = SafeXml.attribute(query, "srsName");
        AxisOrder srs = srsName != null ? WfsKvpReader.axisOrder(srsName) : null;
        Filter filter = Filter.INCLUDE;
        List<SortKey> sortBy = new ArrayList<>();
        List<String> propertyNames = new ArrayList<>();
        for (Element child : SafeXml.children(query)) {
            switch (child.getLocalName()) {
                case "Filter":
                    AxisOrder order = srs != null ? srs : AxisOrder.official(CoordinateReferenceSystems.storage());
                    try {
                        filter = new FesFilterReader(new GmlGeometryReader(order)).read(child);
                    } catch (IllegalArgumentException | FilterException e) {
                        throw OwsException.invalid("Filter", e.getMessage());
                    }
                    break;
                case "SortBy":
                    for (Element property : SafeXml.children(child)) {
                        String name = SafeXml.child(property, "ValueReference").or(() -> SafeXml.child(property, "PropertyName"))
                                .map(SafeXml::text).orElseThrow(() -> OwsException.missing("SortBy/ValueReference"));
                        boolean descending = SafeXml.child(property, "SortOrder").map(o -> SafeXml.text(o).toUpperCase().startsWith("D")).orElse(false);
                        sortBy.add(new SortKey(Namespaces.localName(name), descending));
                    }
                    break;
                case "PropertyName":
                    propertyNames.add(SafeXml.text(child));
                    break;
                default:
                    break;
            }
        }
        List<WfsRequest.Query> queries = new ArrayList<>();
        for (String typeName : typeNames.trim().split("[\\s,]+")) {
            queries.add(new WfsRequest.Query(typeName, filter, sortBy, propertyNames, srs));
        }
        return queries;
    }

    private static WfsRequest storedQuery(Element stored, String outputFormat, String valueReference) {
        String id = stored.getAttribute("id");
        if (!WfsRequest.GET_FEATURE_BY_ID.equals(id)) throw OwsException.invalid("StoredQuery", "Unknown stored query " + id);
        String rid = SafeXml.children(stored).stream().filter(p -> "ID".equalsIgnoreCase(p.getAttribute("name"))).map(SafeXml::text).findFirst()
                .orElseThrow(() -> OwsException.missing("ID"));
        return WfsRequest.GetFeature.byId(rid, null, outputFormat, valueReference);
    }

    private static long number(Element e, String attribute, long fallback) {
        String text = SafeXml.attribute(e, attribute);
        if (text == null) return fallback;
        try {
            long value = Long.parseLong(text.trim());
            if (value < 0) throw new NumberFormatException();
            return value;
        } catch (NumberFormatException ex) {
            throw OwsException.invalid(attribute, attribute + " must be a non-negative integer, got '" + text + "'");
        }
    }
}
