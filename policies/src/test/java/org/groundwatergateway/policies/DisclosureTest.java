package org.groundwatergateway.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DisclosureTest {

    @Test
    void withheldPropertiesAndInvisibleDatasetsShowNothing() {
        Disclosure masked = new Disclosure(true, Set.of("processes"), Map.of(), 0);
        assertThat(masked.shows("name_zh")).isTrue();
        assertThat(masked.shows("processes")).isFalse();
        assertThat(Disclosure.none().shows("name_zh")).isFalse();
        assertThat(Disclosure.full().shows("anything")).isTrue();
        assertThatThrownBy(() -> new Disclosure(true, Set.of(), Map.of(), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAnonymousViewerIsPublicAndAViewerWithoutRolesIsToo() {
        assertThat(Viewer.anonymous().has(Role.PUBLIC)).isTrue();
        assertThat(Viewer.anonymous().has(Role.SYSTEM_ADMIN)).isFalse();
        assertThat(Viewer.anonymous().isAnonymous()).isTrue();
        assertThat(new Viewer("someone", Set.of(), "ORG", OrganisationKind.ENTERPRISE).roles()).containsExactly(Role.PUBLIC);
        assertThat(new OpenAccessPolicy().disclose(Viewer.anonymous(), "wells")).isEqualTo(Disclosure.full());
    }
}
