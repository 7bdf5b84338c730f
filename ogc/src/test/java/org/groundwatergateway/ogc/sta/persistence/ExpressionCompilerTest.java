package org.groundwatergateway.ogc.sta.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.groundwatergateway.ogc.sta.model.EntityType;
import org.groundwatergateway.ogc.sta.query.ExpressionParser;
import org.groundwatergateway.ogc.sta.query.StaQueryException;
import org.groundwatergateway.policies.Disclosure;
import org.junit.jupiter.api.Test;

/** SQL generated from filter trees: values bound, names from the schema mapping only, dialect differences in one place. */
class ExpressionCompilerTest {

    private static final Instant NOW = Instant.parse("2025-11-10T00:00:00Z");

    private static Sql where(StaDialect dialect, EntityType type, String filter) {
        QueryContext context = new QueryContext(dialect, t -> Disclosure.full(), NOW);
        return new ExpressionCompiler(context).predicate("$filter", ExpressionParser.parse("$filter", filter), "a", type);
    }

    private static Sql where(EntityType type, String filter) {
        return where(StaDialect.POSTGIS, type, filter);
    }

    @Test
    void valuesAreBoundAndInjectionStaysData() {
        Sql sql = where(EntityType.THING, "name eq 'x'' or 1=1 --'");
        assertThat(sql.text()).isEqualTo("(a.code = CAST(? AS VARCHAR))");
        assertThat(sql.parameters()).containsExactly("x' or 1=1 --");
        Sql numbers = where(EntityType.OBSERVATION, "result gt 5 and parameters/source eq 'hj212''; DROP TABLE readings'");
        assertThat(numbers.text()).isEqualTo("((a.result_value > CAST(? AS BIGINT)) AND (a.source = CAST(? AS VARCHAR)))");
        assertThat(numbers.parameters()).containsExactly(5L, "hj212'; DROP TABLE readings");
        assertThat(numbers.text()).doesNotContain("DROP");
    }

    @Test
    void namesComeOnlyFromTheMapping() {
        assertThatThrownBy(() -> where(EntityType.THING, "code eq 'x'")).isInstanceOf(StaQueryException.class)
                .hasMessage("$filter, character 1: unknown property code (Thing has no such property)");
        assertThatThrownBy(() -> where(EntityType.THING, "properties/x; DROP TABLE wells eq 1")).isInstanceOf(StaQueryException.class);
        assertThatThrownBy(() -> where(EntityType.DATASTREAM, "phenomenonTime/start gt now()")).isInstanceOf(StaQueryException.class)
                .hasMessageContaining("unknown property");
    }

    @Test
    void timesAreBoundAsUtcAndDurationsFoldedOrAddedByDialect() {
        Sql folded = where(EntityType.OBSERVATION, "phenomenonTime ge now() sub duration'P1D'");
        assertThat(folded.text()).isEqualTo("(a.phenomenon_time >= ?)");
        assertThat(folded.parameters()).containsExactly(OffsetDateTime.parse("2025-11-09T00:00:00Z"));
        assertThat(where(StaDialect.POSTGIS, EntityType.OBSERVATION, "phenomenonTime add duration'PT1H' gt parameters/receivedTime").text())
                .isEqualTo("((a.phenomenon_time + ? * INTERVAL '1 millisecond') > a.received_time)");
        assertThat(where(StaDialect.H2GIS, EntityType.OBSERVATION, "phenomenonTime add duration'PT1H' gt parameters/receivedTime").text())
                .isEqualTo("(DATEADD(MILLISECOND, ?, a.phenomenon_time) > a.received_time)");
        assertThat(where(EntityType.OBSERVATION, "year(phenomenonTime) eq 2025").text())
                .isEqualTo("(FLOOR(EXTRACT(YEAR FROM (a.phenomenon_time AT TIME ZONE 'UTC'))) = CAST(? AS BIGINT))");
        assertThat(where(EntityType.OBSERVATION, "phenomenonTime ge 2025-11-01").parameters())
                .containsExactly(OffsetDateTime.parse("2025-11-01T00:00:00Z"));
    }

    @Test
    void functionsMapToSqlBothDatabasesUnderstand() {
        assertThat(where(StaDialect.POSTGIS, EntityType.THING, "substringof('U0', name)").text()).isEqualTo("(STRPOS(a.code, CAST(? AS VARCHAR)) > 0)");
        assertThat(where(StaDialect.H2GIS, EntityType.THING, "substringof('U0', name)").text()).isEqualTo("(LOCATE(CAST(? AS VARCHAR), a.code) > 0)");
        assertThat(where(EntityType.THING, "substring(name, 1, 2) eq 'W-'").text())
                .isEqualTo("(SUBSTRING(a.code FROM CAST(CAST(? AS BIGINT) + 1 AS INTEGER) FOR CAST(CAST(? AS BIGINT) AS INTEGER)) = CAST(? AS VARCHAR))");
        Sql geo = where(EntityType.LOCATION, "geo.intersects(location, geography'POINT(121 32)')");
        assertThat(geo.text()).isEqualTo("ST_Intersects(a.location, ST_GeomFromWKB(?, 4490))");
        assertThat(geo.parameters().get(0)).isInstanceOf(byte[].class);
        assertThat(where(EntityType.LOCATION, "st_relate(location, geography'POINT(1 1)', 'T********')").text())
                .isEqualTo("ST_Relate(a.location, ST_GeomFromWKB(?, 4490), CAST(? AS VARCHAR))");
        assertThatThrownBy(() -> where(EntityType.LOCATION, "st_relate(location, location, Things/name)")).isInstanceOf(StaQueryException.class)
                .hasMessageContaining("DE-9IM pattern");
        assertThatThrownBy(() -> where(EntityType.LOCATION, "st_relate(location, location, 'GW-C01')")).isInstanceOf(StaQueryException.class);
        assertThat(where(EntityType.OBSERVATION, "result mod 2 eq 1").text())
                .isEqualTo("(MOD(CAST(a.result_value AS DECIMAL(38, 10)), CAST(CAST(? AS BIGINT) AS DECIMAL(38, 10))) = CAST(? AS BIGINT))");
        assertThat(where(EntityType.THING, "properties/status eq null").text()).isEqualTo("(a.status IS NULL)");
    }

    @Test
    void navigationPathsBecomeExistsOverTheRelations() {
        Sql sql = where(EntityType.OBSERVATION, "Datastream/ObservedProperty/name eq 'pH'");
        assertThat(sql.text()).startsWith("EXISTS (SELECT 1 FROM ").contains("e0.id = a.datastream_id", "e1.id = e0.parameter_id",
                "(e1.name_en = CAST(? AS VARCHAR))");
        assertThat(sql.parameters()).containsExactly("pH");
        Sql twice = where(EntityType.OBSERVATION, "Datastream/name eq 'a' or Datastream/name eq 'b'");
        assertThat(twice.text()).contains(" OR ");
        Sql sameJoin = where(EntityType.OBSERVATION, "Datastream/name eq Datastream/properties/parameter");
        assertThat(sameJoin.text()).contains(") e0 WHERE").doesNotContain("e1");
    }

    @Test
    void typeErrorsAreBadRequests() {
        assertThatThrownBy(() -> where(EntityType.THING, "name gt 5")).hasMessageContaining("gt cannot compare string with number");
        assertThatThrownBy(() -> where(EntityType.THING, "length(5) eq 1")).hasMessageContaining("length needs string as argument 1");
        assertThatThrownBy(() -> where(EntityType.THING, "name")).hasMessageContaining("must be a condition");
        assertThatThrownBy(() -> where(EntityType.THING, "frobnicate(name)")).hasMessageContaining("unknown function frobnicate");
        assertThatThrownBy(() -> where(EntityType.THING, "Datastreams eq 1")).hasMessageContaining("navigation property, not a value");
        assertThatThrownBy(() -> where(EntityType.OBSERVATION, "phenomenonTime add 1 gt now()")).hasMessageContaining("duration literal");
        assertThatThrownBy(() -> where(EntityType.THING, "name gt null")).hasMessageContaining("eq or ne");
    }

    @Test
    void withheldPropertiesAreUnknownAndRowRestrictionsBound() {
        Disclosure withheld = new Disclosure(true, java.util.Set.of("properties"), java.util.Map.of("name", java.util.Set.of("GW-U01")), 0);
        QueryContext context = new QueryContext(StaDialect.H2GIS, t -> t == EntityType.THING ? withheld : Disclosure.full(), NOW);
        assertThatThrownBy(() -> new ExpressionCompiler(context).predicate("$filter",
                ExpressionParser.parse("$filter", "properties/park eq 'HBDP'"), "a", EntityType.THING)).hasMessageContaining("unknown property");
        Sql rows = context.rowConditions(EntityType.THING, "a");
        assertThat(rows.text()).isEqualTo("CAST(a.code AS VARCHAR(200)) IN (?)");
        assertThat(rows.parameters()).containsExactly("GW-U01");
        Sql viaPath = new ExpressionCompiler(context).predicate("$filter", ExpressionParser.parse("$filter", "Thing/name eq 'x'"), "a",
                EntityType.DATASTREAM);
        assertThat(viaPath.text()).contains("CAST(e0.code AS VARCHAR(200)) IN (?)");
    }
}
