package org.groundwatergateway.ogc.wfs;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.core.geo.GeoJson;
import org.groundwatergateway.ogc.feature.Feature;
import org.groundwatergateway.ogc.feature.FeatureProperty;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * GeoJSON (RFC 7946) feature collections: longitude/latitude in x/y order whatever srsName says, since GeoJSON
 * has no axis-order choice; a projected srsName gives its easting/northing with a {@code crs} member, as GDAL
 * reads it. Paging totals and links follow OGC API – Features ({@code numberMatched}, {@code links}).
 */
public final class GeoJsonOutput implements FeatureOutputFormat {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public List<String> names() {
        return List.of("application/json", "application/geo+json", "json", "geojson");
    }

    @Override
    public String contentType() {
        return "application/geo+json";
    }

    @Override
    public void write(FeatureCollectionResult result, OutputStream out) {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            if (result.single()) {
                result.forEach((part, feature) -> feature(json, part, feature));
                return;
            }
            json.writeStartObject();
            json.writeStringProperty("type", "FeatureCollection");
            json.writeNumberProperty("numberMatched", result.numberMatched());
            json.writeNumberProperty("numberReturned", result.numberReturned());
            json.writeStringProperty("timeStamp", result.timeStamp().toString());
            if (!result.srs().crs().geographic()) {
                json.writeName("crs");
                json.writePOJO(Map.of("type", "name", "properties", Map.of("name", result.srs().crs().urn())));
            }
            json.writeArrayPropertyStart("links");
            if (result.next() != null) json.writePOJO(Map.of("rel", "next", "type", contentType(), "href", result.next()));
            if (result.previous() != null) json.writePOJO(Map.of("rel", "prev", "type", contentType(), "href", result.previous()));
            json.writeEndArray();
            json.writeArrayPropertyStart("features");
            result.forEach((part, feature) -> feature(json, part, feature));
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void feature(JsonGenerator json, FeatureCollectionResult.Part part, Feature feature) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (FeatureProperty property : part.properties()) {
            Object value = feature.properties().get(property.name());
            properties.put(property.name(), Values.json(value));
        }
        json.writePOJO(GeoJson.feature(part.layer().name() + "." + feature.id(), feature.geometry(), properties));
    }
}
