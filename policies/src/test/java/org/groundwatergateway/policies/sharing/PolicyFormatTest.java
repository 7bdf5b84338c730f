package org.groundwatergateway.policies.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.groundwatergateway.policies.sharing.PolicyFormat.Syntax;
import org.junit.jupiter.api.Test;

/** Reading and writing policy documents: every bad document is refused with the field and the reason. */
class PolicyFormatTest {

    /** A problem as this test reads it: the field and the English reason. */
    private record Problem(String field, String reason) {}

    private static List<Problem> problems(String text, Syntax syntax) {
        try {
            PolicyFormat.read(text, syntax);
        } catch (InvalidPolicy e) {
            return e.problems().stream().map(p -> new Problem(p.field(), p.reason(Locale.ENGLISH))).toList();
        }
        throw new AssertionError("accepted: " + text);
    }

    private static List<Problem> problems(String yaml) {
        return problems(yaml, Syntax.YAML);
    }

    /** One rule with this effect, as YAML. */
    private static String withEffect(String effect) {
        return "name: t\nrules:\n  - id: r\n    audiences: [everyone]\n    datasets: [wells]\n    effects: [" + effect + "]\n";
    }

    @Test
    void theShippedDocumentsReadAndWriteBackUnchangedInBothSyntaxes() {
        for (String name : List.of("open", "default")) {
            PolicyDocument document = SharingPolicies.shipped(name);
            assertThat(PolicyFormat.read(PolicyFormat.write(document, Syntax.JSON), Syntax.JSON)).isEqualTo(document);
            assertThat(PolicyFormat.read(PolicyFormat.write(document, Syntax.YAML), Syntax.YAML)).isEqualTo(document);
        }
        assertThat(SharingPolicies.shipped("default").rules()).hasSizeGreaterThan(10);
    }

    @Test
    void unreadableTextAndMissingPartsAreNamed() {
        assertThat(problems("{\"name\": ", Syntax.JSON)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEmpty();
            assertThat(p.reason()).startsWith("not JSON");
        });
        assertThat(problems("[1, 2]", Syntax.JSON)).containsExactly(new Problem("", "an object"));
        assertThat(problems("description: x\n")).containsExactly(new Problem("/name", "required"), new Problem("/rules", "required"));
        assertThat(problems("name: t\nrules: []\n")).containsExactly(new Problem("/rules", "a list of at least one"));
        assertThat(problems("name: t\nrule: []\nrules: [{id: r, audiences: [everyone], datasets: [wells], effects: [{type: allow}]}]\n"))
                .containsExactly(new Problem("/rule", "unknown field (known: name, description, rules)"));
    }

    @Test
    void everyProblemOfARuleIsReportedAtOnce() {
        String yaml = """
                name: t
                rules:
                  - id: "bad id!"
                    audiences: [{kind: MARTIANS}, {role: REGULATOR, kind: PUBLIC}, somebody]
                    datasets: [wels, "*"]
                    effects: [{type: allow}]
                  - id: twice
                    audiences: [everyone]
                    datasets: [wells]
                    effects: [{type: deny}, {type: allow}]
                  - id: twice
                    audiences: [{organisation: "E 01"}]
                    datasets: [wells]
                    effects: [{type: allow}]
                """;
        assertThat(problems(yaml)).extracting(Problem::field).containsExactly("/rules/0/id", "/rules/0/audiences/0/kind",
                "/rules/0/audiences/1", "/rules/0/audiences/2", "/rules/0/datasets/0", "/rules/1/effects", "/rules/2/audiences/0/organisation");
        assertThat(problems(yaml).get(1).reason()).startsWith("unknown 'MARTIANS' (known: PROVINCIAL_REGULATOR");
        assertThat(problems(yaml).get(4).reason()).startsWith("unknown dataset 'wels'");
        assertThat(problems(yaml).get(5).reason()).isEqualTo("a rule that denies has no other effect");
    }

    @Test
    void aRepeatedRuleIdIsNamed() {
        String yaml = "name: t\nrules:\n" + "  - {id: a, audiences: [everyone], datasets: [wells], effects: [{type: allow}]}\n".repeat(2);
        assertThat(problems(yaml)).containsExactly(new Problem("/rules/1/id", "'a' is the id of /rules/0/id already"));
    }

    @Test
    void eachEffectChecksItsParameters() {
        assertThat(problems(withEffect("{type: witthold, attributes: [a]}"))).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("/rules/0/effects/0/type"));
        assertThat(problems(withEffect("{type: withhold, attribute: [a]}"))).extracting(Problem::field)
                .containsExactly("/rules/0/effects/0/attribute", "/rules/0/effects/0/attributes");
        assertThat(problems(withEffect("{type: withhold, attributes: [\"drop table\"]}"))).extracting(Problem::field)
                .containsExactly("/rules/0/effects/0/attributes/0");
        assertThat(problems(withEffect("{type: restrictRows, attribute: aquifer, values: [1]}")))
                .containsExactly(new Problem("/rules/0/effects/0/values/0", "text (quote numbers in YAML)"));
        assertThat(problems(withEffect("{type: ownRows, attribute: credit_code, mode: mine}"))).extracting(Problem::field)
                .containsExactly("/rules/0/effects/0/mode");
        assertThat(problems(withEffect("{type: restrictArea, bbox: [121, 32, 120, 33]}")))
                .containsExactly(new Problem("/rules/0/effects/0/bbox", "west <= east, within -180..180"));
        assertThat(problems(withEffect("{type: coarsenLocation, metres: 0}")))
                .containsExactly(new Problem("/rules/0/effects/0/metres", "a number from 1 to 100000"));
        assertThat(problems(withEffect("{type: coarsenLocation}")))
                .containsExactly(new Problem("/rules/0/effects/0/metres", "required: a number from 1 to 100000"));
        assertThat(problems(withEffect("{type: bucket, attribute: result_value, scheme: DECILE}"))).extracting(Problem::field)
                .containsExactly("/rules/0/effects/0/scheme");
        assertThat(problems(withEffect("{type: delay, hours: 1.5}"))).containsExactly(new Problem("/rules/0/effects/0/hours", "whole hours"));
        assertThat(problems(withEffect("{type: aggregateTime, step: NONE}"))).extracting(Problem::field).containsExactly("/rules/0/effects/0/step");
        assertThat(problems(withEffect("{type: minimumCount, enterprises: 1}")))
                .containsExactly(new Problem("/rules/0/effects/0/enterprises", "a number from 2 to 1000"));
        assertThat(problems(withEffect("{type: deny, hours: 3}"))).containsExactly(new Problem("/rules/0/effects/0/hours", "unknown field (known: type)"));
    }

    @Test
    void yamlBuildsNoObjectsAndRefusesDuplicateKeys() {
        assertThat(problems("!!java.io.File [\"/etc/passwd\"]")).singleElement().satisfies(p -> assertThat(p.reason()).startsWith("not YAML"));
        assertThat(problems("name: a\nname: b\n")).singleElement().satisfies(p -> assertThat(p.reason()).startsWith("not YAML"));
    }

    /** A document the parser cannot read is placed by line and column, in the caller's language. */
    @Test
    void anUnreadableDocumentIsPlacedByLineAndColumn() {
        assertThat(problems("name: t\nrules:\n  - id: [a\n")).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("not YAML: the document ends at line 4, column 1 with a bracket or quote still open"));
        assertThatThrownBy(() -> PolicyFormat.read("{\"name\": \"t\",\n \"rules\": [}", Syntax.JSON)).isInstanceOfSatisfying(InvalidPolicy.class,
                e -> assertThat(e.problems().get(0).reason(Locale.CHINESE)).startsWith("不是有效的 JSON：第 2 行第 12 列无法读取（"));
    }

    /**
     * The usual slips of a person writing YAML are told in the reader's own language, not in the parser's English: a
     * tab, a missing space after a colon, uneven indentation, a bracket left open, a key given twice, a stray character.
     */
    @Test
    void theUsualSlipsAreToldInEitherLanguage() {
        assertSlip("name: t\nrules:\n\t- id: r\n", "not YAML: a tab at line 3, column 1; indent with spaces",
                "不是有效的 YAML：第 3 行第 1 列有制表符；请用空格缩进");
        assertSlip("name: t\nrules: a: b\n", "not YAML: a key and value cannot start at line 2, column 9 (a space missing after a colon, or the indentation wrong?)",
                "不是有效的 YAML：第 2 行第 9 列不能开始键值对（冒号后缺空格，或缩进有误？）");
        assertSlip("name: t\nrules:\n  - id: a\n - id: b\n", "not YAML: the indentation at line 4, column 2 does not match the lines above",
                "不是有效的 YAML：第 4 行第 2 列的缩进与上文不一致");
        assertSlip("name: [unclosed", "not YAML: the document ends at line 1, column 16 with a bracket or quote still open",
                "不是有效的 YAML：文档在第 1 行第 16 列结束，仍有括号或引号未闭合");
        assertSlip("name: t\nname: u\nrules: []\n", "not YAML: the key name is given twice (line 2, column 1)",
                "不是有效的 YAML：键 name 出现了两次（第 2 行第 1 列）");
        assertThatThrownBy(() -> PolicyFormat.read("{\"name\": x}", Syntax.JSON)).isInstanceOfSatisfying(InvalidPolicy.class, e -> {
            assertThat(e.problems().get(0).reason(Locale.ENGLISH)).isEqualTo("not JSON: x at line 1, column 10 is no value (text is written in double quotes)");
            assertThat(e.problems().get(0).reason(Locale.CHINESE)).isEqualTo("不是有效的 JSON：第 1 行第 10 列的 x 不是有效的值（文本须加双引号）");
        });
        assertThatThrownBy(() -> PolicyFormat.read("{\"name\": \"t\",,}", Syntax.JSON)).isInstanceOfSatisfying(InvalidPolicy.class, e -> {
            assertThat(e.problems().get(0).reason(Locale.ENGLISH)).matches("not JSON: unexpected character ',' at line 1, column \\d+");
            assertThat(e.problems().get(0).reason(Locale.CHINESE)).matches("不是有效的 JSON：第 1 行第 \\d+ 列有意外的字符 ','");
        });
    }

    private static void assertSlip(String yaml, String english, String chinese) {
        assertThatThrownBy(() -> PolicyFormat.read(yaml, Syntax.YAML)).as(yaml).isInstanceOfSatisfying(InvalidPolicy.class, e -> {
            assertThat(e.problems()).hasSize(1);
            assertThat(e.problems().get(0).reason(Locale.ENGLISH)).isEqualTo(english);
            assertThat(e.problems().get(0).reason(Locale.CHINESE)).isEqualTo(chinese);
        });
    }

    @Test
    void aRefusalNamesEveryProblemInItsMessage() {
        assertThatThrownBy(() -> PolicyFormat.read("name: t\n", Syntax.YAML)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid sharing policy: /rules: required");
    }
}
