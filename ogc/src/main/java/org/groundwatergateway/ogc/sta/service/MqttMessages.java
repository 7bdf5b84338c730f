package org.groundwatergateway.ogc.sta.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.groundwatergateway.ogc.sta.persistence.EntityPage;
import org.groundwatergateway.ogc.sta.persistence.EntityStore;
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
 * {@code v1.1/<Set>} and the collections of the entities it belongs to. Subscribers share one view: messages carry
 * what the access policy discloses to the anonymous viewer, read through the same reader as HTTP GETs where the
 * policy masks anything, and delayed Observations are announced when their delay has passed ({@link #released}).
 */
public final class MqttMessages {

    public static final String VERSION = "v1.1";

    /** One message to publish. */
    public record Message(String topic, byte[] payload) {}

    private static final String DEMO_BACKFILL = "demo";
    private static final int RELEASE_PAGE = 500;
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

    /**
     * The messages announcing newly committed readings, as Observations, for subscribers who may see them. Where the
     * policy masks Observations, each is read back through the SensorThings reader as the anonymous viewer, so a message
     * carries exactly what a GET would (classes for values, fields withheld); one the policy hides now (delayed) is
     * announced by {@link #released} once it may be seen.
     */
    public List<Message> observations(List<Reading> readings) {
        Function<EntityType, Disclosure> disclosures = service.disclosures(Viewer.anonymous());
        Disclosure disclosure = disclosures.apply(EntityType.OBSERVATION);
        if (!disclosure.visible()) return List.of();
        EntityJson json = new EntityJson(base, disclosures);
        boolean featuresVisible = disclosures.apply(EntityType.FEATURE_OF_INTEREST).visible();
        EntityStore.Reader reader = disclosure.masks() ? service.reader(new StaRequest("GET", "/", null, null, Viewer.anonymous(), base)) : null;
        List<Message> messages = new ArrayList<>();
        for (Reading reading : readings) {
            // The demo park's generated history is a backfill, not news; its live loggers report over HJ 212 and are announced.
            if (DEMO_BACKFILL.equals(reading.source())) continue;
            Entity observation = reader == null ? new Entity(EntityType.OBSERVATION, reading.id(), values(reading), Map.of()) : disclosed(reader, reading.id());
            if (observation != null) announce(observation, reading.datastreamId(), json, featuresVisible, messages);
        }
        return messages;
    }

    /**
     * The messages announcing the Observations a delay held back whose time came in {@code (after, until]}: the
     * readings with a phenomenon time from {@code after} minus the delay to {@code until} minus it, read as the anonymous
     * viewer sees them. Empty when Observations are not delayed.
     */
    public List<Message> released(Instant after, Instant until) {
        Function<EntityType, Disclosure> disclosures = service.disclosures(Viewer.anonymous());
        Disclosure disclosure = disclosures.apply(EntityType.OBSERVATION);
        if (!disclosure.visible() || disclosure.delay().isZero() || !until.isAfter(after)) return List.of();
        EntityStore.Reader reader = service.reader(new StaRequest("GET", "/", null, null, Viewer.anonymous(), base));
        EntityJson json = new EntityJson(base, disclosures);
        boolean featuresVisible = disclosures.apply(EntityType.FEATURE_OF_INTEREST).visible();
        ResourcePath observations = new ResourcePath(List.of(new Segment(EntityType.OBSERVATION, null, null, true)), null, false, false);
        String filter = "phenomenonTime gt " + after.minus(disclosure.delay()) + " and phenomenonTime le " + until.minus(disclosure.delay());
        List<Message> messages = new ArrayList<>();
        for (int skip = 0; ; skip += RELEASE_PAGE) {
            EntityPage page = reader.page(observations, QueryOptions.parse(Map.of("$filter", filter, "$orderby", "id",
                    "$top", Integer.toString(RELEASE_PAGE), "$skip", Integer.toString(skip), "$expand", "Datastream($select=id)")));
            for (Entity observation : page.entities()) {
                if (DEMO_BACKFILL.equals(observation.values().get("parameters/source"))) continue;
                if (!(observation.expanded().get("Datastream") instanceof Entity datastream)) continue;
                Entity plain = new Entity(observation.type(), observation.id(), observation.values(), Map.of());
                announce(plain, datastream.id(), json, featuresVisible, messages);
            }
            if (!page.more()) return messages;
        }
    }

    private void announce(Entity observation, long datastreamId, EntityJson json, boolean featuresVisible, List<Message> messages) {
        byte[] payload = json.entity(observation, List.of(), List.of()).toString().getBytes(StandardCharsets.UTF_8);
        messages.add(new Message(VERSION + "/Observations", payload));
        messages.add(new Message(VERSION + "/Datastreams(" + datastreamId + ")/Observations", payload));
        Long feature = thingOf(datastreamId);
        if (featuresVisible && feature != null) {
            messages.add(new Message(VERSION + "/FeaturesOfInterest(" + feature + ")/Observations", payload));
        }
    }

    /** The Observation as the reader discloses it; null when it is hidden (restricted away, or not yet past a delay). */
    private static Entity disclosed(EntityStore.Reader reader, long id) {
        try {
            return reader.entity(new ResourcePath(List.of(new Segment(EntityType.OBSERVATION, null, id, true)), null, false, false), QueryOptions.NONE);
        } catch (StaNotFoundException hidden) {
            return null;
        }
    }

    /** The Observation's properties as the query mapping names them, for a viewer the policy shows everything. */
    private static Map<String, Object> values(Reading r) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", r.id());
        values.put("phenomenonTime", r.phenomenonTime());
        // A resultTime is only ever given through SensorThings, recorded once the reading is stored: none is known yet.
        values.put("resultTime", null);
        values.put("result", r.value());
        values.put("parameters/rawValue", r.rawValue());
        values.put("parameters/version", (long) r.version());
        values.put("parameters/source", r.source());
        values.put("parameters/receivedTime", r.receivedTime());
        values.put("parameters/qualityFlags", (long) r.qualityFlags());
        return values;
    }

    private Long thingOf(long datastreamId) {
        Long cached = thingOfDatastream.get(datastreamId);
        if (cached != null) return cached;
        Optional<Datastream> datastream = monitoring.findDatastream(datastreamId);
        if (datastream.isEmpty()) return null;
        long thing = thingOf(datastream.get());
        thingOfDatastream.put(datastreamId, thing);
        return thing;
    }

    private long thingOf(Datastream d) {
        if (d.wellId() != null) return d.wellId();
        if (d.weatherStationId() != null) return ThingIds.ofWeatherStation(d.weatherStationId());
        return ThingIds.ofGeneric(monitoring.genericThingOf(d.id()).orElseThrow());
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
            case "Thing" -> thingOf(d);
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
