package org.groundwatergateway.ogc.wfs;

import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.groundwatergateway.ogc.crs.CoordinateReferenceSystems;
import org.groundwatergateway.ogc.feature.DisclosedType;
import org.groundwatergateway.ogc.feature.FeatureProperty;
import org.groundwatergateway.ogc.feature.FeatureQuery;
import org.groundwatergateway.ogc.feature.FeatureStore;
import org.groundwatergateway.ogc.feature.PublishedFeatureTypes;
import org.groundwatergateway.ogc.filter.Filter;
import org.groundwatergateway.ogc.filter.FilterException;
import org.groundwatergateway.ogc.ows.KvpRequest;
import org.groundwatergateway.ogc.ows.OwsException;
import org.groundwatergateway.ogc.ows.OwsResponse;
import org.groundwatergateway.ogc.ows.ServiceSettings;
import org.groundwatergateway.ogc.xml.AxisOrder;
import org.groundwatergateway.ogc.xml.GmlGeometryWriter;
import org.groundwatergateway.ogc.xml.Namespaces;
import org.groundwatergateway.ogc.xml.XmlOut;
import org.groundwatergateway.policies.Viewer;

/**
 * WFS 2.0 (OGC 09-025r2, ISO 19142) at the Basic conformance class with result paging and the
 * GetFeatureById stored query, over the published feature types as each viewer may see them.
 */
public final class WfsService {

    public static final String VERSION = "2.0.0";

    private final PublishedFeatureTypes types;
    private final FeatureStore store;
    private final ServiceSettings settings;
    private final List<FeatureOutputFormat> formats;

    public WfsService(PublishedFeatureTypes types, FeatureStore store, ServiceSettings settings, List<FeatureOutputFormat> formats) {
        this.types = types;
        this.store = store;
        this.settings = settings;
        this.formats = List.copyOf(formats);
    }

    /**
     * @param serviceUrl the URL this request came to, ending in {@code ?}, for links and advertised operations
     * @param kvp        the KVP parameters for next/previous links; null for XML requests, which get none
     */
    public WfsRequest read(KvpRequest kvp) {
        return WfsKvpReader.read(kvp, settings.maxFilterSize());
    }

    public OwsResponse handle(WfsRequest request, Viewer viewer, String serviceUrl, KvpRequest kvp) {
        try {
            if (request instanceof WfsRequest.GetCapabilities) {
                return xml(out -> new WfsCapabilities(settings, formats).write(out, types.visibleTo(viewer), store, serviceUrl));
            }
            if (request instanceof WfsRequest.DescribeFeatureType describe) {
                List<DisclosedType> described = describe.typeNames().isEmpty() ? types.visibleTo(viewer)
                        : describe.typeNames().stream().map(name -> type(viewer, name, "TYPENAMES")).toList();
                return OwsResponse.ok("application/gml+xml; version=3.2", out -> FeatureTypeSchema.write(out, described));
            }
            if (request instanceof WfsRequest.ListStoredQueries) {
                return xml(out -> StoredQueries.list(out, typeNames(viewer)));
            }
            if (request instanceof WfsRequest.DescribeStoredQueries describe) {
                for (String id : describe.ids()) {
                    if (!id.equals(WfsRequest.GET_FEATURE_BY_ID)) throw OwsException.invalid("STOREDQUERY_ID", "Unknown stored query " + id);
                }
                return xml(out -> StoredQueries.describe(out, typeNames(viewer)));
            }
            return getFeature((WfsRequest.GetFeature) request, viewer, serviceUrl, kvp);
        } catch (FilterException e) {
            throw new OwsException(e.owsCode(), e.locator(), e.getMessage());
        }
    }

    /** The qualified names of the feature types the viewer may see, as GetFeatureById may return them. */
    private List<String> typeNames(Viewer viewer) {
        return types.visibleTo(viewer).stream().map(layer -> "gw:" + layer.name()).toList();
    }

    private OwsResponse getFeature(WfsRequest.GetFeature request, Viewer viewer, String serviceUrl, KvpRequest kvp) {
        FeatureOutputFormat format = format(request.outputFormat());
        if (format.singleType() && request.queries().size() > 1) {
            throw OwsException.invalid("OUTPUTFORMAT", format.names().get(0) + " holds one feature type per request; ask for each type alone");
        }
        int count = request.count() == null ? settings.defaultCount() : Math.min(request.count(), settings.maxCount());
        AxisOrder srs = request.queries().get(0).srs() != null ? request.queries().get(0).srs()
                : AxisOrder.official(CoordinateReferenceSystems.storage());

        // Pages run across the queries in order: skip startIndex features in all, then return up to count.
        List<FeatureCollectionResult.Part> parts = new ArrayList<>();
        long matched = 0;
        long skip = request.startIndex();
        int remaining = request.hits() ? 0 : count;
        for (WfsRequest.Query query : request.queries()) {
            DisclosedType layer = request.featureById() ? types.find(viewer, query.typeName()).orElseThrow(() -> notFound(query))
                    : type(viewer, query.typeName(), "TYPENAMES");
            List<FeatureProperty> properties = selected(layer, query.propertyNames(), request.valueReference());
            FeatureQuery all = new FeatureQuery(layer, query.filter(), query.sortBy(), 0, 0, null);
            long found = store.count(all);
            if (request.featureById() && found == 0) throw notFound(query);
            matched += found;
            long start = Math.min(skip, found);
            skip -= start;
            int take = (int) Math.min(remaining, found - start);
            remaining -= take;
            FeatureQuery page = new FeatureQuery(layer, query.filter(), query.sortBy(), start, take, null);
            store.validate(page);
            parts.add(new FeatureCollectionResult.Part(layer, page, properties));
        }
        int returned = request.hits() ? 0 : (int) Math.min(count, Math.max(0, matched - request.startIndex()));
        String schemaUrl = serviceUrl + "SERVICE=WFS&VERSION=" + VERSION + "&REQUEST=DescribeFeatureType&TYPENAMES="
                + parts.stream().map(p -> "gw:" + p.layer().name()).collect(Collectors.joining(","));
        // A hits answer returns no features but still links to the page of count features after startIndex (§7.7.4.4.1).
        long pageEnd = request.startIndex() + (request.hits() ? count : returned);
        String next = kvp != null && pageEnd < matched ? pageLink(serviceUrl, kvp, request.startIndex() + count, count) : null;
        String previous = kvp != null && !request.hits() && request.startIndex() > 0
                ? pageLink(serviceUrl, kvp, Math.max(0, request.startIndex() - count), count) : null;
        FeatureCollectionResult result = new FeatureCollectionResult(parts, matched, returned, srs, next, previous, Instant.now(),
                request.featureById(), schemaUrl, store);

        if (request.valueReference() != null) {
            String reference = request.valueReference();
            String property = reference.equals(Filter.GML_ID) ? reference : Namespaces.localName(reference);
            return xml(out -> PropertyValues.write(out, result, property));
        }
        return OwsResponse.ok(format.contentType(), out -> format.write(result, out));
    }

    /** GetFeatureById of an identifier that names no feature the viewer may see (§7.9.3.6: 404). */
    private static OwsException notFound(WfsRequest.Query query) {
        return new OwsException("NotFound", "ID", "No feature " + ((Filter.ResourceIds) query.filter()).ids().get(0), 404);
    }

    private DisclosedType type(Viewer viewer, String name, String locator) {
        return types.find(viewer, name).orElseThrow(() -> new OwsException("InvalidParameterValue", locator,
                "Unknown feature type " + name + "; GetCapabilities lists the published ones"));
    }

    /** The properties to write: all, or those named (checked against the schema), or the one GetPropertyValue asks for. */
    private static List<FeatureProperty> selected(DisclosedType layer, List<String> names, String valueReference) {
        if (valueReference != null) {
            String local = Namespaces.localName(valueReference);
            if (local.equals("geom") || valueReference.equals(Filter.GML_ID)) return List.of();
            return List.of(layer.type().property(local).orElseThrow(() -> OwsException.invalid("VALUEREFERENCE",
                    "Feature type " + layer.name() + " has no property '" + valueReference + "'")));
        }
        if (names.isEmpty()) return layer.type().properties();
        List<String> local = names.stream().map(Namespaces::localName).toList();
        for (String name : local) {
            if (!name.equals("geom") && layer.type().property(name).isEmpty()) {
                throw OwsException.invalid("PROPERTYNAME", "Feature type " + layer.name() + " has no property '" + name + "'");
            }
        }
        return layer.type().properties().stream().filter(p -> local.contains(p.name())).toList();
    }

    FeatureOutputFormat format(String outputFormat) {
        if (outputFormat == null) return formats.get(0);
        String wanted = outputFormat.replace(" ", "").toLowerCase(Locale.ROOT);
        Optional<FeatureOutputFormat> found = formats.stream()
                .filter(f -> f.names().stream().anyMatch(n -> n.replace(" ", "").toLowerCase(Locale.ROOT).equals(wanted)))
                .findFirst();
        return found.orElseThrow(() -> OwsException.invalid("OUTPUTFORMAT", "Unsupported outputFormat " + outputFormat
                + "; use one of " + formats.stream().map(f -> f.names().get(0)).toList()));
    }

    private static String pageLink(String serviceUrl, KvpRequest kvp, long startIndex, int count) {
        Map<String, String> parameters = kvp.asMap();
        parameters.put("STARTINDEX", Long.toString(startIndex));
        parameters.put("COUNT", Integer.toString(count));
        parameters.remove("MAXFEATURES");
        // The next page of features, also from a hits answer.
        parameters.remove("RESULTTYPE");
        return serviceUrl + parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static OwsResponse xml(OwsResponse.Body body) {
        return OwsResponse.ok("application/xml; charset=UTF-8", body);
    }

    /** {@code wfs:ValueCollection} for GetPropertyValue (OGC 09-025r2 §10.3). */
    static final class PropertyValues {
        private PropertyValues() {}

        static void write(OutputStream out, FeatureCollectionResult result, String property) {
            try (XmlOut xml = new XmlOut(out, Map.of("wfs", Namespaces.WFS, "gml", Namespaces.GML, "gw", Namespaces.GW,
                    "xsi", Namespaces.XSI))) {
                xml.root("wfs:ValueCollection").attribute("timeStamp", result.timeStamp().toString())
                        .attribute("numberMatched", result.numberMatched()).attribute("numberReturned", result.numberReturned());
                GmlGeometryWriter geometries = new GmlGeometryWriter(xml, result.srs().northFirst(), result.srs().crs().geographic());
                result.forEach((part, feature) -> {
                    xml.start("wfs:member");
                    if (property.equals(Filter.GML_ID)) {
                        xml.text(part.layer().name() + "." + feature.id());
                    } else if (property.equals("geom")) {
                        geometries.write(feature.geometry(), part.layer().name() + "." + feature.id() + ".geom", result.srs().crs().urn());
                    } else {
                        Values.element(xml, "gw:" + property, feature.properties().get(property));
                    }
                    xml.end();
                });
                xml.end();
            }
        }
    }
}
