package org.groundwatergateway.ogc.sta.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * A PATCH of an Observation is a data correction: a data reviewer's only, also inside a $batch; an Observation the
 * reviewer is not shown (here: inside a delay) is as unknown as a missing one; a time ahead of the clock is refused;
 * the audit log records who and why; and the new version is announced as committed, flagged CORRECTED.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservationCorrectionTest {

    private static final String BASE = "http://127.0.0.1/sta/v1.1";
    private static final Instant NOW = DemoPark.START.plus(Duration.ofDays(2));
    private static final Viewer REVIEWER = new Viewer("reviewer-1", Set.of(Role.DATA_REVIEWER), "park", OrganisationKind.PARK_ADMINISTRATION);
    private static final Viewer DELAYED_REVIEWER = new Viewer("reviewer-late", Set.of(Role.DATA_REVIEWER), "park", OrganisationKind.PARK_ADMINISTRATION);
    private static final Viewer ENGINEER = new Viewer("om-1", Set.of(Role.OM_ENGINEER), "park", OrganisationKind.PARK_ADMINISTRATION);

    private TestDatabase test;
    private Database database;
    private SensorThingsService sta;
    private final List<ReadingsCommitted> committed = new ArrayList<>();

    @BeforeAll
    void loadDemo() {
        test = TestDatabases.h2gis();
        database = Database.migrate(test.dataSource());
        new DemoParkLoader(database).loadIfAbsent(2, p -> {});
        EventBus events = new EventBus();
        events.subscribe(ReadingsCommitted.class, committed::add);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        // The late reviewer is shown nothing of the last day, as a delayed audience is.
        AccessPolicy policy = (viewer, dataset) -> viewer.name().equals(DELAYED_REVIEWER.name())
                ? Disclosure.builder().delay(Duration.ofDays(1)).build() : Disclosure.full();
        sta = new SensorThingsService(new EntityStore(database, new EntityStore.Limits(100, 1000, 3, 10_000)), policy,
                new EntityWrites(database, null, clock, events, () -> {}), clock, base -> null, 131_072);
    }

    @AfterAll
    void close() {
        test.close();
    }

    private StaResponse patch(Viewer viewer, long id, String body, String reason, boolean english) {
        return sta.handle(new StaRequest("PATCH", "/Observations(" + id + ")", null, body, viewer, BASE, english, reason));
    }

    /** The newest Observation of a datastream: inside the last day, which the late reviewer is not shown. */
    private long newest(String datastream) {
        long ds = database.jdbc().sql("SELECT id FROM datastreams WHERE code = ?").param(datastream).query(Long.class).single();
        return sta.handle(new StaRequest("GET", "/Datastreams(" + ds + ")/Observations", "$top=1&$orderby=phenomenonTime%20desc", null, REVIEWER, BASE))
                .json().path("value").get(0).path("@iot.id").asLong();
    }

    @Test
    void onlyAReviewerWhoIsShownTheObservationCorrectsIt() {
        long id = newest("GW-U07/ph");
        String body = "{\"result\": 6.9}";

        StaResponse batch = sta.handle(new StaRequest("POST", "/$batch", null, "{\"requests\": [{\"id\": \"1\", \"method\": \"patch\", \"url\": "
                + "\"Observations(" + id + ")\", \"body\": " + body + "}]}", ENGINEER, BASE));
        assertThat(batch.json().path("responses").get(0).path("status").asInt()).as("an O&M engineer, inside a $batch").isEqualTo(403);
        assertThat(patch(ENGINEER, id, body, null, true).status()).isEqualTo(403);

        StaResponse hidden = patch(DELAYED_REVIEWER, id, body, null, true);
        StaResponse missing = patch(DELAYED_REVIEWER, 999_999_999L, body, null, true);
        assertThat(hidden.status()).as("inside the delay: as unknown as a missing one").isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(hidden.json().path("message").asString().replace(Long.toString(id), "X"))
                .isEqualTo(missing.json().path("message").asString().replace("999999999", "X"));
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
        assertThat(committed).singleElement().satisfies(event -> {
            assertThat(event.live()).isTrue();
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
    }
}
