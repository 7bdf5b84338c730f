package org.groundwatergateway.ogc.sta.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Retirement;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.core.monitoring.WeatherStation;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.reading.ReadingsCommitted;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.ingest.intake.ReadingIntake;
import org.groundwatergateway.ogc.sta.model.EntityType;
import org.groundwatergateway.ogc.sta.model.NavigationProperty;
import org.groundwatergateway.ogc.sta.persistence.Entity;
import org.groundwatergateway.ogc.sta.persistence.EntityStore;
import org.groundwatergateway.ogc.sta.persistence.ForeignDatastreamIds;
import org.groundwatergateway.ogc.sta.persistence.EntityUpdates;
import org.groundwatergateway.ogc.sta.persistence.SensorThingsRows;
import org.groundwatergateway.ogc.sta.persistence.ThingIds;
import org.groundwatergateway.ogc.sta.query.QueryOptions;
import org.groundwatergateway.ogc.sta.query.ResourcePath;
import org.groundwatergateway.ogc.sta.query.ResourcePath.Segment;
import org.groundwatergateway.ogc.sta.query.StaNotFoundException;
import org.groundwatergateway.ogc.sta.query.StaQueryException;
import org.groundwatergateway.policies.Disclosure;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.dao.DataIntegrityViolationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Create, update and delete (OGC 18-088 §10) onto the platform's tables. An Observation is a reading handed to
 * the ingest intake like any other channel's: QA/QC flags it, the review queue sees it, it is committed and
 * announced on the event bus; one the intake does not store (the datastream has a different value at that time
 * already) is refused with the reason. Deep insert (§10.2.1.2) creates related entities given inline and links
 * those given by {@code @iot.id}; if a part fails, what the request had created is removed again. Deleting an
 * Observation retracts its reading ({@link ReadingRepository#retract}): it leaves every read while its raw value stays
 * stored for audit; deleting a FeatureOfInterest (a Thing as observed) retracts all of the Thing's Observations;
 * deleting a Thing, Sensor, ObservedProperty or Datastream retires it with its Datastreams ({@link Retirement});
 * deleting a well's Location or HistoricalLocation unlinks it from SensorThings ({@link EntityUpdates#unlink}).
 * Every entity created or changed is announced as {@link EntityChanged} on the event bus (the MQTT extension publishes
 * it).
 */
public final class EntityWrites {

    private final Database database;
    private final MonitoringRepository monitoring;
    private final ParameterRepository parameters;
    private final ParkRepository parks;
    private final EntityUpdates updates;
    private final SensorThingsRows rows;
    private final ReadingRepository readings;
    private final ReadingIntake intake;
    private final Clock clock;
    private final EventBus events;
    private final Runnable devicesChanged;

    /**
     * @param devicesChanged told, before the answer, that a Sensor or Datastream was created, changed or deleted: the
     *                       device intake reads which datastream each device feeds again, so that a logger's first packet
     *                       after its registration here is stored, not refused
     */
    public EntityWrites(Database database, ReadingIntake intake, Clock clock, EventBus events, Runnable devicesChanged) {
        this.database = database;
        this.monitoring = new MonitoringRepository(database);
        this.parameters = new ParameterRepository(database);
        this.parks = new ParkRepository(database);
        this.updates = new EntityUpdates(database);
        this.rows = new SensorThingsRows(database);
        this.readings = new ReadingRepository(database);
        this.intake = intake;
        this.clock = clock;
        this.events = events;
        this.devicesChanged = devicesChanged;
    }

    /** Sensors carry a device's MN and Datastreams its parameters: together, where a device's packets are stored. */
    private static boolean describesDevices(EntityType type) {
        return type == EntityType.SENSOR || type == EntityType.DATASTREAM;
    }

    /** What one request created so far, undone in reverse if a later part fails. */
    private final class Created {
        private record Row(EntityType type, long id) {}

        final Deque<Row> rows = new ArrayDeque<>();
        final Deque<Row> changed = new ArrayDeque<>();

        void add(EntityType type, long id) {
            rows.push(new Row(type, id));
            changed.add(new Row(type, id));
        }

        void undo() {
            for (Row row : rows) {
                try {
                    updates.undoCreation(row.type(), row.id());
                } catch (RuntimeException e) {
                    // Best effort: a row that cannot go (something referenced it meanwhile) stays.
                }
            }
        }

        void announce() {
            changed.forEach(row -> events.publish(new EntityChanged(row.type(), row.id())));
        }
    }

    StaResponse create(StaRequest request, EntityStore.Reader reader) {
        ResourcePath path = ResourcePath.parse(request.path());
        if (path == null || !path.collection() || path.ref()) {
            throw new StaQueryException(new InvalidInput("ogc.sta.postWhere", null));
        }
        ObjectNode body = body(request);
        linkToParent(path, body);
        EntityType type = path.type();
        Created created = new Created();
        long id;
        try {
            id = create(type, body, created);
        } catch (RuntimeException e) {
            created.undo();
            throw e;
        }
        if (created.changed.stream().anyMatch(row -> describesDevices(row.type()))) devicesChanged.run();
        created.announce();
        Entity entity = reader.entity(new ResourcePath(List.of(new Segment(type, null, id, true)), null, false, false), QueryOptions.NONE);
        EntityJson json = new EntityJson(request.base(), reader::disclosure);
        String self = json.selfLink(type, id);
        return StaResponse.created(json.entity(entity, List.of(), List.of()), self);
    }

    StaResponse update(StaRequest request, EntityStore.Reader reader) {
        ResourcePath path = ResourcePath.parse(request.path());
        Segment target = path == null ? null : path.last();
        if (path == null || path.segments().size() != 1 || target.id() == null || path.property() != null || path.ref()) {
            throw new StaQueryException(new InvalidInput("ogc.sta.patchWhere", null));
        }
        if (target.type() == EntityType.DATASTREAM) refuseMirrored(target.id());
        if (target.type() == EntityType.OBSERVATION) return updateObservation(request, reader, path, target.id());
        ObjectNode body = body(request);
        JsonNode locations = body.remove("Locations");
        Map<String, Object> values = new LinkedHashMap<>();
        flatten("", body, values, target.type(), updates.changeable(target.type(), target.id()));
        if (target.type() == EntityType.THING && locations != null) {
            // Linking Locations by id is how a Thing moves (§10.3.1); Locations given inline are refused like other related entities.
            relocate(target.id(), locations);
        } else if (locations != null) {
            throw new StaQueryException(new InvalidInput("ogc.sta.locationsFixed", "Locations", target.type().entityName()));
        }
        if (!values.isEmpty() || locations == null) updates.update(target.type(), target.id(), values);
        if (describesDevices(target.type())) devicesChanged.run();
        events.publish(new EntityChanged(target.type(), target.id()));
        Entity entity = reader.entity(path, QueryOptions.NONE);
        return StaResponse.json(200, new EntityJson(request.base(), reader::disclosure).entity(entity, List.of(), List.of()));
    }

    /** What PATCH changes on an Observation (§10.3): the others are the platform's record of it (raw value, version, source). */
    private static final Set<String> OBSERVATION_CHANGEABLE = new java.util.TreeSet<>(Set.of("phenomenonTime", "result"));
    /** The audit log's reason for a PATCH of an Observation when the request gives none (no {@code Gw-Reason} header). */
    static final String DEFAULT_REASON = "SensorThings PATCH";

    /**
     * PATCH of an Observation's phenomenonTime and/or result: a data correction, for data reviewers only. A new version of
     * the reading flagged CORRECTED, at the new time, in the same lineage, so the Observation keeps its id
     * ({@link ReadingRepository#revise}, the path a reviewer's correction takes); the old version stays in its history.
     * The new version is announced as committed, so that warnings and forecasts see the changed value; the time and
     * result it holds already write no version and announce nothing.
     */
    private StaResponse updateObservation(StaRequest request, EntityStore.Reader reader, ResourcePath path, long id) {
        // Who may correct is the permission matrix's to say (DATA_REVIEWER), for a request alone and inside a $batch: a
        // PATCH names its entity by /Observations(id) alone (patchWhere), so the rule for that path decides. A correction
        // moves an Observation and names the one its new time clashes with: a viewer shown Observations masked (a delay,
        // restricted values) could move one into what they are not shown and learn of it, so only a viewer shown them
        // unmasked corrects them, and the refusal comes before anything about the Observation is looked at.
        Disclosure observations = reader.disclosure(EntityType.OBSERVATION);
        if (!observations.visible() || observations.masks()) throw new CorrectionOfMaskedObservations();
        reader.entity(path, QueryOptions.NONE);
        ObjectNode body = body(request);
        for (String name : body.propertyNames()) {
            if (!OBSERVATION_CHANGEABLE.contains(name)) {
                throw new StaQueryException(new InvalidInput("ogc.sta.notChangeable", name, EntityType.OBSERVATION.entityName(), OBSERVATION_CHANGEABLE));
            }
        }
        Instant now = clock.instant();
        Instant time = null;
        if (body.has("phenomenonTime")) {
            JsonNode given = body.get("phenomenonTime");
            if (!given.isString()) throw new StaQueryException(new InvalidInput("ogc.sta.requiredString", "phenomenonTime"));
            time = instant("phenomenonTime", given.asString());
            // An observation is of the past: a time ahead of the clock would also be held back by no delay.
            if (time.isAfter(now)) throw new StaQueryException(new InvalidInput("ogc.sta.futureTime", "phenomenonTime", time, now));
        }
        Double value = null;
        if (body.has("result")) {
            JsonNode result = body.get("result");
            if (!result.isNumber() || !Double.isFinite(result.asDouble())) throw new StaQueryException(new InvalidInput("ogc.sta.finiteResult", "result"));
            value = result.asDouble();
        }
        if (time != null || value != null) {
            String reason = request.reason() == null || request.reason().isBlank() ? DEFAULT_REASON : request.reason().strip();
            ReadingRepository.Revision revision = readings.revise(id, time, value, request.viewer().name(), reason, now);
            if (revision instanceof ReadingRepository.Revision.NotFound) {
                throw new StaNotFoundException(new InvalidInput("ogc.sta.noEntity", null, "Observations", id));
            }
            if (revision instanceof ReadingRepository.Revision.TimeTaken taken) {
                throw new StaQueryException(new InvalidInput("ogc.sta.observationExists", "phenomenonTime", taken.datastream(), taken.time()));
            }
            if (revision instanceof ReadingRepository.Revision.Revised done) {
                Reading revised = done.version();
                // Announced once, as a POST's Observation is (the MQTT extension publishes committed readings), named by the
                // Observation's id; live only as the datastream's latest reading: a months-old value corrected is no news
                // of the present to warnings.
                events.publish(new ReadingsCommitted(List.of(new Reading(done.observationId(), revised.datastreamId(), revised.phenomenonTime(),
                        revised.value(), revised.rawValue(), revised.qualityFlags(), revised.version(), true, revised.source(), revised.receivedTime())),
                        done.latest()));
            }
        }
        Entity entity = reader.entity(path, QueryOptions.NONE);
        return StaResponse.json(200, new EntityJson(request.base(), reader::disclosure).entity(entity, List.of(), List.of()));
    }

    /** Sets a generic Thing's Locations to those named by id (§10.3.1): the Thing moves, a HistoricalLocation records it. */
    private void relocate(long thing, JsonNode locations) {
        if (!ThingIds.isGeneric(thing)) throw new StaQueryException(new InvalidInput("ogc.sta.locationsOfWell", "Locations"));
        if (!locations.isArray()) throw new StaQueryException(new InvalidInput("ogc.sta.array", "Locations"));
        List<Long> ids = new ArrayList<>();
        for (JsonNode location : locations) {
            if (!location.has("@iot.id")) throw new StaQueryException(new InvalidInput("ogc.sta.locationsById", "Locations"));
            ids.add(related(location, EntityType.LOCATION, "Locations", null));
        }
        if (!thingInService(thing)) throw new StaNotFoundException(new InvalidInput("ogc.sta.noEntity", null, "Things", thing));
        rows.setLocations(thing, ids, clock.instant());
    }

    private boolean thingInService(long thing) {
        return database.jdbc().sql("SELECT COUNT(*) FROM sta_things WHERE id = ?").param(ThingIds.rowId(thing)).query(Long.class).single() > 0;
    }

    StaResponse delete(StaRequest request, EntityStore.Reader reader) {
        ResourcePath path = ResourcePath.parse(request.path());
        if (path == null || path.segments().size() != 1 || path.last().id() == null || path.property() != null) {
            throw new StaQueryException(new InvalidInput("ogc.sta.deleteWhere", null));
        }
        long id = path.last().id();
        if (path.type() == EntityType.DATASTREAM) refuseMirrored(id);
        if (path.type() == EntityType.OBSERVATION) {
            // Only an Observation this viewer is shown is retracted: a hidden one is as unknown as a missing one.
            reader.entity(path, QueryOptions.NONE);
            if (!readings.retract(id, request.viewer().name(), clock.instant())) throw new StaNotFoundException(new InvalidInput("ogc.sta.noEntity", null, "Observations", id));
            return StaResponse.noContent();
        }
        if (ThingIds.isOfGenericThing(path.type(), id)) {
            // A generic Thing's place: deleted, and a FeatureOfInterest's Observations retracted with it (raw values kept).
            if (path.type() == EntityType.FEATURE_OF_INTEREST) {
                for (long observation : rows.observationsOf(id)) readings.retract(observation, request.viewer().name(), clock.instant());
            }
            rows.delete(path.type(), id);
            return StaResponse.noContent();
        }
        if (path.type() == EntityType.FEATURE_OF_INTEREST) {
            // A generic Thing's id names no FeatureOfInterest (its row id would name a well's).
            if (ThingIds.isGeneric(id)) throw new StaNotFoundException(new InvalidInput("ogc.sta.noEntity", null, "FeaturesOfInterest", id));
            List<Long> datastreams = database.jdbc().sql("SELECT id FROM datastreams WHERE "
                            + (ThingIds.isWeatherStation(id) ? "weather_station_id" : "well_id") + " = ?")
                    .param(ThingIds.rowId(id)).query(Long.class).list();
            if (readings.retractAll(datastreams, request.viewer().name(), clock.instant()) == 0) {
                throw new StaNotFoundException(new InvalidInput("ogc.sta.noEntity", null, "FeaturesOfInterest", id));
            }
            return StaResponse.noContent();
        }
        if (path.type() == EntityType.LOCATION || path.type() == EntityType.HISTORICAL_LOCATION) {
            updates.unlink(path.type(), id, request.viewer().name(), clock.instant());
            return StaResponse.noContent();
        }
        updates.retire(path.type(), id, request.viewer().name(), clock.instant());
        devicesChanged.run(); // Datastreams retire with whatever was deleted
        return StaResponse.noContent();
    }

    /**
     * Refuses (409) a write to a datastream a partner shares with us, mirrored. An id in that range that names no
     * mirror is left to the write, which finds no such Datastream (404, or 400 for an Observation's link).
     */
    private void refuseMirrored(long datastream) {
        if (ForeignDatastreamIds.isForeign(datastream) && database.jdbc().sql("SELECT COUNT(*) FROM foreign_datastreams WHERE id = ?")
                .param(datastream - ForeignDatastreamIds.BASE).query(Long.class).single() > 0) {
            throw new ForeignDatastreamReadOnly(datastream);
        }
    }

    /** POST /Datastreams(1)/Observations means an Observation of Datastream 1: the link is added to the body. */
    private static void linkToParent(ResourcePath path, ObjectNode body) {
        if (path.segments().size() < 2) return;
        Segment parent = path.segments().get(path.segments().size() - 2);
        if (parent.id() == null) throw new StaQueryException(new InvalidInput("ogc.sta.parentId", null));
        NavigationProperty back = path.type().navigationProperties().stream().filter(n -> n.target() == parent.type()).findFirst()
                .orElseThrow(() -> new StaQueryException(new InvalidInput("ogc.sta.notUnder", null, path.type().setName(), parent.type().setName())));
        ObjectNode ref = EntityJson.JSON.createObjectNode().put("@iot.id", parent.id());
        if (back.toMany()) body.putArray(back.name()).add(ref);
        else body.set(back.name(), ref);
    }

    private long create(EntityType type, JsonNode body, Created created) {
        if (!body.isObject()) throw new StaQueryException(new InvalidInput("ogc.sta.entityObject", null, type.entityName()));
        return switch (type) {
            case OBSERVATION -> createObservation(body, created);
            case THING -> createThing(body, created);
            case LOCATION -> createLocation(body, created);
            case HISTORICAL_LOCATION -> createHistoricalLocation(body, created);
            case FEATURE_OF_INTEREST -> createFeature(body, created);
            case SENSOR -> createSensor(body, created);
            case OBSERVED_PROPERTY -> createObservedProperty(body, created);
            case DATASTREAM -> createDatastream(body, created);
            default -> throw new StaQueryException(new InvalidInput("ogc.sta.derivedNotCreated", null, type.setName()));
        };
    }

    /** The id of a related entity given by {@code @iot.id}, which must exist, or of one created from the inline JSON. */
    private long related(JsonNode node, EntityType type, String field, Created created) {
        if (node == null || node.isMissingNode() || node.isNull()) throw new StaQueryException(new InvalidInput("ogc.sta.required", field));
        if (node.has("@iot.id")) {
            long id = node.get("@iot.id").asLong();
            boolean exists = switch (type) {
                case DATASTREAM -> monitoring.findDatastream(id).isPresent();
                case SENSOR -> monitoring.findSensor(id).isPresent();
                case OBSERVED_PROPERTY -> database.jdbc().sql("SELECT COUNT(*) FROM parameters WHERE id = ? AND "
                        + Retirement.Entry.OBSERVED_PROPERTY.inService()).param(id).query(Long.class).single() > 0;
                // Only a generic Thing's: a well's Location is its position, not one to link elsewhere.
                case LOCATION -> rows.locationExists(id);
                case FEATURE_OF_INTEREST -> rows.featureExists(id);
                default -> database.jdbc().sql("SELECT COUNT(*) FROM " + ThingIds.table(id) + " WHERE id = ?")
                        .param(ThingIds.rowId(id)).query(Long.class).single() > 0;
            };
            if (!exists) throw new StaQueryException(new InvalidInput("ogc.sta.noRelated", field, type.entityName(), id));
            return id;
        }
        return create(type, node, created);
    }

    private long createObservation(JsonNode body, Created created) {
        JsonNode datastreamRef = body.path("Datastream");
        if (!datastreamRef.has("@iot.id")) {
            throw new StaQueryException(new InvalidInput("ogc.sta.observationDatastream", "Datastream"));
        }
        long datastream = datastreamRef.get("@iot.id").asLong();
        refuseMirrored(datastream);
        if (monitoring.findDatastream(datastream).isEmpty()) throw new StaQueryException(new InvalidInput("ogc.sta.noRelated", "Datastream", "Datastream", datastream));
        JsonNode result = body.path("result");
        if (!result.isNumber() || !Double.isFinite(result.asDouble())) {
            throw new StaQueryException(new InvalidInput("ogc.sta.finiteResult", "result"));
        }
        Instant now = clock.instant();
        Instant time = body.hasNonNull("phenomenonTime") ? instant("phenomenonTime", body.get("phenomenonTime").asString()) : now;
        Instant resultTime = body.hasNonNull("resultTime") ? instant("resultTime", body.get("resultTime").asString()) : null;
        Optional<Long> genericThing = monitoring.genericThingOf(datastream).map(ThingIds::ofGeneric);
        Long feature = genericThing.isEmpty() ? null : featureOf(body, genericThing.get(), created);
        Reading reading = Reading.arrived(datastream, time, result.asDouble(), 0, "sta", now)
                .asVersion(readings.versionOfNewObservation(datastream, time));
        ReadingIntake.Receipt receipt = intake.submitAndWait(List.of(reading), ReadingIntake.Mode.LIVE);
        if (receipt.stored().isEmpty()) {
            throw new StaQueryException(new InvalidInput("ogc.sta.observationExists", "phenomenonTime", datastream, time));
        }
        readings.recordResultTime(datastream, time, reading.version(), resultTime);
        if (feature != null) rows.recordFeature(datastream, time, feature);
        return receipt.stored().get(0).id();
    }

    /**
     * The FeatureOfInterest of a generic Thing's Observation: the one given (by id or inline), or else the one made from
     * the Thing's Location (§10.2.1.1); refused when there is neither. A well or weather station is its own.
     */
    private long featureOf(JsonNode observation, long thing, Created created) {
        JsonNode given = observation.get("FeatureOfInterest");
        if (given != null && !given.isNull()) return related(given, EntityType.FEATURE_OF_INTEREST, "FeatureOfInterest", created);
        return rows.featureOfThing(thing).orElseThrow(() -> new StaQueryException(new InvalidInput("ogc.sta.featureRequired", "FeatureOfInterest", thing)));
    }

    private long createThing(JsonNode body, Created created) {
        String code = text(body, "name");
        String nameZh = body.hasNonNull("description") ? body.get("description").asString() : code;
        JsonNode properties = body.path("properties");
        if (!properties.has("park")) {
            long id = createGenericThing(code, nameZh, body, created);
            createDatastreams(body, id, created);
            return id;
        }
        JsonNode locations = body.path("Locations");
        if (!locations.isArray() || locations.size() != 1 || !locations.get(0).has("location")) {
            throw new StaQueryException(new InvalidInput("ogc.sta.oneLocation", "Locations", "[{\"location\": {GeoJSON point}}]"));
        }
        Point location = point("Locations/location", locations.get(0).get("location"));
        Park park = parks.findByCode(text(properties, "park"))
                .orElseThrow(() -> new StaQueryException(new InvalidInput("ogc.sta.noPark", "properties/park", properties.path("park").asString())));
        long id;
        try {
            if ("weather-station".equals(properties.path("kind").asString(null))) {
                id = ThingIds.ofWeatherStation(monitoring.insert(new WeatherStation(null, park.id(), code, nameZh, location)).id());
            } else {
                String aquiferCode = text(properties, "aquifer");
                AquiferLayer aquifer = parks.findAquifers(park.id()).stream().filter(a -> a.code().equals(aquiferCode)).findFirst()
                        .orElseThrow(() -> new StaQueryException(new InvalidInput("ogc.sta.noAquifer", "properties/aquifer", park.code(), aquiferCode)));
                id = monitoring.insert(new Well(null, park.id(), code, nameZh, location, number(properties, "groundElevationM"),
                        number(properties, "casingTopElevationM"), number(properties, "screenTopDepthM"), number(properties, "screenBottomDepthM"),
                        aquifer.id(), enumValue(Well.Role.class, properties, "role", Well.Role.DOWNGRADIENT),
                        enumValue(Well.Status.class, properties, "status", Well.Status.ACTIVE))).id();
            }
        } catch (DataIntegrityViolationException e) {
            throw new EntityUpdates.Refused(new InvalidInput("ogc.sta.exists", null, "Thing", code));
        } catch (IllegalArgumentException e) {
            throw new StaQueryException(e instanceof InvalidArgument refused ? InvalidInput.placed("properties", refused)
                    : new InvalidInput("ogc.sta.refused", null, e.getMessage()));
        }
        created.add(EntityType.THING, id);
        createDatastreams(body, id, created);
        return id;
    }

    /** The Datastreams given inline with a Thing, created for it (deep insert). */
    private void createDatastreams(JsonNode thingBody, long thing, Created created) {
        for (JsonNode datastream : thingBody.path("Datastreams")) {
            ObjectNode linked = object(datastream, "Datastreams").deepCopy();
            linked.set("Thing", EntityJson.JSON.createObjectNode().put("@iot.id", thing));
            create(EntityType.DATASTREAM, linked, created);
        }
    }

    /**
     * A Thing of no park is no well or weather station: a generic Thing, kept with the properties its client gave, at
     * the Locations given with it (by id or inline), which a HistoricalLocation records.
     */
    private long createGenericThing(String name, String description, JsonNode body, Created created) {
        long id = ThingIds.ofGeneric(monitoring.insertGenericThing(name, description, propertiesText(body.get("properties")), clock.instant()));
        created.add(EntityType.THING, id);
        JsonNode locations = body.path("Locations");
        if (!locations.isMissingNode() && !locations.isArray()) throw new StaQueryException(new InvalidInput("ogc.sta.array", "Locations"));
        List<Long> ids = new ArrayList<>();
        for (JsonNode location : locations) ids.add(related(location, EntityType.LOCATION, "Locations", created));
        if (!ids.isEmpty()) rows.setLocations(id, ids, clock.instant());
        return id;
    }

    /** A generic Thing's properties as stored: a JSON object's text, or null for none. */
    private static String propertiesText(JsonNode properties) {
        if (properties == null || properties.isNull()) return null;
        if (!properties.isObject()) throw new StaQueryException(new InvalidInput("ogc.sta.jsonObject", "properties"));
        // A park makes a Thing a well or weather station, chosen when it is created; a member of that name would pass for one.
        if (properties.has("park")) throw new StaQueryException(new InvalidInput("ogc.sta.parkOnCreate", "properties/park"));
        String text = properties.toString();
        if (text.length() > 8000) throw new StaQueryException(new InvalidInput("ogc.sta.atMost", "properties", 8000));
        return text;
    }

    /**
     * A Location posted for a well or weather station moves it: a well has one position, so the Location takes the
     * Thing's id (and is linked to SensorThings again if it had been deleted there). Any other Location is a generic
     * Thing's, standing alone or linked to the generic Things given with it, whose Location it becomes (§10.2.1.3).
     */
    private long createLocation(JsonNode body, Created created) {
        JsonNode things = body.path("Things");
        if (!things.isMissingNode() && !things.isArray()) throw new StaQueryException(new InvalidInput("ogc.sta.array", "Things"));
        List<Long> thingIds = new ArrayList<>();
        for (JsonNode thing : things) thingIds.add(related(thing, EntityType.THING, "Things", created));
        Point location = point("location", body.path("location"));
        if (thingIds.size() == 1 && !ThingIds.isGeneric(thingIds.get(0))) {
            long thing = thingIds.get(0);
            updates.relink(thing);
            updates.update(EntityType.LOCATION, thing, Map.of("location", location));
            created.changed.add(new Created.Row(EntityType.LOCATION, thing));
            return thing;
        }
        if (thingIds.stream().anyMatch(t -> !ThingIds.isGeneric(t))) {
            throw new StaQueryException(new InvalidInput("ogc.sta.ownLocation", "Things"));
        }
        long id = rows.insertLocation(described(body, location));
        created.add(EntityType.LOCATION, id);
        for (long thing : thingIds) rows.setLocations(thing, List.of(id), clock.instant());
        return id;
    }

    /** A generic Thing's HistoricalLocation as its client records it: the Thing, when, and the Locations it was at. */
    private long createHistoricalLocation(JsonNode body, Created created) {
        long thing = related(body.get("Thing"), EntityType.THING, "Thing", created);
        if (!ThingIds.isGeneric(thing)) throw new StaQueryException(new InvalidInput("ogc.sta.ownHistory", "Thing"));
        if (!body.hasNonNull("time")) throw new StaQueryException(new InvalidInput("ogc.sta.required", "time"));
        Instant time = instant("time", body.get("time").asString());
        List<Long> locations = new ArrayList<>();
        for (JsonNode location : body.path("Locations")) locations.add(related(location, EntityType.LOCATION, "Locations", created));
        long id = rows.insertHistoricalLocation(thing, time, locations);
        created.add(EntityType.HISTORICAL_LOCATION, id);
        return id;
    }

    /** A FeatureOfInterest standing alone, for generic Things' Observations to name. */
    private long createFeature(JsonNode body, Created created) {
        long id = rows.insertFeature(described(body, point("feature", body.path("feature"))));
        created.add(EntityType.FEATURE_OF_INTEREST, id);
        return id;
    }

    /** The name, description and encodingType every Location and FeatureOfInterest has (OGC 18-088 §8.2.2, §8.2.7). */
    private static SensorThingsRows.Described described(JsonNode body, Point geometry) {
        String name = text(body, "name", 200);
        return new SensorThingsRows.Described(name, body.hasNonNull("description") ? text(body, "description", 2000) : name,
                text(body, "encodingType", 100), geometry);
    }

    private long createSensor(JsonNode body, Created created) {
        JsonNode properties = body.path("properties");
        LocalDate calibrated = null;
        if (properties.hasNonNull("lastCalibratedOn")) {
            try {
                calibrated = LocalDate.parse(properties.get("lastCalibratedOn").asString());
            } catch (DateTimeParseException e) {
                throw new StaQueryException(new InvalidInput("ogc.sta.date", "properties/lastCalibratedOn", "2026-04-02"));
            }
        }
        String name = text(body, "name", 200);
        String mn = properties.path("mn").asString(null);
        // A logger's sensor is named by its unique code; one of no logger keeps its name beside a code made free from it.
        String code = mn == null ? freeCode("sensor_register", name, 64) : name;
        try {
            long id = monitoring.insert(new Sensor(null, code, mn,
                    properties.hasNonNull("model") ? properties.get("model").asString() : body.path("description").asString(""),
                    properties.path("serialNumber").asString(""), properties.path("calibrationIntervalDays").asInt(365), calibrated)).id();
            created.add(EntityType.SENSOR, id);
            String encodingType = optionalText(body, "encodingType", 100);
            String metadata = optionalText(body, "metadata", 2000);
            if (mn == null || encodingType != null || metadata != null) rows.describeSensor(id, mn == null ? name : null, encodingType, metadata);
            return id;
        } catch (DataIntegrityViolationException e) {
            throw new EntityUpdates.Refused(new InvalidInput("ogc.sta.exists", null, "Sensor", body.path("name").asString()));
        }
    }

    private long createObservedProperty(JsonNode body, Created created) {
        JsonNode properties = body.path("properties");
        String name = text(body, "name", 200);
        String code = properties.hasNonNull("code") ? properties.get("code").asString()
                : freeCode("parameters", name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), 64);
        String description = optionalText(body, "description", 2000);
        String definition = optionalText(body, "definition", 500);
        // Without a unit it is no groundwater parameter: one defined by SensorThings, whose Datastreams carry their units.
        String unit = properties.hasNonNull("unit") ? text(properties, "unit", 32) : "";
        String category = properties.path("category").asString(unit.isEmpty() ? "sensorthings" : "other");
        try {
            long id = parameters.insert(new Parameter(null, code, properties.path("hj212Code").asString(null), properties.path("cas").asString(null),
                    description != null && description.length() <= 200 ? description : name, name, unit, category, null, null)).id();
            created.add(EntityType.OBSERVED_PROPERTY, id);
            if (description != null || definition != null) rows.describeObservedProperty(id, definition, description);
            return id;
        } catch (DataIntegrityViolationException e) {
            throw new EntityUpdates.Refused(new InvalidInput("ogc.sta.codeExists", null, "ObservedProperty", code));
        }
    }

    private long createDatastream(JsonNode body, Created created) {
        String code = text(body, "name", 100);
        long thing = related(body.get("Thing"), EntityType.THING, "Thing", created);
        long sensor = related(body.get("Sensor"), EntityType.SENSOR, "Sensor", created);
        long parameterId = related(body.get("ObservedProperty"), EntityType.OBSERVED_PROPERTY, "ObservedProperty", created);
        if (ThingIds.isGeneric(thing)) return createGenericDatastream(body, thing, sensor, parameterId, created);
        Parameter parameter = parameters.findById(parameterId).orElseThrow();
        String symbol = body.path("unitOfMeasurement").path("symbol").asString(null);
        if (symbol != null && !symbol.equals(parameter.unit())) {
            throw new StaQueryException(new InvalidInput("ogc.sta.unit", "unitOfMeasurement/symbol", parameter.nameEn(), parameter.unit(), symbol));
        }
        int interval = body.path("properties").path("intervalMinutes").asInt(60);
        long id;
        try {
            id = monitoring.insert(new Datastream(null, code, ThingIds.isWeatherStation(thing) ? null : thing,
                    ThingIds.isWeatherStation(thing) ? ThingIds.rowId(thing) : null, parameterId, sensor, null,
                    interval)).id();
        } catch (DataIntegrityViolationException e) {
            throw new EntityUpdates.Refused(new InvalidInput("ogc.sta.exists", null, "Datastream", code));
        }
        created.add(EntityType.DATASTREAM, id);
        createObservations(body, id, created);
        return id;
    }

    /**
     * A Datastream of a generic Thing, in the unit and of the observation type its client gives (the parameter
     * catalogue's units are groundwater's); its name need not be unique, the register's code is made free from it.
     */
    private long createGenericDatastream(JsonNode body, long thing, long sensor, long parameterId, Created created) {
        String name = text(body, "name", 200);
        JsonNode unit = body.path("unitOfMeasurement");
        if (!unit.isObject()) throw new StaQueryException(new InvalidInput("ogc.sta.unitRequired", "unitOfMeasurement"));
        SensorThingsRows.DatastreamDescription description = new SensorThingsRows.DatastreamDescription(name,
                body.hasNonNull("description") ? text(body, "description", 2000) : name, text(unit, "name", 200, "unitOfMeasurement/"),
                text(unit, "symbol", 64, "unitOfMeasurement/"), optionalText(unit, "definition", 500), text(body, "observationType", 200));
        long id = monitoring.insert(new Datastream(null, freeCode("datastream_register", name, 100), null, null, parameterId, sensor, null,
                body.path("properties").path("intervalMinutes").asInt(60))).id();
        created.add(EntityType.DATASTREAM, id);
        rows.insertDatastream(id, thing, description);
        createObservations(body, id, created);
        return id;
    }

    /** The Observations given inline with a Datastream, created in it (deep insert). */
    private void createObservations(JsonNode datastreamBody, long datastream, Created created) {
        for (JsonNode observation : datastreamBody.path("Observations")) {
            ObjectNode linked = object(observation, "Observations").deepCopy();
            linked.set("Datastream", EntityJson.JSON.createObjectNode().put("@iot.id", datastream));
            createObservation(linked, created);
        }
    }

    /**
     * A register's unique code for a name SensorThings does not require to be unique: the name itself while free, else
     * the name with the lowest number that makes it free ({@code test datastream.-2}).
     */
    private String freeCode(String register, String name, int maxLength) {
        String base = name.length() <= maxLength - 8 ? name : name.substring(0, maxLength - 8);
        String code = name.length() <= maxLength ? name : base;
        for (int n = 2; database.jdbc().sql("SELECT COUNT(*) FROM " + register + " WHERE code = ?").param(code).query(Long.class).single() > 0; n++) {
            code = base + "-" + n;
        }
        return code;
    }

    /**
     * A PATCH body as SensorThings names: {"properties": {"status": "INACTIVE"}} is properties/status, and
     * {"unitOfMeasurement": {"symbol": "lm"}} unitOfMeasurement/symbol.
     */
    private void flatten(String prefix, JsonNode node, Map<String, Object> into, EntityType type, Set<String> changeable) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = prefix + field.getKey();
            JsonNode value = field.getValue();
            if ((name.equals("location") || name.equals("feature")) && changeable.contains(name)) {
                into.put(name, point(name, value));
            } else if (name.equals("time") && changeable.contains(name)) {
                into.put(name, instant(name, value.asString()));
            } else if (name.equals("properties") && changeable.contains(name)) {
                // A generic Thing's properties are its client's JSON object, replaced as a whole.
                into.put(name, propertiesText(value));
            } else if (value.isObject() && prefix.isEmpty() && (name.equals("properties") || name.equals("unitOfMeasurement"))) {
                flatten(name + "/", value, into, type, changeable);
            } else if (!changeable.contains(name)) {
                throw new StaQueryException(new InvalidInput("ogc.sta.notChangeable", name, type.entityName(), changeable));
            } else if (name.equals("properties/status")) {
                into.put(name, enumValue(Well.Status.class, node, field.getKey(), null).name());
            } else {
                into.put(name, value.isNumber() ? (Object) value.numberValue() : value.asString());
            }
        }
    }

    private static ObjectNode body(StaRequest request) {
        if (request.body() == null || request.body().isBlank()) throw new StaQueryException(new InvalidInput("ogc.sta.bodyRequired", null));
        try {
            JsonNode node = EntityJson.JSON.readTree(request.body());
            if (!node.isObject()) throw new StaQueryException(new InvalidInput("ogc.sta.bodyObject", null));
            return (ObjectNode) node;
        } catch (JacksonException e) {
            throw new StaQueryException(new InvalidInput("ogc.sta.notJson", null, e.getOriginalMessage()));
        }
    }

    private static ObjectNode object(JsonNode node, String field) {
        if (!node.isObject()) throw new StaQueryException(new InvalidInput("ogc.sta.itemObject", field));
        return (ObjectNode) node;
    }

    private static Point point(String field, JsonNode geoJson) {
        JsonNode coordinates = geoJson.path("coordinates");
        if (!"Point".equals(geoJson.path("type").asString(null)) || coordinates.size() < 2
                || !coordinates.get(0).isNumber() || !coordinates.get(1).isNumber()) {
            throw new StaQueryException(new InvalidInput("ogc.sta.point", field, "{\"type\": \"Point\", \"coordinates\": [121.01, 32.55]}"));
        }
        Geometry point = Cgcs2000.GEOMETRY_FACTORY.createPoint(new Coordinate(coordinates.get(0).asDouble(), coordinates.get(1).asDouble()));
        return (Point) point;
    }

    private static Instant instant(String field, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new StaQueryException(new InvalidInput("ogc.sta.instant", field, text));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) throw new StaQueryException(new InvalidInput("ogc.sta.requiredString", field));
        return value.asString();
    }

    private static String text(JsonNode node, String field, int maxLength) {
        return text(node, field, maxLength, "");
    }

    /** A required string of at most {@code maxLength} characters, named in a refusal as {@code prefix + field}. */
    private static String text(JsonNode node, String field, int maxLength, String prefix) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) throw new StaQueryException(new InvalidInput("ogc.sta.requiredString", prefix + field));
        return bounded(prefix + field, value.asString(), maxLength);
    }

    /** A string that may be absent (null), of at most {@code maxLength} characters. */
    private static String optionalText(JsonNode node, String field, int maxLength) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) return null;
        if (!value.isString()) throw new StaQueryException(new InvalidInput("ogc.sta.string", field));
        return bounded(field, value.asString(), maxLength);
    }

    private static String bounded(String field, String text, int maxLength) {
        if (text.length() > maxLength) throw new StaQueryException(new InvalidInput("ogc.sta.atMost", field, maxLength));
        return text;
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isNumber()) throw new StaQueryException(new InvalidInput("ogc.sta.requiredNumber", "properties/" + field));
        return value.asDouble();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node, String field, E fallback) {
        Optional<String> text = Optional.ofNullable(node.path(field).asString(null));
        if (text.isEmpty()) {
            if (fallback != null) return fallback;
            throw new StaQueryException(new InvalidInput("ogc.sta.required", "properties/" + field));
        }
        try {
            return Enum.valueOf(type, text.get());
        } catch (IllegalArgumentException e) {
            throw new StaQueryException(new InvalidInput("ogc.sta.noneOf", "properties/" + field, text.get(), Arrays.toString(type.getEnumConstants())));
        }
    }
}
