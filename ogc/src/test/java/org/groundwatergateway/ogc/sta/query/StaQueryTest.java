package org.groundwatergateway.ogc.sta.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.groundwatergateway.ogc.sta.model.EntityType;
import org.groundwatergateway.ogc.sta.model.ValueType;
import org.groundwatergateway.ogc.sta.query.Expression.Binary;
import org.groundwatergateway.ogc.sta.query.Expression.FunctionCall;
import org.groundwatergateway.ogc.sta.query.Expression.Literal;
import org.groundwatergateway.ogc.sta.query.Expression.Negate;
import org.groundwatergateway.ogc.sta.query.Expression.Not;
import org.groundwatergateway.ogc.sta.query.Expression.Operator;
import org.groundwatergateway.ogc.sta.query.Expression.PropertyPath;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;

/** The URL parser: resource paths, every query option, the expression grammar and its errors. */
class StaQueryTest {

    /** The longest query option these tests let through. */
    private static final int LIMIT = 1000;

    private static StaQuery parse(String path, String options) {
        StringBuilder raw = new StringBuilder();
        for (String option : options.split("&(?=\\$)")) {
            if (option.isEmpty()) continue;
            int eq = option.indexOf('=');
            if (raw.length() > 0) raw.append('&');
            raw.append(option, 0, eq + 1).append(URLEncoder.encode(option.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return StaQuery.parse(path, raw.toString(), LIMIT);
    }

    private static Expression filter(String text) {
        return ExpressionParser.parse("$filter", text);
    }

    @Test
    void resourcePathsNameSetsEntitiesNavigationPropertiesAndValues() {
        ResourcePath path = ResourcePath.parse("/Observations(5)/Datastream/Thing");
        assertThat(path.segments()).extracting(ResourcePath.Segment::type)
                .containsExactly(EntityType.OBSERVATION, EntityType.DATASTREAM, EntityType.THING);
        assertThat(path.segments().get(0).id()).isEqualTo(5);
        assertThat(path.collection()).isFalse();
        assertThat(ResourcePath.parse("/Datastreams(1)/Observations").collection()).isTrue();
        ResourcePath value = ResourcePath.parse("/Things(-1)/name/$value");
        assertThat(value.last().id()).isEqualTo(-1);
        assertThat(value.property()).isEqualTo("name");
        assertThat(value.value()).isTrue();
        assertThat(ResourcePath.parse("/Things(1)/Datastreams/$ref").ref()).isTrue();
        assertThat(ResourcePath.parse("/")).isNull();
        assertThatThrownBy(() -> ResourcePath.parse("/Wells")).isInstanceOf(StaNotFoundException.class).hasMessageContaining("Wells");
        assertThatThrownBy(() -> ResourcePath.parse("/Things/Datastreams")).isInstanceOf(StaNotFoundException.class)
                .hasMessageContaining("name one entity");
        assertThatThrownBy(() -> ResourcePath.parse("/Things('a')")).isInstanceOf(StaNotFoundException.class);
        assertThatThrownBy(() -> ResourcePath.parse("/Observations(1)/Datastream(2)")).isInstanceOf(StaNotFoundException.class);
    }

    @Test
    void everyQueryOptionIsRead() {
        QueryOptions o = parse("/Things", "$filter=name eq 'GW-U04'&$expand=Datastreams&$select=name,@iot.id&$orderby=name desc,id"
                + "&$top=7&$skip=14&$count=true").options();
        assertThat(o.filter()).isInstanceOf(Binary.class);
        assertThat(o.expand()).extracting(Expand::navigation).containsExactly("Datastreams");
        assertThat(o.select()).containsExactly("name", "id");
        assertThat(o.orderBy()).extracting(OrderBy::descending).containsExactly(true, false);
        assertThat(o.top()).isEqualTo(7);
        assertThat(o.skip()).isEqualTo(14);
        assertThat(o.count()).isTrue();
        assertThat(parse("/Things", "").options()).isEqualTo(QueryOptions.NONE);
        assertThat(StaQuery.parse("/Things", "apikey=1&$top=2", LIMIT).options().top()).isEqualTo(2);
    }

    @Test
    void expandsNestWithTheirOwnOptionsAndSlashPathsMerge() {
        QueryOptions o = parse("/Things", "$expand=Datastreams($filter=name eq 'a;b' or name eq 'c(d)';$top=3;"
                + "$expand=Observations($top=2;$orderby=phenomenonTime desc;$expand=FeatureOfInterest($select=name))),Locations").options();
        Expand datastreams = o.expand().get(0);
        assertThat(datastreams.options().top()).isEqualTo(3);
        assertThat(datastreams.options().filter()).isInstanceOf(Binary.class);
        Expand observations = datastreams.options().expand().get(0);
        assertThat(observations.options().top()).isEqualTo(2);
        assertThat(observations.options().orderBy().get(0).descending()).isTrue();
        assertThat(observations.options().expand().get(0).options().select()).containsExactly("name");
        assertThat(o.expand().get(1).navigation()).isEqualTo("Locations");

        QueryOptions merged = parse("/Things", "$expand=Datastreams($top=1),Datastreams/Observations,Datastreams/Sensor").options();
        assertThat(merged.expand()).hasSize(1);
        assertThat(merged.expand().get(0).options().top()).isEqualTo(1);
        assertThat(merged.expand().get(0).options().expand()).extracting(Expand::navigation).containsExactly("Observations", "Sensor");
    }

    @Test
    void precedenceIsOrThenAndThenNotThenComparisonThenAdditiveThenMultiplicative() {
        Binary or = (Binary) filter("a eq 1 or b eq 2 and not c eq 3");
        assertThat(or.operator()).isEqualTo(Operator.OR);
        Binary and = (Binary) or.right();
        assertThat(and.operator()).isEqualTo(Operator.AND);
        assertThat(and.right()).isInstanceOf(Not.class);
        assertThat(((Binary) ((Not) and.right()).operand()).operator()).isEqualTo(Operator.EQ);

        Binary comparison = (Binary) filter("result add 2 mul 3 sub 1 gt 4 mod 3");
        assertThat(comparison.operator()).isEqualTo(Operator.GT);
        Binary sub = (Binary) comparison.left();
        assertThat(sub.operator()).isEqualTo(Operator.SUB);
        Binary add = (Binary) sub.left();
        assertThat(add.operator()).isEqualTo(Operator.ADD);
        assertThat(((Binary) add.right()).operator()).isEqualTo(Operator.MUL);
        assertThat(((Binary) comparison.right()).operator()).isEqualTo(Operator.MOD);

        Binary grouped = (Binary) filter("(a eq 1 or b eq 2) and c eq 3");
        assertThat(grouped.operator()).isEqualTo(Operator.AND);
        assertThat(((Binary) grouped.left()).operator()).isEqualTo(Operator.OR);
        assertThat(filter("-result lt -1.5")).isInstanceOfSatisfying(Binary.class, b -> {
            assertThat(b.left()).isInstanceOf(Negate.class);
            assertThat(((Literal) b.right()).value()).isEqualTo(-1.5);
        });
    }

    @Test
    void literalsOfEveryKind() {
        Binary b = (Binary) filter("name eq 'it''s'");
        assertThat(((Literal) b.right()).value()).isEqualTo("it's");
        assertThat(((Literal) ((Binary) filter("x eq 12")).right()).value()).isEqualTo(12L);
        assertThat(((Literal) ((Binary) filter("x eq 1.5e3")).right()).value()).isEqualTo(1500.0);
        assertThat(((Literal) ((Binary) filter("x eq true")).right()).type()).isEqualTo(ValueType.BOOLEAN);
        assertThat(((Literal) ((Binary) filter("x eq null")).right()).type()).isEqualTo(ValueType.NULL);
        assertThat(((Literal) ((Binary) filter("phenomenonTime gt 2025-11-01T08:00:00+08:00")).right()).value())
                .isEqualTo(Instant.parse("2025-11-01T00:00:00Z"));
        // A '+' left unencoded in a URL arrives as a space.
        assertThat(((Literal) ((Binary) filter("phenomenonTime gt 2025-11-01T08:00:00 08:00")).right()).value())
                .isEqualTo(Instant.parse("2025-11-01T00:00:00Z"));
        assertThat(((Literal) ((Binary) filter("d eq 2025-11-01")).right()).value()).isEqualTo(LocalDate.of(2025, 11, 1));
        assertThat(((Literal) ((Binary) filter("t eq 08:30:00")).right()).type()).isEqualTo(ValueType.TIME);
        Binary moved = (Binary) filter("phenomenonTime gt now() sub duration'P1DT2H'");
        assertThat(((Literal) ((Binary) moved.right()).right()).value()).isEqualTo(Duration.ofHours(26));
        FunctionCall within = (FunctionCall) filter("st_within(Thing/Locations/location, geography'SRID=4326;POLYGON((0 0, 1 0, 1 1, 0 0))')");
        assertThat(within.arguments().get(0)).isInstanceOfSatisfying(PropertyPath.class,
                p -> assertThat(p.segments()).containsExactly("Thing", "Locations", "location"));
        assertThat(((Literal) within.arguments().get(1)).value()).isInstanceOf(Polygon.class);
        assertThat(((FunctionCall) filter("geo.intersects(location, geometry'POINT(1 2)')")).name()).isEqualTo("geo.intersects");
        assertThat(((FunctionCall) filter("substringof('a', name)")).arguments()).hasSize(2);
    }

    @Test
    void errorsNameTheOptionAndThePosition() {
        assertThatThrownBy(() -> filter("name eq 'x' and (")).isInstanceOf(StaQueryException.class)
                .hasMessage("$filter, character 18: expected a value, property or function but found the end");
        assertThatThrownBy(() -> filter("name eq 'x")).hasMessage("$filter, character 9: string not closed with '");
        assertThatThrownBy(() -> filter("name eq 'x')")).hasMessageContaining("character 12").hasMessageContaining("end of the expression");
        assertThatThrownBy(() -> filter("result gt 2025-13-45T00:00:00Z")).hasMessageContaining("character 11");
        assertThatThrownBy(() -> filter("a eq duration'P1M'")).hasMessageContaining("duration");
        assertThatThrownBy(() -> filter("geo.intersects(location, geography'POINT(1')")).hasMessageContaining("well-known text");
        assertThatThrownBy(() -> filter("name eq #")).hasMessage("$filter, character 9: unexpected character '#'");
        assertThatThrownBy(() -> filter("f(a,")).hasMessageContaining("character 5");
        assertThatThrownBy(() -> ExpressionParser.parseOrderBy("$orderby", "name sideways")).hasMessageContaining("character 6");
        assertThatThrownBy(() -> parse("/Things", "$top=x")).hasMessageContaining("$top");
        assertThatThrownBy(() -> parse("/Things", "$count=yes")).hasMessageContaining("$count");
        assertThatThrownBy(() -> parse("/Things", "$expand=Datastreams($top=1")).hasMessageContaining("'(' without ')'");
        assertThatThrownBy(() -> parse("/Things", "$expand=Datastreams,Datastreams")).hasMessageContaining("twice");
        assertThatThrownBy(() -> parse("/Things", "$select=na me")).hasMessageContaining("$select");
        assertThatThrownBy(() -> StaQuery.parse("/Things", "$top=1&$top=2", LIMIT)).hasMessageContaining("given twice");
        assertThatThrownBy(() -> StaQuery.parse("/Things", "$filter=%ZZ", LIMIT)).hasMessageContaining("percent-encoding");
        assertThatThrownBy(() -> parse("/Things", "$levels=2")).hasMessageContaining("unknown query option $levels");
    }

    @Test
    void aQueryOptionLongerThanTheLimitIsRefusedNamingTheSetting() {
        String longest = "name eq '" + "x".repeat(LIMIT - 10) + "'";
        assertThat(parse("/Things", "$filter=" + longest).options().filter()).isNotNull();
        assertThatThrownBy(() -> parse("/Things", "$filter=" + longest + " "))
                .hasMessage("$filter is 1001 characters long; at most 1000 are read (gw.sta.max-filter-length)");
        // A $filter nested in $expand counts with the $expand that holds it.
        assertThatThrownBy(() -> parse("/Things", "$expand=Datastreams($filter=" + longest + ")")).hasMessageContaining("$expand is 1021 characters");
    }

    @Test
    void orderByItemsAreExpressions() {
        List<OrderBy> items = ExpressionParser.parseOrderBy("$orderby", "Datastream/name asc, result mul 2 desc, phenomenonTime");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).expression()).isInstanceOf(PropertyPath.class);
        assertThat(items.get(1).expression()).isInstanceOf(Binary.class);
        assertThat(items.get(1).descending()).isTrue();
        assertThat(items.get(2).descending()).isFalse();
    }
}
