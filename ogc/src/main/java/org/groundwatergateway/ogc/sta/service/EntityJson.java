package org.groundwatergateway.ogc.sta.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import org.groundwatergateway.core.geo.GeoJson;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.ogc.sta.model.EntityType;
import org.groundwatergateway.ogc.sta.model.NavigationProperty;
import org.groundwatergateway.ogc.sta.persistence.Entity;
import org.groundwatergateway.ogc.sta.persistence.EntityPage;
import org.groundwatergateway.ogc.sta.query.Expand;
import org.groundwatergateway.ogc.sta.query.QueryOptions;
import org.groundwatergateway.policies.CoarseGrid;
import org.groundwatergateway.policies.Disclosure;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes entities as the JSON of OGC 18-088 §8-9: {@code @iot.id}, {@code @iot.selfLink}, the properties, a
 * {@code <Navigation>@iot.navigationLink} per navigation property, expanded entities inline. Geometries are
 * GeoJSON in longitude, latitude (CGCS2000, within a metre of WGS 84), coarsened where the viewer's disclosure says.
 */
final class EntityJson {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String base;
    private final Function<EntityType, Disclosure> disclosures;
    /**
     * Each to-one entity written once per answer: the store reads an entity that several rows expand to once and gives
     * them the same object (a well's FeatureOfInterest under a page of its Observations), so its JSON is shared too.
     */
    private final Map<Entity, Written> written = new IdentityHashMap<>();

    private record Written(QueryOptions options, ObjectNode json) {}

    EntityJson(String base, Function<EntityType, Disclosure> disclosures) {
        this.base = base;
        this.disclosures = disclosures;
    }

    String selfLink(EntityType type, long id) {
        return base + "/" + type.setName() + "(" + id + ")";
    }

    ObjectNode page(EntityPage page, List<String> select, List<Expand> expands, String nextLink) {
        ObjectNode json = JSON.createObjectNode();
        if (page.count() != null) json.put("@iot.count", page.count());
        if (nextLink != null) json.put("@iot.nextLink", nextLink);
        ArrayNode value = json.putArray("value");
        for (Entity entity : page.entities()) value.add(entity(entity, select, expands));
        return json;
    }

    /** An entity with the properties {@code select} names (all if empty), expanded entities as {@code expands} asks. */
    ObjectNode entity(Entity entity, List<String> select, List<Expand> expands) {
        EntityType type = entity.type();
        ObjectNode json = JSON.createObjectNode();
        String self = selfLink(type, entity.id());
        if (wanted(select, "id")) json.put("@iot.id", entity.id());
        if (wanted(select, "selfLink")) json.put("@iot.selfLink", self);
        for (Map.Entry<String, Object> value : entity.values().entrySet()) {
            String name = value.getKey();
            if (name.equals("id") || name.startsWith("phenomenonTime/") || !wanted(select, name)) continue;
            put(json, name, value.getValue(), type);
        }
        computed(json, entity, select);
        for (NavigationProperty nav : type.navigationProperties()) {
            if (!disclosures.apply(nav.target()).visible()) continue;
            if (wanted(select, nav.name())) json.put(nav.name() + "@iot.navigationLink", self + "/" + nav.name());
            if (!entity.expanded().containsKey(nav.name())) continue;
            Object expanded = entity.expanded().get(nav.name());
            Expand expand = expands.stream().filter(x -> x.navigation().equals(nav.name())).findFirst()
                    .orElse(new Expand(nav.name(), QueryOptions.NONE, Map.of()));
            QueryOptions options = expand.options();
            if (expanded instanceof EntityPage page) {
                if (page.count() != null) json.put(nav.name() + "@iot.count", page.count());
                if (page.more()) json.put(nav.name() + "@iot.nextLink", nextLink(self + "/" + nav.name(), expand.query(), options, page));
                ArrayNode items = json.putArray(nav.name());
                for (Entity e : page.entities()) items.add(entity(e, options.select(), options.expand()));
            } else if (expanded instanceof Entity e) {
                json.set(nav.name(), once(e, options));
            } else {
                json.putNull(nav.name());
            }
        }
        return json;
    }

    private ObjectNode once(Entity entity, QueryOptions options) {
        Written before = written.get(entity);
        if (before != null && before.options() == options) return before.json();
        ObjectNode json = entity(entity, options.select(), options.expand());
        written.put(entity, new Written(options, json));
        return json;
    }

    /**
     * The link to the page after {@code page} of {@code url} asked with {@code query} (OGC 18-088 §9.3.3.4): $skip
     * moves past this page, $top keeps its size.
     */
    static String nextLink(String url, Map<String, String> query, QueryOptions options, EntityPage page) {
        Map<String, String> next = new LinkedHashMap<>(query);
        next.put("$skip", Integer.toString(options.skip() + page.entities().size()));
        next.put("$top", Integer.toString(page.entities().size()));
        StringJoiner link = new StringJoiner("&", url + "?", "");
        next.forEach((name, value) -> link.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        return link.toString();
    }

    /** Properties the service computes: constants, time ranges, links and quality. */
    private void computed(ObjectNode json, Entity entity, List<String> select) {
        Map<String, Object> v = entity.values();
        switch (entity.type()) {
            case DATASTREAM -> {
                if (wanted(select, "unitOfMeasurement") && v.get("unitOfMeasurement/definition") == null) {
                    json.withObjectProperty("unitOfMeasurement").put("definition", UnitDefinitions.of(v.get("unitOfMeasurement/symbol")));
                }
                if (wanted(select, "phenomenonTime")) {
                    Object start = v.get("phenomenonTime/start");
                    Object end = v.get("phenomenonTime/end");
                    if (start == null) json.putNull("phenomenonTime");
                    else json.put("phenomenonTime", time((Instant) start) + "/" + time((Instant) end));
                }
                if (wanted(select, "resultTime")) json.putNull("resultTime");
            }
            case SENSOR -> {
                if (wanted(select, "metadata") && v.get("metadata") == null && v.get("properties/mn") != null) {
                    json.put("metadata", base.replaceFirst("/sta/v1\\.1$", "") + "/api/v1/devices/" + v.get("properties/mn"));
                }
            }
            case OBSERVED_PROPERTY -> {
                if (wanted(select, "definition") && v.get("definition") == null) json.put("definition", definition(v));
            }
            case OBSERVATION -> {
                if (wanted(select, "resultQuality") && v.get("parameters/qualityFlags") != null) {
                    ArrayNode flags = json.putArray("resultQuality");
                    for (QualityFlag flag : QualityFlag.of(((Number) v.get("parameters/qualityFlags")).intValue())) flags.add(flag.name());
                }
            }
            default -> { }
        }
    }

    /** A CAS registry number names a substance worldwide; other parameters are defined by the platform's catalogue. */
    private String definition(Map<String, Object> v) {
        Object cas = v.get("properties/cas");
        if (cas != null) return "https://commonchemistry.cas.org/detail?cas_rn=" + cas;
        return base.replaceFirst("/sta/v1\\.1$", "") + "/api/v1/parameters/" + v.get("properties/code");
    }

    private void put(ObjectNode json, String name, Object value, EntityType type) {
        int slash = name.indexOf('/');
        if (slash > 0) {
            if (value == null) return;
            put(json.withObjectProperty(name.substring(0, slash)), name.substring(slash + 1), value, type);
            return;
        }
        if (value instanceof ObjectNode members) {
            // Free members (a generic Thing's properties) beside those the platform's columns give.
            json.withObjectProperty(name).setAll(members);
        } else if (value == null) {
            if (!json.has(name)) json.putNull(name);
        } else if (value instanceof Geometry g) {
            json.set(name, geoJson(g, disclosures.apply(type).locationPrecisionMetres()));
        } else if (value instanceof Instant t) {
            json.put(name, time(t));
        } else if (value instanceof Long n) {
            json.put(name, n);
        } else if (value instanceof Double d && type == EntityType.OBSERVATION && name.equals("result") && d == Math.rint(d) && Math.abs(d) < 1e15) {
            // A whole-number result reads back as it was sent (10, not 10.0): clients compare results as text too.
            json.put(name, d.longValue());
        } else if (value instanceof Double d) {
            json.put(name, d);
        } else {
            json.put(name, value.toString());
        }
    }

    /**
     * An instant as SensorThings writes it: UTC with milliseconds always ({@code 2015-03-01T01:00:00.000Z}), so that
     * the same time reads as the same string (clients, OGC CITE among them, compare times as text).
     */
    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static JsonNode geoJson(Geometry geometry, double precisionMetres) {
        return node(GeoJson.geometry(CoarseGrid.snap(geometry, precisionMetres)));
    }

    /** GeoJSON's maps, lists, numbers and names as nodes, built directly (valueToTree writes and parses them again). */
    private static JsonNode node(Object value) {
        if (value == null) return JSON.getNodeFactory().nullNode();
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = JSON.createObjectNode();
            map.forEach((name, member) -> object.set(name.toString(), node(member)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = JSON.createArrayNode();
            for (Object member : list) array.add(node(member));
            return array;
        }
        if (value instanceof Double d) return JSON.getNodeFactory().numberNode(d);
        if (value instanceof String text) return JSON.getNodeFactory().textNode(text);
        return JSON.valueToTree(value);
    }

    private static boolean wanted(List<String> select, String name) {
        if (select.isEmpty()) return true;
        int slash = name.indexOf('/');
        return select.contains(name) || (slash > 0 && select.contains(name.substring(0, slash)));
    }
}
