package org.groundwatergateway.core.park;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeTest {

    @Test
    void acceptsThePublishedExampleAndComputesItsCheckCharacter() {
        // The example code printed in GB 32100-2015 explanations.
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y43")).isTrue();
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void rejectsWrongCheckCharacterLengthAndForbiddenLetters() {
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y44")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y4")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100I43")).isFalse(); // I is not in the alphabet
        assertThatThrownBy(() -> new Enterprise(null, 1, "91350100M000100Y44", "x", "x", "x", null,
                java.util.List.of(), java.util.List.of(), java.util.Set.of())).hasMessageContaining("unified social credit code");
    }
}
