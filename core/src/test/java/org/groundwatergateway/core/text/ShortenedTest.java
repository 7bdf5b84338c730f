package org.groundwatergateway.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShortenedTest {

    @Test
    void aTextThatFitsIsKeptWhole() {
        assertThat(Shortened.to("化工园区", 4)).isEqualTo("化工园区");
        assertThat(Shortened.to(new StringBuilder("GW-U01"), 10)).isEqualTo("GW-U01");
    }

    @Test
    void aLongerTextIsCutToTheLengthWithTheMarkInside() {
        String cut = Shortened.to("化工园区地下水监测", 5);
        assertThat(cut).isEqualTo("化工园区…").hasSize(5);
    }

    @Test
    void aSurrogatePairIsNeverSplit() {
        // "𠮷" (U+20BB7) is two chars: cutting after its first would leave a lone surrogate, which encodes as "?".
        String name = "ab𠮷cd";
        String cut = Shortened.to(name, 4);
        assertThat(cut).isEqualTo("ab…");
        assertThat(new String(cut.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(cut);
        assertThat(Shortened.to(name, 5)).isEqualTo("ab𠮷…");
    }

    @Test
    void noRoomIsRefused() {
        assertThatThrownBy(() -> Shortened.to("abc", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Shortened.to("abc", 1)).isEqualTo("…");
    }
}
