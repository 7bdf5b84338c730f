package org.groundwatergateway.ogc.sta.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.core.demo.DemoParkLoader;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.ReadingsCommitted;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.groundwatergateway.ogc.sta.persistence.EntityStore;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A PATCH of an Observation is a data correction (who may make one is the permission matrix's, tested in the gateway):
 * a viewer shown Observations masked (here: a delay) is refused before anything about the Observation is looked at, so
 * that neither a hidden one nor a clash with one shows; a DELETE of a hidden one is as unknown as a missing one; a time
 * ahead of the clock is refused; the audit log records who and why; the new version is announced once as committed,
 * flagged CORRECTED, live only as its datastream's latest; a PATCH that changes nothing writes and announces nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservationCorrectionTest {

    private static final String BASE = "http://127.0.0.1/sta/v1.1";
    private static final Instant NOW = DemoPark.START.plus(Duration.ofDays(2));
    private static final Viewer REVIEWER = new Viewer("reviewer-1", Set.of(Role.DATA_REVIEWER), "park", OrganisationKind.PARK_ADMINISTRATION);
    private static final Viewer DELAYED_REVIEWER = new Viewer("reviewer-late", Set.of(Role.DATA_REVIEWER), "park", OrganisationKind.PARK_ADMINISTRATION);

    private TestDatabase test;
    private Database database;
    private SensorThingsService sta;
    private final List<ReadingsCommitted> committed = new CopyOnWriteArrayList<>();
    private final List<EntityChanged> changed = new CopyOnWriteArrayList<>();
    private EventBus events;

    @BeforeAll
    void loadDemo() {
        test = TestDatabases.h2gis();
        database = Database.migrate(test.dataSource());
        new DemoParkLoader(database).loadIfAbsent(2, p -> {});
        events = new EventBus();
        events.subscribe(CountDownLatch.class, CountDownLatch::countDown);
        events.subscribe(ReadingsCommitted.class, committed::add);
        events.subscribe(EntityChanged.class, changed::add);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        // The late reviewer is shown nothing of the last day, as a delayed audience is.
        AccessPolicy policy = (viewer, dataset) -> viewer.name().equals(DELAYED_REVIEWER.name())
                ? Disclosure.builder().delay(Duration.ofDays(1)).build() : Disclosure.full();
        sta = new SensorThingsService(new EntityStore(database, new EntityStore.Limits(100, 1000, 3, 10_000)), policy,
                new EntityWrites(database, null, clock, events, () -> {}), clock, base -> null, 131_072,
                (viewer, method, path) -> Optional.empty());
    }

    @AfterAll
    void close() {
        test.close();
    }

    private StaResponse patch(Viewer viewer, long id, String body, String reason, boolean english) {
        return sta.handle(new StaRequest("PATCH", "/Observations(" + id + ")", null, body, viewer, BASE, english, reason));
    }

    /** The newest Observation of a datastream, or ones before it: inside the last day, which the late reviewer is not shown. */
    private long newest(String datastream, int skip) {
        return nth(datastream, skip, "desc");
    }

    /** The oldest Observation of a datastream, or ones after it: of the demo's first day, which every viewer is shown. */
    private long oldest(String datastream, int skip) {
        return nth(datastream, skip, "asc");
    }

    private long nth(String datastream, int skip, String order) {
        long ds = database.jdbc().sql("SELECT id FROM datastreams WHERE code = ?").param(datastream).query(Long.class).single();
        return sta.handle(new StaRequest("GET", "/Datastreams(" + ds + ")/Observations", "$top=1&$skip=" + skip + "&$orderby=phenomenonTime%20" + order,
                        null, REVIEWER, BASE)).json().path("value").get(0).path("@iot.id").asLong();
    }

    /** Waits until every event published so far has reached its subscribers (the bus delivers on its own thread, in order). */
    private void delivered() throws InterruptedException {
        CountDownLatch marker = new CountDownLatch(1);
        events.publish(marker);
        assertThat(marker.await(10, TimeUnit.SECONDS)).isTrue();
    }

    private long versions(long id) {
        return database.jdbc().sql("SELECT COUNT(*) FROM readings WHERE sta_id = ?").param(id).query(Long.class).single();
    }

    @Test
    void onlyAReviewerShownObservationsUnmaskedCorrectsThem() throws InterruptedException {
        long id = newest("GW-U07/ph", 0);
        String body = "{\"result\": 6.9}";

        // Masked: refused alike for a hidden Observation, a missing one, and a visible one moved onto a hidden one's time.
        long old = oldest("GW-U07/ph", 0);
        StaResponse hidden = patch(DELAYED_REVIEWER, id, body, null, true);
        StaResponse missing = patch(DELAYED_REVIEWER, 999_999_999L, body, null, true);
        StaResponse onto = patch(DELAYED_REVIEWER, old, "{\"phenomenonTime\": \"" + NOW.minusSeconds(600) + "\"}", null, true);
        for (StaResponse refused : List.of(hidden, missing, onto)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.json().path("message").asString()).isEqualTo(missing.json().path("message").asString())
                    .contains("unmasked");
        }
        assertThat(patch(DELAYED_REVIEWER, old, body, null, false).json().path("message").asString()).contains("无遮蔽");
        StaResponse inBatch = sta.handle(new StaRequest("POST", "/$batch", null, "{\"requests\": [{\"id\": \"1\", \"method\": \"patch\", \"url\": "
                + "\"Observations(" + old + ")\", \"body\": " + body + "}]}", DELAYED_REVIEWER, BASE));
        assertThat(inBatch.json().path("responses").get(0).path("status").asInt()).as("inside a $batch").isEqualTo(403);
        assertThat(versions(old)).isEqualTo(1);
        delivered();
        assertThat(committed).isEmpty();

        StaResponse future = patch(REVIEWER, id, "{\"phenomenonTime\": \"" + NOW.plusSeconds(3600) + "\"}", null, false);
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().path("message").asString()).contains("观测时间不能在未来");
        assertThat(patch(REVIEWER, id, "{\"phenomenonTime\": \"" + NOW.plusSeconds(3600) + "\"}", null, true).json().path("message").asString())
                .contains("cannot lie ahead of the clock");

        StaResponse corrected = patch(REVIEWER, id, body, "lab check 2025-11-03", true);
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.json().path("@iot.id").asLong()).isEqualTo(id);
        assertThat(corrected.json().path("result").asDouble()).isEqualTo(6.9);
        delivered();
        assertThat(changed).as("announced once: as committed readings, as a POST's Observation is").isEmpty();
        delivered();
        assertThat(committed).singleElement().satisfies(event -> {
            assertThat(event.live()).as("the datastream's latest reading").isTrue();
            assertThat(event.readings()).singleElement().satisfies(r -> {
                assertThat(r.id()).as("named by the Observation's id").isEqualTo(id);
                assertThat(r.value()).isEqualTo(6.9);
                assertThat(r.source()).isEqualTo("correction");
                assertThat(QualityFlag.of(r.qualityFlags())).contains(QualityFlag.CORRECTED);
            });
        });
        assertThat(database.jdbc().sql("SELECT actor, detail FROM audit_log WHERE action = 'READING_REVISED' AND subject = ?")
                .param("reading:" + id).query((rs, n) -> rs.getString(1) + " | " + rs.getString(2)).single())
                .startsWith("reviewer-1 | lab check 2025-11-03: datastream ");

        assertThat(patch(REVIEWER, id, "{\"result\": 7.0}", "  ", true).status()).isEqualTo(200);
        assertThat(database.jdbc().sql("SELECT detail FROM audit_log WHERE action = 'READING_REVISED' AND subject = ? ORDER BY id DESC")
                .param("reading:" + id).query(String.class).list().get(0)).startsWith(EntityWrites.DEFAULT_REASON + ": ");

        // Nothing to change: no version, nothing announced, the Observation as it is.
        long before = versions(id);
        delivered();
        committed.clear();
        String time = corrected.json().path("phenomenonTime").asString();
        StaResponse same = patch(REVIEWER, id, "{\"phenomenonTime\": \"" + time + "\", \"result\": 7.0}", null, true);
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.json().path("result").asDouble()).isEqualTo(7.0);
        assertThat(versions(id)).isEqualTo(before);
        delivered();
        assertThat(committed).isEmpty();

        // An older Observation corrected is no news of the present: announced, but not live.
        long older = newest("GW-U07/ph", 3);
        assertThat(patch(REVIEWER, older, "{\"result\": 6.5}", null, true).status()).isEqualTo(200);
        delivered();
        assertThat(committed).singleElement().satisfies(event -> assertThat(event.live()).isFalse());
    }

    /** A DELETE (retraction) of an Observation the viewer is not shown answers as for a missing one, and retracts nothing. */
    @Test
    void aHiddenObservationIsNotRetracted() {
        long id = newest("GW-U07/ph", 1);
        StaResponse hidden = sta.handle(new StaRequest("DELETE", "/Observations(" + id + ")", null, null, DELAYED_REVIEWER, BASE));
        StaResponse missing = sta.handle(new StaRequest("DELETE", "/Observations(999999999)", null, null, DELAYED_REVIEWER, BASE));
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(hidden.json().path("message").asString().replace(Long.toString(id), "X"))
                .isEqualTo(missing.json().path("message").asString().replace("999999999", "X"));
        assertThat(versions(id)).as("not retracted").isEqualTo(1);
        long old = oldest("GW-U07/ph", 1);
        assertThat(sta.handle(new StaRequest("DELETE", "/Observations(" + old + ")", null, null, DELAYED_REVIEWER, BASE)).status())
                .as("one the viewer is shown").isEqualTo(200);
        assertThat(versions(old)).as("retracted").isEqualTo(2);
    }
}
