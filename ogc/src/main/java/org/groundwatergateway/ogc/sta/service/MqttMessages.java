package org.groundwatergateway.ogc.sta.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.ogc.sta.model.EntityType;
import org.groundwatergateway.ogc.sta.model.NavigationProperty;
import org.groundwatergateway.ogc.sta.persistence.Entity;
import org.groundwatergateway.ogc.sta.persistence.QueryContext;
import org.groundwatergateway.ogc.sta.persistence.ThingIds;
import org.groundwatergateway.ogc.sta.query.QueryOptions;
import org.groundwatergateway.ogc.sta.query.ResourcePath;
import org.groundwatergateway.ogc.sta.query.ResourcePath.Segment;
import org.groundwatergateway.ogc.sta.query.StaNotFoundException;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Viewer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The MQTT extension of OGC 18-088 (§14): what to publish when readings are committed or entities change, and
 * which published messages create Observations. Topics are the resource paths under {@code v1.1/}: a committed
 * reading goes to {@code v1.1/Observations}, {@code v1.1/Datastreams(id)/Observations} and
 * {@code v1.1/FeaturesOfInterest(id)/Observations}; a created or changed entity to {@code v1.1/<Set>(id)},
 * {@code v1.1/<Set>} and the collections of the entities it belongs to. Subscribers are anonymous: messages
 * carry what the access policy discloses to the anonymous viewer.
 */
public final class MqttMessages {

    public static final String VERSION = "v1.1";

    /** One message to publish. */
    public record Message(String topic, byte[] payload) {}

    private static final String DEMO_BACKFILL = "demo";
    private static final Pattern CREATE_TOPIC = Pattern.compile("v1\\.1/(?:Datastreams\\((\\d+)\\)/)?Observations");

    private final SensorThingsService service;
    private final MonitoringRepository monitoring;
    private final String base;
    private final Map<Long, Long> thingOfDatastream = new ConcurrentHashMap<>();

    /** @param base the service root URL written into selfLinks, e.g. {@code http://gateway.example:8080/sta/v1.1} */
    public MqttMessages(SensorThingsService service, MonitoringRepository monitoring, String base) {
        this.service = service;
        this.monitoring = monitoring;
        this.base = base;
    }

    /** The messages announcing newly committed readings, as Observations, for subscribers who may see them. */
    public List<Message> observations(List<Reading> readings) {
        Function<EntityType, Disclosure> disclosures = service.disclosures(Viewer.anonymous());
        Disclosure disclosure = disclosures.apply(EntityType.OBSERVATION);
        if (!disclosure.visible()) return List.of();
        EntityJson json = new EntityJson(base, disclosures);
        boolean featuresVisible = disclosures.apply(EntityType.FEATURE_OF_INTEREST).visible();
        List<Message> messages = new ArrayList<>();
        for (Reading reading : readings) {
            // The demo park's generated history is a backfill, not news; its live loggers report over HJ 212 and are announced.
            if (DEMO_BACKFILL.equals(reading.source())) continue;
            Map<String, Object> values = values(reading, disclosure);
            if (values == null) continue;
            byte[] payload = json.entity(new Entity(EntityType.OBSERVATION, reading.id(), values, Map.of()), List.of(), List.of()).toString()
                    .getBytes(StandardCharsets.UTF_8);
            messages.add(new Message(VERSION + "/Observations", payload));
            messages.add(new Message(VERSION + "/Datastreams(" + reading.datastreamId() + ")/Observations", payload));
            Long feature = thingOf(reading.datastreamId());
            if (featuresVisible && feature != null) {
                messages.add(new Message(VERSION + "/FeaturesOfInterest(" + feature + ")/Observations", payload));
            }
        }
        return messages;
    }

    /** The Observation's properties as the query mapping names them, less what is withheld; null if the rows are restricted away. */
    private static Map<String, Object> values(Reading r, Disclosure disclosure) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", r.id());
        values.put("phenomenonTime", r.phenomenonTime());
        values.put("resultTime", r.receivedTime());
        values.put("result", r.value());
        values.put("parameters/rawValue", r.rawValue());
        values.put("parameters/version", (long) r.version());
        values.put("parameters/source", r.source());
        values.put("parameters/qualityFlags", (long) r.qualityFlags());
        for (Map.Entry<String, Set<String>> restriction : disclosure.restrictedTo().entrySet()) {
            Object value = values.get(restriction.getKey());
            if (value == null || !restriction.getValue().contains(value.toString())) return null;
        }
        values.keySet().removeIf(name -> QueryContext.withholds(disclosure, name));
        return values;
    }

    private Long thingOf(long datastreamId) {
        Long cached = thingOfDatastream.get(datastreamId);
        if (cached != null) return cached;
        Optional<Datastream> datastream = monitoring.findDatastream(datastreamId);
        if (datastream.isEmpty()) return null;
        Datastream d = datastream.get();
        long thing = d.wellId() != null ? d.wellId() : ThingIds.ofWeatherStation(d.weatherStationId());
        thingOfDatastream.put(datastreamId, thing);
        return thing;
    }

    /** The messages announcing a created or changed entity, read as the anonymous viewer sees it. */
    public List<Message> entityChanged(EntityType type, long id) {
        StaRequest anonymous = new StaRequest("GET", "/", null, null, Viewer.anonymous(), base);
        Entity entity;
        try {
            entity = service.reader(anonymous).entity(new ResourcePath(List.of(new Segment(type, null, id, true)), null, false, false),
                    QueryOptions.NONE);
        } catch (StaNotFoundException invisible) {
            return List.of();
        }
        if (type == EntityType.DATASTREAM) thingOfDatastream.remove(id);
        byte[] payload = new EntityJson(base, service.disclosures(Viewer.anonymous())).entity(entity, List.of(), List.of()).toString()
                .getBytes(StandardCharsets.UTF_8);
        List<Message> messages = new ArrayList<>();
        messages.add(new Message(VERSION + "/" + type.setName() + "(" + id + ")", payload));
        messages.add(new Message(VERSION + "/" + type.setName(), payload));
        for (NavigationProperty owner : type.navigationProperties()) {
            if (owner.toMany()) continue;
            // The collections this entity appears in: a new Datastream in v1.1/Things(1)/Datastreams.
            Long ownerId = ownerId(type, id, owner);
            NavigationProperty back = owner.target().navigationProperties().stream().filter(n -> n.target() == type).findFirst().orElse(null);
            if (ownerId != null && back != null) {
                messages.add(new Message(VERSION + "/" + owner.target().setName() + "(" + ownerId + ")/" + back.name(), payload));
            }
        }
        return messages;
    }

    private Long ownerId(EntityType type, long id, NavigationProperty owner) {
        if (type != EntityType.DATASTREAM) return null;
        return monitoring.findDatastream(id).map(d -> switch (owner.name()) {
            case "Thing" -> d.wellId() != null ? d.wellId() : ThingIds.ofWeatherStation(d.weatherStationId());
            case "Sensor" -> d.sensorId();
            default -> d.parameterId();
        }).orElse(null);
    }

    /** Whether a message published to this topic asks for an Observation to be created (§14.2). */
    public static boolean isCreationTopic(String topic) {
        return topic != null && CREATE_TOPIC.matcher(topic).matches();
    }

    /**
     * The creation a message asks for: an Observation published to {@code v1.1/Observations} or
     * {@code v1.1/Datastreams(id)/Observations}. Empty for other topics and for the platform's own announcements,
     * which carry an {@code @iot.id}.
     */
    public Optional<StaRequest> creation(String topic, byte[] payload, Viewer publisher) {
        Matcher m = CREATE_TOPIC.matcher(topic);
        if (!m.matches()) return Optional.empty();
        String body = new String(payload, StandardCharsets.UTF_8);
        try {
            JsonNode json = EntityJson.JSON.readTree(body);
            if (json.has("@iot.id")) return Optional.empty();
        } catch (JacksonException e) {
            // Not JSON: the service answers with the reason, which the caller logs.
        }
        String path = m.group(1) == null ? "/Observations" : "/Datastreams(" + m.group(1) + ")/Observations";
        return Optional.of(new StaRequest("POST", path, null, body, publisher, base));
    }

    public StaResponse create(StaRequest request) {
        return service.handle(request);
    }
}
