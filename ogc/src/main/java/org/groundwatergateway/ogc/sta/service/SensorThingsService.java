package org.groundwatergateway.ogc.sta.service;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.storage.DatabaseUnavailable;
import org.groundwatergateway.ogc.sta.model.EntityType;
import org.groundwatergateway.ogc.sta.persistence.Entity;
import org.groundwatergateway.ogc.sta.persistence.EntityPage;
import org.groundwatergateway.ogc.sta.persistence.EntityStore;
import org.groundwatergateway.ogc.sta.persistence.EntityUpdates;
import org.groundwatergateway.ogc.sta.query.QueryOptions;
import org.groundwatergateway.ogc.sta.query.ResourcePath;
import org.groundwatergateway.ogc.sta.query.StaNotFoundException;
import org.groundwatergateway.ogc.sta.query.StaQuery;
import org.groundwatergateway.ogc.sta.query.StaQueryException;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.sharing.Datasets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.QueryTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SensorThings API 1.1 service (OGC 18-088, SensorThings API Part 1: Sensing v1.1): the root document,
 * reading entities, collections, properties, {@code $value} and {@code $ref} (§9), create, update and delete
 * (§10), and JSON batch requests (§11). Every answer applies the access policy's disclosure for the viewer.
 * Bad input is a 400 naming the problem, a missing entity a 404; never a stack trace.
 */
public final class SensorThingsService {

    private static final Logger log = LoggerFactory.getLogger(SensorThingsService.class);
    private static final String SPEC = "http://www.opengis.net/spec/iot_sensing/1.1/req/";
    static final String MQTT_CREATE = SPEC + "create-observations-via-mqtt/observations-creation";
    private static final List<String> CONFORMANCE = List.of(
            SPEC + "datamodel",
            SPEC + "resource-path/resource-path-to-entities",
            SPEC + "request-data",
            SPEC + "create-update-delete",
            SPEC + "batch-request/batch-request",
            MQTT_CREATE,
            SPEC + "receive-updates-via-mqtt/receive-updates");

    private final EntityStore store;
    private final AccessPolicy policy;
    private final EntityWrites writes;
    private final Clock clock;
    private final Function<String, String> mqttEndpoint;
    private final int maxFilterLength;
    private final Permissions permissions;

    /**
     * Who may make which request: the platform's permission matrix. The gateway applies it to each HTTP request before
     * the service sees it; a {@code $batch} is one POST there, so the service asks it again for each request inside.
     */
    @FunctionalInterface
    public interface Permissions {
        /**
         * @param path the request's path below the service root ({@code /Things(1)})
         * @return why the viewer may not make the request, or empty where they may
         */
        Optional<InvalidInput> refusal(Viewer viewer, String method, String path);
    }

    /**
     * @param mqttEndpoint for the service root URL a client used, the broker it subscribes and publishes to, e.g.
     *     {@code mqtt://host:1883}; null when MQTT is off
     * @param maxFilterLength the longest query option read, in characters ({@link StaQuery#MAX_FILTER_LENGTH})
     * @param permissions asked of each request inside a {@code $batch}
     */
    public SensorThingsService(EntityStore store, AccessPolicy policy, EntityWrites writes, Clock clock,
                               Function<String, String> mqttEndpoint, int maxFilterLength, Permissions permissions) {
        this.maxFilterLength = maxFilterLength;
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.store = store;
        this.policy = policy;
        this.writes = writes;
        this.clock = clock;
        this.mqttEndpoint = mqttEndpoint;
    }

    /** Why the viewer may not make a request inside a batch, or empty where they may. */
    Optional<InvalidInput> refusal(Viewer viewer, String method, String path) {
        return permissions.refusal(viewer, method, path);
    }

    public StaResponse handle(StaRequest request) {
        try {
            return switch (request.method()) {
                case "GET" -> get(request);
                case "POST" -> request.path().equals("/$batch") ? new BatchRequests(this).handle(request) : writes.create(request, reader(request));
                case "PATCH" -> writes.update(request, reader(request));
                case "DELETE" -> writes.delete(request, reader(request));
                default -> StaResponse.error(405, new InvalidInput("ogc.sta.method", null, request.method()), request.language());
            };
        } catch (ForeignDatastreamReadOnly e) {
            return StaResponse.error(409, e.problem(), request.language());
        } catch (CorrectionOfMaskedObservations e) {
            return StaResponse.error(403, e.problem(), request.language());
        } catch (StaQueryException e) {
            return StaResponse.error(400, e.problem(), request.language());
        } catch (StaNotFoundException e) {
            return StaResponse.error(404, e.problem(), request.language());
        } catch (EntityUpdates.Refused e) {
            return StaResponse.error(409, e.problem(), request.language());
        } catch (QueryTimeoutException e) {
            log.info("SensorThings request {} {} cancelled by the query timeout", request.method(), request.path());
            return StaResponse.error(503, new InvalidInput("ogc.sta.timeout", null), request.language());
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.explains(e)) {
                log.warn("SensorThings request {} {} answered 503: the database is unavailable ({})", request.method(), request.path(), e.getMessage());
                return StaResponse.error(503, new InvalidInput("ogc.sta.databaseUnavailable", null), request.language());
            }
            log.error("SensorThings request {} {} failed", request.method(), request.path(), e);
            return StaResponse.error(500, new InvalidInput("ogc.sta.failed", null), request.language());
        }
    }

    /**
     * What the viewer may see of each entity set. Effects the entity store cannot apply (rows of the viewer's own or
     * within an area, means over time, minimum counts) hide the set rather than show more than the policy allows.
     */
    Function<EntityType, Disclosure> disclosures(Viewer viewer) {
        // Decided once per entity set for what the function serves (one answer, one batch of messages): every part of
        // it is judged by one decision, and the policy's rules are not evaluated again for each entity written.
        Map<EntityType, Disclosure> decided = new EnumMap<>(EntityType.class);
        return type -> decided.computeIfAbsent(type, set -> {
            Disclosure disclosure = policy.disclose(viewer, set.setName());
            boolean applicable = disclosure.ownership() == null && disclosure.area() == null && disclosure.minimumCount() == 0
                    && disclosure.timeAggregation() == Disclosure.TimeAggregation.NONE;
            return applicable ? disclosure : Disclosure.none();
        });
    }


    EntityStore.Reader reader(StaRequest request) {
        return reader(request, disclosures(request.viewer()));
    }

    /** A reader judging by {@code disclosures}, the decision the answer's JSON is written by too. */
    private EntityStore.Reader reader(StaRequest request, Function<EntityType, Disclosure> disclosures) {
        boolean foreignShown = Datasets.wholeOrNothing(Datasets.FOREIGN_OBSERVATIONS,
                policy.disclose(request.viewer(), Datasets.FOREIGN_OBSERVATIONS)).visible();
        return store.reader(disclosures, foreignShown, clock.instant());
    }

    private StaResponse get(StaRequest request) {
        StaQuery query = StaQuery.parse(request.path(), request.rawQuery(), maxFilterLength);
        Function<EntityType, Disclosure> disclosures = disclosures(request.viewer());
        EntityJson json = new EntityJson(request.base(), disclosures);
        if (query.path() == null) return StaResponse.json(200, root(request.base(), disclosures));
        ResourcePath path = query.path();
        QueryOptions options = query.options();
        EntityStore.Reader reader = reader(request, disclosures);
        if (path.collection()) {
            QueryOptions asked = path.ref() ? new QueryOptions(options.filter(), List.of(), List.of("selfLink"), options.orderBy(),
                    options.top(), options.skip(), options.count()) : options;
            EntityPage page = reader.page(path, asked);
            String next = page.more()
                    ? EntityJson.nextLink(request.base() + request.path(), StaQuery.systemOptions(request.rawQuery()), options, page) : null;
            return StaResponse.json(200, json.page(page, asked.select(), asked.expand(), next));
        }
        Entity entity = reader.entity(path, path.ref() ? QueryOptions.NONE : options);
        if (path.ref()) {
            ObjectNode ref = EntityJson.JSON.createObjectNode();
            ref.put("@iot.selfLink", json.selfLink(entity.type(), entity.id()));
            return StaResponse.json(200, ref);
        }
        ObjectNode body = path.property() == null ? json.entity(entity, options.select(), options.expand()) : json.entity(entity, List.of(), List.of());
        if (path.property() == null) return StaResponse.json(200, body);
        String property = path.property().equals("id") ? "@iot.id" : path.property();
        JsonNode value = body.get(property);
        if (value == null || property.endsWith("@iot.navigationLink")) {
            throw new StaNotFoundException(new InvalidInput("ogc.sta.noProperty", null, entity.type().entityName(), path.property()));
        }
        if (path.value()) {
            if (value.isNull()) return StaResponse.noContent();
            return StaResponse.text(value.isValueNode() ? value.asString() : value.toString());
        }
        ObjectNode single = EntityJson.JSON.createObjectNode();
        single.set(property, value);
        return StaResponse.json(200, single);
    }

    private ObjectNode root(String base, Function<EntityType, Disclosure> disclosures) {
        ObjectNode root = EntityJson.JSON.createObjectNode();
        ArrayNode sets = root.putArray("value");
        for (EntityType type : EntityType.values()) {
            if (!disclosures.apply(type).visible()) continue;
            ObjectNode set = sets.addObject();
            set.put("name", type.setName());
            set.put("url", base + "/" + type.setName());
        }
        ObjectNode settings = root.putObject("serverSettings");
        ArrayNode conformance = settings.putArray("conformance");
        String mqtt = mqttEndpoint.apply(base);
        for (String c : CONFORMANCE) {
            if (mqtt == null && c.contains("mqtt")) continue;
            conformance.add(c);
        }
        if (mqtt != null) settings.putObject(MQTT_CREATE).putArray("endpoints").add(mqtt);
        return root;
    }
}
