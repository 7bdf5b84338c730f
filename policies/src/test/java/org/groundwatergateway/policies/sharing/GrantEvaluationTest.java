package org.groundwatergateway.policies.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.junit.jupiter.api.Test;

/**
 * Grants in evaluation: their rules speak of a named organisation, so they decide their datasets for it in place of
 * the kind rules of the shipped default, for that organisation only and only while in force; and the shipped templates.
 */
class GrantEvaluationTest {

    private static final Viewer PARTNER = new Viewer("partner-gw", Set.of(Role.PARTNER_PARK), "partner-park", OrganisationKind.PARTNER_PARK);
    private static final Viewer OTHER_PARTNER = new Viewer("other-gw", Set.of(Role.PARTNER_PARK), "other-park", OrganisationKind.PARTNER_PARK);
    private static final SharingPolicy DEFAULT = new SharingPolicy(2, SharingPolicies.shipped("default"));
    private static final GrantTemplate EXCHANGE = GrantTemplates.shipped().find("partner-monitoring-exchange").orElseThrow();
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant UNTIL = FROM.plus(Duration.ofDays(30));

    private static Grant grant(Grant.Version... versions) {
        return new Grant(7, 3, "partner-park", EXCHANGE.id(), EXCHANGE.scope(List.of("wells", "Sensors", "Observations"),
                new Audience.Organisation("partner-park")), List.of(versions));
    }

    private static Grant.Version active() {
        return new Grant.Version(1, Grant.Status.ACTIVE, FROM, UNTIL, "secadmin", FROM, null);
    }

    @Test
    void aGrantDecidesItsDatasetsForItsOrganisationInPlaceOfTheKindRules() {
        List<Rule> granted = grant(active()).evaluatedRules();
        Decision wells = DEFAULT.decide(PARTNER, "wells", granted);
        assertThat(wells.disclosure().locationPrecisionMetres()).isEqualTo(100);
        assertThat(wells.rules()).containsExactly("grant-7.wells");
        assertThat(wells.reason()).isEqualTo("shown by the named organisation rules");
        Decision observations = DEFAULT.decide(PARTNER, "Observations", granted);
        assertThat(observations.disclosure()).isEqualTo(Disclosure.full());
        assertThat(observations.rules()).containsExactly("grant-7.readings");
        assertThat(DEFAULT.decide(PARTNER, "Sensors", granted).disclosure().visible()).isTrue();

        // Datasets it does not name stay as the policy says; without the grant, so does everything.
        assertThat(DEFAULT.decide(PARTNER, "readings", granted).rules()).containsExactly("outside-readings");
        assertThat(DEFAULT.decide(PARTNER, "Sensors").disclosure().visible()).isFalse();
        assertThat(DEFAULT.decide(PARTNER, "wells").disclosure().locationPrecisionMetres()).isEqualTo(500);
        // The rules name their organisation: handed to another viewer by mistake, they still decide nothing for it.
        assertThat(DEFAULT.decide(OTHER_PARTNER, "Sensors", granted).disclosure().visible()).isFalse();
    }

    @Test
    void aGrantIsInForceFromItsStartUntilItsEndOrItsRevocation() {
        Grant grant = grant(active());
        assertThat(grant.state(FROM.minusSeconds(1))).isEqualTo(Grant.State.SCHEDULED);
        assertThat(grant.state(FROM)).isEqualTo(Grant.State.ACTIVE);
        assertThat(grant.state(UNTIL.minusMillis(1))).isEqualTo(Grant.State.ACTIVE);
        assertThat(grant.state(UNTIL)).isEqualTo(Grant.State.EXPIRED);
        Grant revoked = grant(active(), new Grant.Version(2, Grant.Status.REVOKED, FROM, UNTIL, "secadmin", FROM.plusSeconds(60), "agreement ended"));
        assertThat(revoked.state(FROM.plusSeconds(30))).isEqualTo(Grant.State.REVOKED);
        assertThat(revoked.versions()).extracting(Grant.Version::status).containsExactly(Grant.Status.ACTIVE, Grant.Status.REVOKED);
    }

    @Test
    void aGrantRuleBesideADenyOfTheSameOrganisationDoesNotWin() {
        SharingPolicy denying = new SharingPolicy(3, PolicyFormat.read("""
                name: no sensors for partner-park
                rules:
                  - {id: staff, audiences: [{kind: PARK_ADMINISTRATION}], datasets: ['*'], effects: [{type: allow}]}
                  - {id: no-sensors, audiences: [{organisation: partner-park}], datasets: [Sensors], effects: [{type: deny}]}
                """, PolicyFormat.Syntax.YAML));
        Decision decision = denying.decide(PARTNER, "Sensors", grant(active()).evaluatedRules());
        assertThat(decision.disclosure().visible()).isFalse();
        assertThat(decision.rules()).containsExactly("no-sensors");
    }

    @Test
    void theShippedTemplatesNameDatasetsOneByOneAndNeverDenyOrShowThePolicies() {
        assertThat(GrantTemplates.shipped().all()).extracting(GrantTemplate::id)
                .containsExactly("partner-monitoring-exchange", "research", "emergency-mutual-aid");
        GrantTemplate emergency = GrantTemplates.shipped().find("emergency-mutual-aid").orElseThrow();
        assertThat(emergency.longest()).isEqualTo(Duration.ofHours(72));
        assertThat(emergency.datasets()).doesNotContain(Datasets.POLICIES, "devices");
        for (GrantTemplate template : GrantTemplates.shipped().all()) {
            assertThat(template.rules()).noneMatch(Rule::denies);
            assertThat(template.datasets()).doesNotContain(Datasets.POLICIES, Rule.EVERY_DATASET);
        }
        String everything = """
                templates:
                  - {id: t, name: T, nameZh: T, for: [PARTNER_PARK], longestDays: 1, rules: [{id: all, datasets: ['*'], effects: [{type: allow}]}]}
                """;
        assertThatThrownBy(() -> GrantTemplates.read(everything)).isInstanceOfSatisfying(InvalidPolicy.class,
                e -> assertThat(e.problems()).extracting(InvalidInput::field).containsExactly("/templates/0/rules/0/datasets"));
        String misspelt = """
                templates:
                  - {id: t, name: T, nameZh: T, for: [PARTNER_PARK], longestDays: 1, rules: [{id: w, datasets: [wells], effects: [{type: coarsen, metres: 1}]}]}
                """;
        assertThatThrownBy(() -> GrantTemplates.read(misspelt)).isInstanceOfSatisfying(InvalidPolicy.class,
                e -> assertThat(e.problems()).extracting(InvalidInput::field).containsExactly("/templates/0/rules/0/effects/0/type"));
    }
}
