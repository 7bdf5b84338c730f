package org.groundwatergateway.gateway.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.groundwatergateway.core.demo.DemoParkLoader;
import org.groundwatergateway.core.federation.ForeignDatastream;
import org.groundwatergateway.core.federation.ForeignObservation;
import org.groundwatergateway.core.federation.MirrorState;
import org.groundwatergateway.core.federation.Mirrors;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.MutableClock;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.groundwatergateway.gateway.security.TestAccounts;
import org.groundwatergateway.ogc.feature.PublishedFeatureTypes;
import org.groundwatergateway.ogc.feature.SqlFragment;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.audit.AuditLog;
import org.groundwatergateway.policies.audit.AuditRepository;
import org.groundwatergateway.policies.federation.Agreement;
import org.groundwatergateway.policies.federation.Agreements;
import org.groundwatergateway.policies.federation.Agreements.AgreementForm;
import org.groundwatergateway.policies.federation.Agreements.PeerForm;
import org.groundwatergateway.policies.federation.FederationRepository;
import org.groundwatergateway.policies.federation.Peer;
import org.groundwatergateway.policies.identity.Accounts;
import org.groundwatergateway.policies.identity.ApiClientRepository;
import org.groundwatergateway.policies.identity.OrganisationRepository;
import org.groundwatergateway.policies.sharing.GrantTemplates;
import org.groundwatergateway.policies.sharing.Grants;
import org.groundwatergateway.policies.sharing.PolicyRepository;
import org.groundwatergateway.policies.sharing.ShareRefusal;
import org.groundwatergateway.policies.sharing.ShareRepository;
import org.groundwatergateway.policies.sharing.ShareWorkflow;
import org.groundwatergateway.policies.sharing.SharingPolicies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.locationtech.jts.geom.Coordinate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.groundwatergateway.gateway.config.FederationProperties;

/**
 * Federation's store on each database (the same contract for H2GIS and PostGIS): an agreement to share is a grant
 * limiting the partner's Datastreams and Observations to the agreed ones, ended at once; the mirror merges a page read
 * twice once and takes a source's correction; mirror state and the sequence ledger's compare-and-set.
 */
abstract class FederationStoreContract {

    protected abstract TestDatabase newDatabase();

    private static final Viewer PARTNER = new Viewer("partner-park", Set.of(Role.PARTNER_PARK), "partner-park", OrganisationKind.PARTNER_PARK);
    private static final Viewer SECADMIN = new Viewer("secadmin", Set.of(Role.SECURITY_ADMIN), "park-admin", OrganisationKind.PARK_ADMINISTRATION);

    private TestDatabase db;
    private Database database;
    private MutableClock clock;
    private AuditLog audit;
    private SharingPolicies policies;
    private Agreements agreements;
    private List<Long> datastreams;
    private ShareWorkflow workflow;

    @BeforeEach
    void open() {
        db = newDatabase();
        database = Database.migrate(db.dataSource());
        clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
        audit = new AuditLog(new AuditRepository(database), clock, 1_000, 100);
        Accounts accounts = TestAccounts.withParkAndEnterprise(database, clock, audit);
        accounts.createOrganisation("partner-park", "邻近园区", null, OrganisationKind.PARTNER_PARK, null);
        accounts.registerClient("partner-park", "邻近园区网关", "partner-park", Set.of("client_credentials"), Set.of(), List.of(), true);
        accounts.registerClient("enterprise-E01", "企业接口", "E01", Set.of("client_credentials"), Set.of(), List.of(), true);
        // The demo park's wells and datastreams, without its readings.
        new DemoParkLoader(database, readings -> { }).loadIfAbsent(1, p -> { });
        datastreams = database.jdbc().sql("SELECT id FROM datastreams ORDER BY id").query(Long.class).list();
        Grants grants = new Grants(new ShareRepository(database), clock);
        policies = new SharingPolicies(new PolicyRepository(database), grants, accounts, clock);
        policies.start();
        workflow = new ShareWorkflow(new ShareRepository(database), GrantTemplates.shipped(), grants, clock);
        agreements = new Agreements(new FederationRepository(database), workflow, GrantTemplates.shipped(), new ApiClientRepository(database),
                new OrganisationRepository(database), clock);
    }

    @AfterEach
    void close() {
        audit.close();
        db.close();
    }

    private Peer peer(String gatewayId, String inboundClient) {
        return agreements.register(SECADMIN, new PeerForm(gatewayId, "Park B", "PB", "https://gw.park-b.example.cn/", "a-at-b", "secret", inboundClient,
                "POLYGON ((120.1 33.2, 120.2 33.2, 120.2 33.3, 120.1 33.3, 120.1 33.2))", "duty office", null));
    }

    private AgreementForm form(long peer, String direction, List<Long> ids) {
        return new AgreementForm(peer, direction, ids, "partner-monitoring-exchange", "CC-BY-4.0", null, clock.instant().plus(Duration.ofDays(30)).toString());
    }

    @Test
    void anAgreementToShareIsAGrantOfTheAgreedDatastreamsOnlyUntilItEnds() {
        Peer peer = peer("gw-park-b", "partner-park");
        assertThat(peer.baseUrl()).isEqualTo("https://gw.park-b.example.cn");
        assertThat(policies.disclose(PARTNER, "Datastreams").restrictedTo()).isEmpty(); // the open policy: everything
        List<Long> shared = datastreams.subList(0, 2);
        Agreement agreement = agreements.agree(SECADMIN, form(peer.id(), "SHARE", shared));
        assertThat(agreement.state(clock.instant())).isEqualTo(Agreement.State.ACTIVE);
        assertThat(agreements.grantOf(SECADMIN, agreement)).isNotNull();
        Set<String> ids = Set.of(String.valueOf(shared.get(0)), String.valueOf(shared.get(1)));
        assertThat(policies.disclose(PARTNER, "Datastreams").restrictedTo()).isEqualTo(Map.of("id", ids));
        assertThat(policies.disclose(PARTNER, "Observations").restrictedTo()).isEqualTo(Map.of("Datastream/id", ids));
        assertThat(policies.disclose(PARTNER, "wells").restrictedTo()).as("other datasets as the policy says").isEmpty();

        Agreement ended = agreements.end(SECADMIN, agreement.id(), "agreement over");
        assertThat(ended.state(clock.instant())).isEqualTo(Agreement.State.ENDED);
        assertThat(policies.disclose(PARTNER, "Datastreams").restrictedTo()).as("at once").isEmpty();
        assertThatThrownBy(() -> agreements.end(SECADMIN, agreement.id(), "again")).isInstanceOf(ShareRefusal.class)
                .matches(e -> ((ShareRefusal) e).kind() == ShareRefusal.Kind.CONFLICT);
    }

    private Set<String> sharedWithPartner(String dataset) {
        return policies.disclose(PARTNER, dataset).restrictedTo().getOrDefault(dataset.equals("Datastreams") ? "id" : "Datastream/id", Set.of("(all)"));
    }

    private static Set<String> ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
    }

    private long partnerGrantsInForce() {
        return workflow.grants(SECADMIN).stream().filter(g -> g.organisation().equals("partner-park")
                && g.state(clock.instant()) == org.groundwatergateway.policies.sharing.Grant.State.ACTIVE).count();
    }

    @Test
    void twoAgreementsToShareWithOnePartnerAddUpAndEachEndsStartsOrExpiresAlone() {
        Peer peer = peer("gw-park-b", "partner-park");
        List<Long> first = datastreams.subList(0, 2);
        List<Long> second = datastreams.subList(2, 3);
        List<Long> third = datastreams.subList(3, 4);
        Instant now = clock.instant();
        Agreement a1 = agreements.agree(SECADMIN, form(peer.id(), "SHARE", first));
        Agreement a2 = agreements.agree(SECADMIN, new AgreementForm(peer.id(), "SHARE", second, "partner-monitoring-exchange", "CC-BY-SA-4.0", null,
                now.plus(Duration.ofDays(10)).toString()));
        // A third one, starting in 5 days, until day 20.
        Agreement a3 = agreements.agree(SECADMIN, new AgreementForm(peer.id(), "SHARE", third, "partner-monitoring-exchange", "CC-BY-4.0",
                now.plus(Duration.ofDays(5)).toString(), now.plus(Duration.ofDays(20)).toString()));
        Set<String> both = new java.util.HashSet<>(ids(first));
        both.addAll(ids(second));
        assertThat(sharedWithPartner("Datastreams")).as("the union, not the intersection").isEqualTo(both);
        assertThat(sharedWithPartner("Observations")).isEqualTo(both);
        assertThat(partnerGrantsInForce()).as("one grant per partner").isEqualTo(1);
        assertThat(agreements.grantOf(SECADMIN, a1)).isEqualTo(agreements.grantOf(SECADMIN, a2));
        assertThat(agreements.grantOf(SECADMIN, a3)).as("the grant that will enforce it").isNotNull().isNotEqualTo(agreements.grantOf(SECADMIN, a1));

        // Ending one removes exactly its datastreams.
        agreements.end(SECADMIN, a1.id(), "first agreement over");
        assertThat(sharedWithPartner("Datastreams")).isEqualTo(ids(second));
        assertThat(sharedWithPartner("Observations")).isEqualTo(ids(second));
        assertThat(partnerGrantsInForce()).isEqualTo(1);

        // The third starts on day 5, the second expires on day 10, the third on day 20: each at that instant, with nothing run.
        clock.advance(Duration.ofDays(5));
        Set<String> later = new java.util.HashSet<>(ids(second));
        later.addAll(ids(third));
        assertThat(sharedWithPartner("Datastreams")).isEqualTo(later);
        clock.advance(Duration.ofDays(5));
        assertThat(sharedWithPartner("Observations")).isEqualTo(ids(third));
        assertThat(partnerGrantsInForce()).isEqualTo(1);
        clock.advance(Duration.ofDays(10));
        assertThat(sharedWithPartner("Datastreams")).as("back to the policy (open: everything)").isEqualTo(Set.of("(all)"));
        assertThat(partnerGrantsInForce()).isZero();
    }

    @Test
    void anAgreementToReceiveUnderALicenceWeDoNotAcceptIsRefused() {
        Agreements picky = new Agreements(new FederationRepository(database), workflow, GrantTemplates.shipped(), new ApiClientRepository(database),
                new OrganisationRepository(database), false, Set.of("CC-BY-4.0"), clock);
        Peer peer = peer("gw-park-b", "partner-park");
        ShareRefusal refused = (ShareRefusal) org.assertj.core.api.Assertions.catchThrowable(() -> picky.agree(SECADMIN, new AgreementForm(peer.id(),
                "RECEIVE", List.of(12L), "partner-monitoring-exchange", "proprietary, no redistribution", null,
                clock.instant().plus(Duration.ofDays(3)).toString())));
        assertThat(refused.problems()).extracting(ShareRefusal.Problem::field).containsExactly("licence");
        assertThat(refused.problems().get(0).reason()).contains("CC-BY-4.0");
        assertThat(refused.problems().get(0).reasonZh()).contains("不接受");
        assertThat(picky.agree(SECADMIN, form(peer.id(), "RECEIVE", List.of(12L))).licence()).isEqualTo("CC-BY-4.0");
        // Sharing under any licence is ours to offer: only what we receive is checked.
        assertThat(picky.agree(SECADMIN, new AgreementForm(peer.id(), "SHARE", datastreams.subList(0, 1), "partner-monitoring-exchange", "CC0-1.0",
                null, clock.instant().plus(Duration.ofDays(3)).toString())).licence()).isEqualTo("CC0-1.0");
    }

    @Test
    void aPartnerIsSharedWithAtOneLevel() {
        Peer peer = peer("gw-park-b", "partner-park");
        Agreement first = agreements.agree(SECADMIN, form(peer.id(), "SHARE", datastreams.subList(0, 1)));
        ShareRefusal refused = (ShareRefusal) org.assertj.core.api.Assertions.catchThrowable(() -> agreements.agree(SECADMIN, new AgreementForm(peer.id(),
                "SHARE", datastreams.subList(1, 2), "research", "CC-BY-4.0", null, clock.instant().plus(Duration.ofDays(3)).toString())));
        assertThat(refused.problems()).extracting(ShareRefusal.Problem::field).containsExactly("level");
        assertThat(refused.problems().get(0).reason()).contains("agreement " + first.id(), "partner-monitoring-exchange");
        // After the first ends, another level is fine.
        agreements.end(SECADMIN, first.id(), "over");
        agreements.agree(SECADMIN, new AgreementForm(peer.id(), "SHARE", datastreams.subList(1, 2), "research", "CC-BY-4.0", null,
                clock.instant().plus(Duration.ofDays(3)).toString()));
        assertThat(sharedWithPartner("Datastreams")).isEqualTo(ids(datastreams.subList(1, 2)));
    }

    @Test
    void aReceivingAgreementIsInForceForItsPeriodAndBadInputIsRefusedNamingEachField() {
        Peer peer = peer("gw-park-b", "partner-park");
        Agreement receiving = agreements.agree(SECADMIN, form(peer.id(), "RECEIVE", List.of(90001L)));
        assertThat(receiving.grantId()).isNull();
        assertThat(agreements.receivingNow()).extracting(Agreement::id).containsExactly(receiving.id());
        clock.advance(Duration.ofDays(31));
        assertThat(agreements.receivingNow()).isEmpty();

        ShareRefusal peerRefused = (ShareRefusal) org.assertj.core.api.Assertions.catchThrowable(() -> agreements.register(SECADMIN,
                new PeerForm("gw-park-b", null, "PB", "ftp://x", "a", "s", "enterprise-E01", "POLYGON ((0 0, 1 1, 0 0))", null, "REGION")));
        assertThat(peerRefused.problems()).extracting(ShareRefusal.Problem::field)
                .containsExactlyInAnyOrder("gatewayId", "name", "baseUrl", "inboundClientId", "boundary", "role");
        // One client, one partner: another gateway registered with the first's client is refused on that field alone.
        ShareRefusal clientTaken = (ShareRefusal) org.assertj.core.api.Assertions.catchThrowable(() -> peer("gw-park-c", "partner-park"));
        assertThat(clientTaken.problems()).extracting(ShareRefusal.Problem::field).containsExactly("inboundClientId");
        ShareRefusal agreementRefused = (ShareRefusal) org.assertj.core.api.Assertions.catchThrowable(() -> agreements.agree(SECADMIN,
                new AgreementForm(peer.id(), "SHARE", List.of(datastreams.get(0), -5L), "research-x", " ", "yesterday", null)));
        assertThat(agreementRefused.problems()).extracting(ShareRefusal.Problem::field)
                .containsExactlyInAnyOrder("datastreams[1]", "level", "licence", "validFrom", "validUntil");
    }

    @Test
    void theMirrorStoresEachObservationOnceAndTakesTheSourcesCorrections() {
        Peer peer = peer("gw-park-b", "partner-park");
        long agreement = agreements.agree(SECADMIN, form(peer.id(), "RECEIVE", List.of(12L))).id();
        Mirrors mirrors = new Mirrors(database);
        String agreed = "policy v1; Observations: rows limited by Datastream/id";
        long local = mirrors.mirror(peer.id(), 12, agreement, "GW-U04/ph", "pH", "pH", "GW-U04", "CC-BY-4.0", agreed);
        ForeignDatastream stored = mirrors.datastream(peer.id(), 12).orElseThrow();
        assertThat(stored.masksAs(agreement, "policy v3; Observations: rows limited by Datastream/id")).as("a new policy version, masking alike").isTrue();
        assertThat(stored.masksAs(agreement, "policy v3; Observations: result_value as GB/T 14848 class, delayed 24 h")).isFalse();
        assertThat(stored.masksAs(agreement + 1, "policy v3; nothing masked")).as("under another agreement").isTrue();
        assertThat(mirrors.mirror(peer.id(), 12, agreement, "GW-U04/ph", "pH", "pH", "GW-U04", "CC-BY-4.0", null)).as("the same datastream again").isEqualTo(local);
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        List<ForeignObservation> page = List.of(new ForeignObservation(1, t, 7.1), new ForeignObservation(2, t.plusSeconds(600), 7.2),
                new ForeignObservation(3, t.plusSeconds(1200), null));
        assertThat(mirrors.merge(local, page, clock.instant())).isEqualTo(new Mirrors.Merged(3, 0));
        assertThat(mirrors.merge(local, page, clock.instant())).as("read again").isEqualTo(new Mirrors.Merged(0, 0));
        assertThat(mirrors.merge(local, List.of(new ForeignObservation(2, t.plusSeconds(600), 7.2), new ForeignObservation(9, t.plusSeconds(1200), 7.3),
                new ForeignObservation(4, t.plusSeconds(1800), 7.4)), clock.instant())).isEqualTo(new Mirrors.Merged(1, 1));
        assertThat(mirrors.observations(local, null, 100)).extracting(ForeignObservation::remoteId).containsExactly(1L, 2L, 9L, 4L);
        assertThat(mirrors.observations(local, t.plusSeconds(1200), 1)).extracting(ForeignObservation::result).containsExactly(7.3);
        assertThat(mirrors.newest(peer.id(), 12)).isEqualTo(t.plusSeconds(1800));
        assertThat(mirrors.newest(peer.id(), 13)).isNull();
        assertThat(mirrors.datastreams(peer.id())).singleElement().satisfies(d -> assertThat(d.disclosure()).isNull());

        assertThat(mirrors.state(peer.id())).isEqualTo(MirrorState.never(peer.id()));
        mirrors.record(new MirrorState(peer.id(), t, t, 0, null, t.plusSeconds(60)));
        mirrors.record(new MirrorState(peer.id(), t.plusSeconds(60), t, 1, "x".repeat(3000), t.plusSeconds(180)));
        MirrorState state = mirrors.state(peer.id());
        assertThat(state.failures()).isEqualTo(1);
        assertThat(state.lastError()).hasSize(2000);
        assertThat(state.stale(t.plusSeconds(61), Duration.ofMinutes(3))).isTrue();
        assertThat(state.due(t.plusSeconds(179))).isFalse();
    }

    /** The federated feature view: each mirrored datastream's latest value (at or before a time) where the partner places its well. */
    @Test
    void aMirroredDatastreamIsPlacedWhereThePartnerShowsItAndItsLatestValueIsAFeature() {
        Peer peer = peer("gw-park-b", "partner-park");
        long agreement = agreements.agree(SECADMIN, form(peer.id(), "RECEIVE", List.of(12L))).id();
        Mirrors mirrors = new Mirrors(database);
        long local = mirrors.mirror(peer.id(), 12, agreement, "GW-B04/benzene", "Benzene", "mg/L", "GW-B04", "CC-BY-4.0", null);
        mirrors.place(local, Cgcs2000.GEOMETRY_FACTORY.createPoint(new Coordinate(120.15, 33.25)));
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        mirrors.merge(local, List.of(new ForeignObservation(1, t, 0.004), new ForeignObservation(2, t.plusSeconds(3600), 0.006)), clock.instant());
        record Row(String park, double value, Instant time, double lon, double lat) {}
        java.util.function.Function<Instant, List<Row>> latest = asOf -> {
            SqlFragment view = PublishedFeatureTypes.FOREIGN_LATEST_READINGS.view().apply(asOf);
            return database.jdbc().sql("SELECT origin_park, result_value, phenomenon_time, ST_X(geom), ST_Y(geom) FROM (" + view.sql() + ") v")
                    .params(view.parameters()).query((rs, n) -> new Row(rs.getString(1), rs.getDouble(2),
                            rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getDouble(4), rs.getDouble(5))).list();
        };
        assertThat(latest.apply(null)).singleElement().satisfies(row -> {
            assertThat(row.park()).isEqualTo("PB");
            assertThat(row.value()).isEqualTo(0.006);
            assertThat(row.lon()).isEqualTo(120.15);
            assertThat(row.lat()).isEqualTo(33.25);
        });
        assertThat(latest.apply(t.plusSeconds(60))).singleElement().satisfies(row -> assertThat(row.time()).isEqualTo(t));
        mirrors.place(local, null);
        assertThat(latest.apply(null)).as("a datastream shown without a place is no feature").isEmpty();
    }

    @Test
    void theSequenceLedgerAcceptsEachNumberOnce() {
        SequenceLedger ledger = new SequenceLedger(database);
        assertThat(ledger.last("gw-park-b", "Datastreams(12)")).isZero();
        assertThat(ledger.accept("gw-park-b", "Datastreams(12)", 0, 5)).isTrue();
        assertThat(ledger.accept("gw-park-b", "Datastreams(12)", 0, 5)).as("a second first").isFalse();
        assertThat(ledger.accept("gw-park-b", "Datastreams(12)", 5, 6)).isTrue();
        assertThat(ledger.accept("gw-park-b", "Datastreams(12)", 5, 6)).as("the same step twice").isFalse();
        assertThat(ledger.last("gw-park-b", "Datastreams(12)")).isEqualTo(6);
        assertThat(ledger.last("gw-park-b", "Datastreams(13)")).isZero();
    }

    @Test
    void aPushedMessageWhoseDataCannotBeStoredIsRefusedAndLeavesItsSequenceNumberFree() throws Exception {
        Peer peer = peer("gw-park-b", "partner-park");
        agreements.agree(SECADMIN, form(peer.id(), "RECEIVE", List.of(12L)));
        RSAKey key = new RSAKeyGenerator(2048).keyID("b-1").generate();
        JWKSet published = new JWKSet(key.toPublicJWK());
        SequenceLedger ledger = new SequenceLedger(database);
        SignedMessages receiver = new SignedMessages(() -> { throw new AssertionError(); }, "gw-park-a", new FederationRepository(database)::peerByGateway,
                (p, again) -> published, ledger, Duration.ofMinutes(2), clock);
        SignedMessages sender = new SignedMessages(() -> key, "gw-park-b", id -> java.util.Optional.empty(), (p, again) -> new JWKSet(), null,
                Duration.ofMinutes(2), clock);
        Mirrors mirrors = new Mirrors(database);
        MessageIntake intake = new MessageIntake(receiver, agreements, mirrors, clock);
        String observations = "\"observations\": [{\"id\": 1, \"phenomenonTime\": \"2026-12-01T00:00:00Z\", \"result\": 7.1}]";

        for (String[] bad : new String[][] {{"body.name", "\"name\": \"" + "n".repeat(201) + "\""}, {"body.disclosure", "\"disclosure\": \"" + "d".repeat(2001) + "\""}}) {
            SignedMessages.Message message = sender.sign("Datastreams(12)", 1, "{\"datastream\": 12, " + bad[1] + ", " + observations + "}");
            assertThatThrownBy(() -> intake.receive(PARTNER, message)).isInstanceOf(MessageRefusal.class)
                    .satisfies(e -> assertThat(((MessageRefusal) e).field()).isEqualTo(bad[0]));
            assertThat(ledger.last("gw-park-b", "Datastreams(12)")).as("the number stays free").isZero();
        }
        SignedMessages.Message retry = sender.sign("Datastreams(12)", 1, "{\"datastream\": 12, \"name\": \"GW-U04/ph\", " + observations + "}");
        assertThat(intake.receive(PARTNER, retry)).isEqualTo(new Mirrors.Merged(1, 0));
        assertThat(ledger.last("gw-park-b", "Datastreams(12)")).isEqualTo(1);
    }

    @Test
    void aBaseUrlMustBeHttpsOfAHostWithoutUserInfoQueryOrFragment() {
        for (String url : List.of("http://gw.park-b.example.cn", "https://user:pw@gw.park-b.example.cn", "https://gw.park-b.example.cn/?a=b",
                "https://gw.park-b.example.cn#x", "https:///path", "file:///etc/passwd")) {
            ShareRefusal refused = (ShareRefusal) org.assertj.core.api.Assertions.catchThrowable(() -> agreements.register(SECADMIN,
                    new PeerForm("gw-park-b", "Park B", "PB", url, "a-at-b", "secret", "partner-park", null, null, null)));
            assertThat(refused).as(url).isNotNull();
            assertThat(refused.problems()).as(url).extracting(ShareRefusal.Problem::field).containsExactly("baseUrl");
        }
        Agreements plain = new Agreements(new FederationRepository(database), workflow, GrantTemplates.shipped(), new ApiClientRepository(database),
                new OrganisationRepository(database), true, clock);
        assertThat(plain.register(SECADMIN, new PeerForm("gw-park-b", "Park B", "PB", "http://127.0.0.1:8081/", "a-at-b", "secret", "partner-park",
                null, null, null)).baseUrl()).as("where plain http is allowed").isEqualTo("http://127.0.0.1:8081");
    }

    @Test
    void anAgreementsTimesMustLieWithinTheYearsOfTheGateway() {
        Peer peer = peer("gw-park-b", "partner-park");
        ShareRefusal refused = (ShareRefusal) org.assertj.core.api.Assertions.catchThrowable(() -> agreements.agree(SECADMIN,
                new AgreementForm(peer.id(), "RECEIVE", List.of(12L), "partner-monitoring-exchange", "CC-BY-4.0", "0001-01-01T00:00:00Z",
                        "+99999-01-01T00:00:00Z")));
        assertThat(refused.problems()).extracting(ShareRefusal.Problem::field).containsExactlyInAnyOrder("validFrom", "validUntil");
    }

    @Test
    void anAgreementThatCannotBeRecordedLeavesNoGrant() {
        Peer peer = peer("gw-park-b", "partner-park");
        AgreementForm longLicence = new AgreementForm(peer.id(), "SHARE", datastreams.subList(0, 1), "partner-monitoring-exchange", "L".repeat(300), null,
                clock.instant().plus(Duration.ofDays(30)).toString());
        assertThatThrownBy(() -> agreements.agree(SECADMIN, longLicence)).isInstanceOf(ShareRefusal.class);
        assertThat(policies.disclose(PARTNER, "Datastreams").restrictedTo()).as("no grant without its agreement").isEmpty();
        assertThat(agreements.agreements()).isEmpty();
    }

    @Test
    @Timeout(60)
    void aPullReadsAtMostItsPagesAndFailsOnALinkThatRepeats() throws Exception {
        Agreements plain = new Agreements(new FederationRepository(database), workflow, GrantTemplates.shipped(), new ApiClientRepository(database),
                new OrganisationRepository(database), true, clock);
        String[] base = new String[1];
        try (FakePartner partner = new FakePartner(path -> {
            if (path.equals("/oauth2/token")) return new FakePartner.Answer(200, "{\"access_token\": \"t\", \"expires_in\": 300}");
            if (path.equals("/sta/v1.1/Datastreams(12)")) return new FakePartner.Answer(200, "{\"name\": \"GW-U04/ph\"}");
            if (path.equals("/sta/v1.1/Datastreams(13)")) return new FakePartner.Answer(200, "{\"name\": \"GW-U04/do\"}");
            // Datastream 12: pages without end, each linking a new one; 13: a page linking itself.
            if (path.startsWith("/sta/v1.1/Datastreams(12)/Observations") || path.startsWith("/sta/v1.1/page")) {
                int n = path.startsWith("/sta/v1.1/page") ? Integer.parseInt(path.substring("/sta/v1.1/page".length())) : 0;
                return new FakePartner.Answer(200, "{\"value\": [{\"@iot.id\": " + (n + 1) + ", \"phenomenonTime\": \"2026-11-30T00:0" + (n % 10)
                        + ":00Z\", \"result\": 7}], \"@iot.nextLink\": \"" + base[0] + "/sta/v1.1/page" + (n + 1) + "\"}");
            }
            return new FakePartner.Answer(200, "{\"value\": [], \"@iot.nextLink\": \"" + base[0] + "/sta/v1.1/loop\"}");
        })) {
            base[0] = partner.baseUrl();
            Peer peer = plain.register(SECADMIN, new PeerForm("gw-park-b", "Park B", "PB", partner.baseUrl(), "a-at-b", "secret", "partner-park", null, null, null));
            plain.agree(SECADMIN, form(peer.id(), "RECEIVE", List.of(12L)));
            Mirrors mirrors = new Mirrors(database);
            FederationProperties properties = new FederationProperties("gw-park-a", Duration.ofMinutes(1), Duration.ofHours(1), null, null, null,
                    Duration.ofSeconds(5), 10, 5, Duration.ofMinutes(1), 1024L * 1024, true, null, null);
            MirrorPuller puller = new MirrorPuller(plain, mirrors, new PartnerClient(properties.requestTimeout(), properties.maxAnswerBytes(), clock),
                    properties, clock);
            puller.tick();
            assertThat(partner.asked.stream().filter(p -> p.contains("Observations") || p.startsWith("/sta/v1.1/page")).count()).as("pages read")
                    .isEqualTo(5);
            assertThat(mirrors.state(peer.id()).failures()).as("a capped pull is a pull: the next goes on from what is stored").isZero();

            plain.agree(SECADMIN, form(peer.id(), "RECEIVE", List.of(13L)));
            clock.advance(Duration.ofMinutes(2));
            puller.tick();
            assertThat(mirrors.state(peer.id()).failures()).isEqualTo(1);
            assertThat(mirrors.state(peer.id()).lastError()).contains("page read already");
        }
    }

    /**
     * Two writers of one partner's stream, the second while the first's transaction is still open (as two joint-warning
     * steps at once, on one node or two): the second waits for the first to commit and takes the next number. Reading
     * MAX + 1 gave both the number 1, and the second failed on the outbox's key.
     */
    @Test
    @Timeout(30)
    void twoWritersOfOneOutboxStreamTakeConsecutiveNumbers() throws Exception {
        Outbox outbox = new Outbox(database);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<Long> first = writers.submit(() -> transaction.execute(status -> {
                long number = outbox.write("gw-park-b", "JointWarnings", "{\"n\": 1}", clock.instant());
                written.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return number;
            }));
            written.await();
            Future<Long> second = writers.submit(() -> transaction.execute(status -> outbox.write("gw-park-b", "JointWarnings", "{\"n\": 2}",
                    clock.instant())));
            Thread.sleep(300);
            assertThat(second.isDone()).as("the second waits for the first's commit").isFalse();
            release.countDown();
            assertThat(List.of(first.get(), second.get())).containsExactly(1L, 2L);
        } finally {
            writers.shutdownNow();
        }
        assertThat(outbox.pending()).extracting(Outbox.Letter::sequence, Outbox.Letter::body)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "{\"n\": 1}"), org.assertj.core.groups.Tuple.tuple(2L, "{\"n\": 2}"));
        assertThat(outbox.write("gw-park-b", "Other", "{}", clock.instant())).as("each stream numbered on its own").isEqualTo(1L);
    }
}
