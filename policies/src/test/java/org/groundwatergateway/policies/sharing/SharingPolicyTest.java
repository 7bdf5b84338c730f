package org.groundwatergateway.policies.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Disclosure.BucketScheme;
import org.groundwatergateway.policies.Disclosure.TimeAggregation;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.sharing.PolicyFormat.Syntax;
import org.junit.jupiter.api.Test;

/** Evaluation: precedence, combination of effects, fail closed, and what the shipped policies decide. */
class SharingPolicyTest {

    private static final Viewer ENTERPRISE = new Viewer("enterprise", Set.of(Role.ENTERPRISE_USER), "E01", OrganisationKind.ENTERPRISE);
    private static final Viewer OTHER_ENTERPRISE = new Viewer("other", Set.of(Role.ENTERPRISE_USER), "E02", OrganisationKind.ENTERPRISE);
    private static final Viewer REGULATOR = new Viewer("regulator", Set.of(Role.REGULATOR), "js-eeb", OrganisationKind.PROVINCIAL_REGULATOR);
    private static final Viewer DUTY = new Viewer("duty", Set.of(Role.DUTY_OFFICER), "park-admin", OrganisationKind.PARK_ADMINISTRATION);

    private static SharingPolicy policy(String rulesYaml) {
        return new SharingPolicy(7, PolicyFormat.read("name: test\nrules:\n" + rulesYaml, Syntax.YAML));
    }

    @Test
    void withoutAMatchingRuleNothingIsShown() {
        SharingPolicy policy = policy("  - {id: public-wells, audiences: [{kind: PUBLIC}], datasets: [wells], effects: [{type: allow}]}\n");
        Decision decision = policy.decide(ENTERPRISE, "wells");
        assertThat(decision.disclosure()).isEqualTo(Disclosure.none());
        assertThat(decision.rules()).isEmpty();
        assertThat(decision.reason()).contains("no rule");
        assertThat(policy.disclose(Viewer.anonymous(), "enterprises").visible()).isFalse();
        assertThat(policy.disclose(Viewer.anonymous(), "wells")).isEqualTo(Disclosure.full());
    }

    @Test
    void theMostSpecificAudienceDecidesWhollyWhateverTheOrderOfRules() {
        String everyone = "  - {id: everyone, audiences: [everyone], datasets: ['*'], effects: [{type: coarsenLocation, metres: 500}]}\n";
        String kind = "  - {id: enterprises, audiences: [{kind: ENTERPRISE}], datasets: [wells], effects: [{type: deny}]}\n";
        String role = "  - {id: users, audiences: [{role: ENTERPRISE_USER}], datasets: [wells], effects: [{type: withhold, attributes: [status]}]}\n";
        String named = "  - {id: e01, audiences: [{organisation: E01}], datasets: ['*'], effects: [{type: allow}]}\n";
        for (SharingPolicy policy : List.of(policy(everyone + kind + role + named), policy(named + role + kind + everyone))) {
            Decision own = policy.decide(ENTERPRISE, "wells");
            assertThat(own.disclosure()).isEqualTo(Disclosure.full());
            assertThat(own.rules()).containsExactly("e01");
            assertThat(own.reason()).isEqualTo("shown by the named organisation rules");
            assertThat(own.reason(Locale.CHINESE)).isEqualTo("按面向指名组织的规则显示");
            assertThat(own.policyVersion()).isEqualTo(7);
            Decision other = policy.decide(OTHER_ENTERPRISE, "wells");
            assertThat(other.rules()).containsExactly("users");
            assertThat(other.disclosure().withheldProperties()).containsExactly("status");
            assertThat(other.disclosure().locationPrecisionMetres()).isZero(); // the everyone rule does not add to a more specific one
            assertThat(policy.disclose(REGULATOR, "wells").locationPrecisionMetres()).isEqualTo(500);
        }
        // Without the role rule, the kind's deny decides.
        assertThat(policy(everyone + kind).decide(OTHER_ENTERPRISE, "wells").reason()).isEqualTo("denied by the organisation kind rules");
        assertThat(policy(everyone + kind).decide(OTHER_ENTERPRISE, "wells").reason(Locale.CHINESE)).isEqualTo("被面向组织类型的规则拒绝");
    }

    @Test
    void denyBeatsAllowAtTheSameSpecificity() {
        SharingPolicy policy = policy("""
                  - {id: regulators-all, audiences: [{role: REGULATOR}], datasets: ['*'], effects: [{type: allow}]}
                  - {id: no-devices, audiences: [{role: REGULATOR}], datasets: [devices], effects: [{type: deny}]}
                """);
        Decision devices = policy.decide(REGULATOR, "devices");
        assertThat(devices.disclosure().visible()).isFalse();
        assertThat(devices.rules()).containsExactly("no-devices");
        assertThat(policy.disclose(REGULATOR, "wells")).isEqualTo(Disclosure.full());
    }

    @Test
    void rulesOfTheSameSpecificityCombineTheMostRestrictiveWay() {
        SharingPolicy policy = policy("""
                  - id: a
                    audiences: [{kind: PUBLIC}]
                    datasets: ['*']
                    effects:
                      - {type: withhold, attributes: [status]}
                      - {type: restrictRows, attribute: aquifer, values: [Q1, Q2]}
                      - {type: coarsenLocation, metres: 100}
                      - {type: delay, hours: 24}
                      - {type: aggregateTime, step: DAILY}
                      - {type: restrictArea, bbox: [120, 32, 122, 34]}
                      - {type: ownRows, attribute: credit_code, mode: full}
                  - id: b
                    audiences: [{kind: PUBLIC}]
                    datasets: [wells]
                    effects:
                      - {type: withhold, attributes: [role]}
                      - {type: restrictRows, attribute: aquifer, values: [Q2, C1]}
                      - {type: coarsenLocation, metres: 500}
                      - {type: bucket, attribute: result_value, scheme: GBT14848_CLASS}
                      - {type: delay, hours: 6}
                      - {type: aggregateTime, step: HOURLY}
                      - {type: minimumCount, enterprises: 3}
                      - {type: restrictArea, bbox: [121, 33, 123, 35]}
                """);
        Viewer publicViewer = new Viewer("someone", Set.of(), "club", OrganisationKind.PUBLIC);
        Decision decision = policy.decide(publicViewer, "wells");
        Disclosure d = decision.disclosure();
        assertThat(decision.rules()).containsExactly("a", "b");
        assertThat(d.withheldProperties()).containsExactlyInAnyOrder("status", "role");
        assertThat(d.restrictedTo()).isEqualTo(Map.of("aquifer", Set.of("Q2")));
        assertThat(d.locationPrecisionMetres()).isEqualTo(500);
        assertThat(d.bucketed()).isEqualTo(Map.of("result_value", BucketScheme.GBT14848_CLASS));
        assertThat(d.delay()).isEqualTo(Duration.ofHours(24));
        assertThat(d.timeAggregation()).isEqualTo(TimeAggregation.DAILY);
        assertThat(d.minimumCount()).isEqualTo(3);
        assertThat(d.area()).isEqualTo(new Disclosure.Area(121, 33, 122, 34));
        assertThat(d.ownership()).isEqualTo(new Disclosure.Ownership("credit_code", "club", false));
        // The anonymous public owns nothing.
        assertThat(policy.disclose(Viewer.anonymous(), "wells").ownership()).isNull();
    }

    @Test
    void areasThatDoNotOverlapShowNothing() {
        SharingPolicy policy = policy("""
                  - {id: west, audiences: [everyone], datasets: [wells], effects: [{type: restrictArea, bbox: [100, 30, 110, 40]}]}
                  - {id: east, audiences: [everyone], datasets: [wells], effects: [{type: restrictArea, bbox: [120, 30, 130, 40]}]}
                """);
        Decision decision = policy.decide(DUTY, "wells");
        assertThat(decision.disclosure().visible()).isFalse();
        assertThat(decision.reason()).contains("do not overlap");
    }

    @Test
    void onlyOwnRowsLeaveTheAnonymousPublicNoRow() {
        SharingPolicy policy = policy("  - {id: own, audiences: [everyone], datasets: [enterprises], effects: [{type: ownRows, attribute: credit_code, mode: only}]}\n");
        assertThat(policy.disclose(ENTERPRISE, "enterprises").ownership()).isEqualTo(new Disclosure.Ownership("credit_code", "E01", true));
        assertThat(policy.disclose(Viewer.anonymous(), "enterprises").restrictedTo()).isEqualTo(Map.of("credit_code", Set.of()));
    }

    @Test
    void anErrorWhileEvaluatingShowsNothing() {
        SharingPolicy open = new SharingPolicy(1, SharingPolicies.shipped("open"));
        assertThat(open.disclose(DUTY, "wells")).isEqualTo(Disclosure.full());
        Decision failed = open.decide(null, "wells");
        assertThat(failed.disclosure()).isEqualTo(Disclosure.none());
        assertThat(failed.reason()).startsWith("evaluation failed");
        assertThat(open.disclose(DUTY, null)).isEqualTo(Disclosure.none());
    }

    @Test
    void theShippedDefaultSharesAsDocumented() {
        SharingPolicy policy = new SharingPolicy(2, SharingPolicies.shipped("default"));
        Viewer anyone = Viewer.anonymous();
        assertThat(policy.disclose(anyone, "wells").locationPrecisionMetres()).isEqualTo(500);
        Disclosure readings = policy.disclose(anyone, "latest_readings");
        assertThat(readings.bucketed()).containsEntry("result_value", BucketScheme.GBT14848_CLASS);
        assertThat(readings.delay()).isEqualTo(Duration.ofHours(24));
        assertThat(policy.disclose(anyone, "enterprises").withheldProperties()).contains("processes", "characteristic_pollutants");
        for (String hidden : List.of("on_call_contacts", "devices", "Sensors", "incidents", "policies")) {
            assertThat(policy.disclose(anyone, hidden).visible()).as(hidden).isFalse();
            assertThat(policy.disclose(ENTERPRISE, hidden).visible()).as(hidden).isFalse();
        }
        Disclosure own = policy.disclose(ENTERPRISE, "enterprises");
        assertThat(own.withheldProperties()).contains("processes");
        assertThat(own.ownership()).isEqualTo(new Disclosure.Ownership("credit_code", "E01", false));
        assertThat(policy.disclose(REGULATOR, "devices")).isEqualTo(Disclosure.full());
        assertThat(policy.disclose(DUTY, "on_call_contacts")).isEqualTo(Disclosure.full());
        Viewer partner = new Viewer("partner", Set.of(Role.PARTNER_PARK), "partner-park", OrganisationKind.PARTNER_PARK);
        assertThat(policy.disclose(partner, "federation_feed")).isEqualTo(Disclosure.full());
        assertThat(policy.disclose(partner, "wells").locationPrecisionMetres()).isEqualTo(500);
    }
}
