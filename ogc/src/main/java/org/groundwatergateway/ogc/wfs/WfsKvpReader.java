package org.groundwatergateway.ogc.wfs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.ogc.crs.CoordinateReferenceSystems;
import org.groundwatergateway.ogc.crs.Crs;
import org.groundwatergateway.ogc.crs.Reprojection;
import org.groundwatergateway.ogc.fes.FesFilterReader;
import org.groundwatergateway.ogc.feature.SortKey;
import org.groundwatergateway.ogc.filter.Filter;
import org.groundwatergateway.ogc.filter.FilterException;
import org.groundwatergateway.ogc.ows.KvpRequest;
import org.groundwatergateway.ogc.ows.OwsException;
import org.groundwatergateway.ogc.ows.ServiceSettings;
import org.groundwatergateway.ogc.xml.AxisOrder;
import org.groundwatergateway.ogc.xml.GmlGeometryReader;
import org.groundwatergateway.ogc.xml.Namespaces;
import org.groundwatergateway.ogc.xml.SafeXml;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.locationtech.jts.geom.Envelope;

/** Reads WFS 2.0 KVP requests (OGC 09-025r2 §7.6 and each operation's KVP encoding table). */
public final class WfsKvpReader {

    private WfsKvpReader() {}

    /** @param maxFilterSize the largest FILTER read, in bytes of UTF-8 */
    public static WfsRequest read(KvpRequest kvp, int maxFilterSize) {
        String request = kvp.require("REQUEST");
        switch (request.toLowerCase(Locale.ROOT)) {
            case "getcapabilities":
                return new WfsRequest.GetCapabilities();
            case "describefeaturetype":
                return new WfsRequest.DescribeFeatureType(typeNames(kvp, false));
            case "liststoredqueries":
                return new WfsRequest.ListStoredQueries();
            case "describestoredqueries":
                return new WfsRequest.DescribeStoredQueries(kvp.list("STOREDQUERY_ID"));
            case "getfeature":
                return getFeature(kvp, null, maxFilterSize);
            case "getpropertyvalue":
                // Given but empty is an invalid value, not a missing one (09-025r2 Table 17).
                if (kvp.givenEmpty("VALUEREFERENCE")) {
                    throw OwsException.invalid("VALUEREFERENCE", "VALUEREFERENCE is empty; name a property of the feature type");
                }
                return getFeature(kvp, kvp.require("VALUEREFERENCE"), maxFilterSize);
            default:
                throw new OwsException("OperationNotSupported", "REQUEST", "WFS has no operation " + request);
        }
    }

    private static WfsRequest getFeature(KvpRequest kvp, String valueReference, int maxFilterSize) {
        long startIndex = kvp.integer("STARTINDEX", 0, 0, Integer.MAX_VALUE);
        Integer count = kvp.has("COUNT") || kvp.has("MAXFEATURES") ? kvp.integer(kvp.has("COUNT") ? "COUNT" : "MAXFEATURES", 0, 0, Integer.MAX_VALUE) : null;
        boolean hits = kvp.get("RESULTTYPE").map(r -> r.equalsIgnoreCase("hits")).orElse(false);
        String outputFormat = kvp.get("OUTPUTFORMAT").orElse(null);
        AxisOrder srs = kvp.get("SRSNAME").map(WfsKvpReader::axisOrder).orElse(null);

        if (kvp.has("STOREDQUERY_ID")) {
            String id = kvp.require("STOREDQUERY_ID");
            if (!id.equals(WfsRequest.GET_FEATURE_BY_ID)) {
                throw OwsException.invalid("STOREDQUERY_ID", "Unknown stored query " + id + "; this service offers " + WfsRequest.GET_FEATURE_BY_ID);
            }
            return WfsRequest.GetFeature.byId(kvp.require("ID"), srs, outputFormat, valueReference);
        }

        Filter shared = Filter.INCLUDE;
        int filterKinds = (kvp.has("FILTER") ? 1 : 0) + (kvp.has("BBOX") ? 1 : 0) + (kvp.has("RESOURCEID") || kvp.has("FEATUREID") ? 1 : 0);
        if (filterKinds > 1) throw OwsException.invalid("FILTER", "FILTER, BBOX and RESOURCEID are mutually exclusive");
        if (kvp.has("BBOX")) shared = bbox(kvp.require("BBOX"), srs);
        List<String> resourceIds = kvp.list(kvp.has("RESOURCEID") ? "RESOURCEID" : "FEATUREID");
        List<String> typeNames = typeNames(kvp, resourceIds.isEmpty());
        if (!resourceIds.isEmpty()) {
            shared = new Filter.ResourceIds(resourceIds);
            if (typeNames.isEmpty()) {
                typeNames = resourceIds.stream().map(WfsRequest::typeNameOf).distinct().toList();
            }
        }
        List<String> filters = kvp.has("FILTER") ? parenthesised(bounded(kvp.require("FILTER"), maxFilterSize)) : List.of();
        if (!filters.isEmpty() && filters.size() != typeNames.size()) {
            throw OwsException.invalid("FILTER", "FILTER must give one filter per type name (" + typeNames.size() + "), got " + filters.size());
        }
        List<SortKey> sortBy = sortBy(kvp);
        List<String> propertyNames = kvp.list("PROPERTYNAME");
        List<WfsRequest.Query> queries = new ArrayList<>();
        for (int i = 0; i < typeNames.size(); i++) {
            Filter filter = filters.isEmpty() ? shared : fes(filters.get(i), srs);
            queries.add(new WfsRequest.Query(typeNames.get(i), filter, sortBy, propertyNames, srs));
        }
        return new WfsRequest.GetFeature(queries, startIndex, count, hits, outputFormat, false, valueReference);
    }

    private static List<String> typeNames(KvpRequest kvp, boolean required) {
        // QGIS sends both TYPENAMES (2.0) and TYPENAME (1.x) to be safe.
        String key = kvp.has("TYPENAMES") ? "TYPENAMES" : "TYPENAME";
        if (required && !kvp.has(key)) throw OwsException.missing("TYPENAMES");
        List<String> names = new ArrayList<>();
        for (String name : kvp.list(key)) names.add(name.replace("(", "").replace(")", ""));
        return names;
    }

    static AxisOrder axisOrder(String srsName) {
        Crs crs = CoordinateReferenceSystems.lookup(srsName)
                .orElseThrow(() -> OwsException.invalid("SRSNAME", "Unsupported CRS " + srsName + "; see the capabilities for the offered ones"));
        return AxisOrder.of(crs, srsName);
    }

    /** {@code BBOX=a,b,c,d[,crs]}: corners in the axis order of the given CRS, or of the default EPSG:4490 URN. */
    private static Filter bbox(String text, AxisOrder requestSrs) {
        String[] parts = text.split(",");
        if (parts.length != 4 && parts.length != 5) throw OwsException.invalid("BBOX", "BBOX needs four numbers and an optional CRS, got '" + text + "'");
        AxisOrder order = parts.length == 5 ? axisOrder(parts[4].trim()) : requestSrs != null ? requestSrs
                : AxisOrder.official(CoordinateReferenceSystems.storage());
        double[] n = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                n[i] = Double.parseDouble(parts[i].trim());
                if (!Double.isFinite(n[i])) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw OwsException.invalid("BBOX", "BBOX value '" + parts[i] + "' is not a number");
            }
        }
        double[] lower = order.toEastNorth(n[0], n[1]);
        double[] upper = order.toEastNorth(n[2], n[3]);
        if (lower[0] > upper[0] || lower[1] > upper[1]) throw OwsException.invalid("BBOX", "BBOX lower corner must not exceed the upper corner");
        Envelope lonLat;
        try {
            lonLat = Reprojection.toStorage(new Envelope(lower[0], upper[0], lower[1], upper[1]), order.crs());
        } catch (IllegalArgumentException e) {
            throw OwsException.invalid("BBOX", "BBOX: " + e.getMessage());
        }
        return new Filter.Spatial(Filter.SpatialOperator.BBOX, Cgcs2000.GEOMETRY_FACTORY.toGeometry(lonLat));
    }

    /** {@code SORTBY=code DESC,name_zh}: ASC/DESC or A/D after a space. */
    private static List<SortKey> sortBy(KvpRequest kvp) {
        List<SortKey> keys = new ArrayList<>();
        for (String item : kvp.list("SORTBY")) {
            String[] parts = item.trim().split("\\s+");
            String direction = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "ASC";
            if (!List.of("ASC", "DESC", "A", "D").contains(direction)) throw OwsException.invalid("SORTBY", "Sort order must be ASC or DESC, got " + parts[1]);
            keys.add(new SortKey(Namespaces.localName(parts[0]), direction.startsWith("D")));
        }
        return keys;
    }

    /** A filter is parsed into a DOM several times its size: a large one is refused before. */
    private static String bounded(String filter, int maxFilterSize) {
        int size = filter.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxFilterSize) {
            throw OwsException.invalid("FILTER", "FILTER is " + size + " bytes long; at most " + maxFilterSize + " are read ("
                    + ServiceSettings.MAX_FILTER_SIZE + ")");
        }
        return filter;
    }

    /** FILTER=(f1)(f2) for several types, or a single filter without parentheses. */
    private static List<String> parenthesised(String text) {
        String trimmed = text.trim();
        if (!trimmed.startsWith("(")) return List.of(trimmed);
        List<String> filters = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '(' && depth++ == 0) start = i + 1;
            if (c == ')' && --depth == 0) filters.add(trimmed.substring(start, i));
        }
        return filters;
    }

    private static Filter fes(String xml, AxisOrder srs) {
        AxisOrder order = srs != null ? srs : AxisOrder.official(CoordinateReferenceSystems.storage());
        try {
            return new FesFilterReader(new GmlGeometryReader(order)).read(SafeXml.parse(xml).getDocumentElement());
        } catch (IllegalArgumentException | FilterException e) {
            throw new OwsException("InvalidParameterValue", "FILTER", "FILTER is not a valid FES 2.0 filter: " + e.getMessage());
        }
    }
}
