package org.groundwatergateway.ogc.fes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.groundwatergateway.ogc.crs.CoordinateReferenceSystems;
import org.groundwatergateway.ogc.filter.Filter;
import org.groundwatergateway.ogc.filter.FilterException;
import org.groundwatergateway.ogc.xml.AxisOrder;
import org.groundwatergateway.ogc.xml.GmlGeometryReader;
import org.groundwatergateway.ogc.xml.SafeXml;
import org.junit.jupiter.api.Test;

class FesFilterReaderTest {

    private static final String FES = "xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\"";
    private final FesFilterReader reader = new FesFilterReader(new GmlGeometryReader(AxisOrder.official(CoordinateReferenceSystems.storage())));

    private Filter read(String body) {
        return reader.read(SafeXml.parse("<fes:Filter " + FES + ">" + body + "</fes:Filter>").getDocumentElement());
    }

    @Test
    void logicalComparisonBetweenNullAndLikeOperators() {
        Filter filter = read("<fes:Or><fes:Not><fes:PropertyIsNull><fes:ValueReference>gw:status</fes:ValueReference></fes:PropertyIsNull></fes:Not>"
                + "<fes:PropertyIsBetween><fes:ValueReference>screen_top_depth_m</fes:ValueReference>"
                + "<fes:LowerBoundary><fes:Literal>20</fes:Literal></fes:LowerBoundary><fes:UpperBoundary><fes:Literal>40</fes:Literal></fes:UpperBoundary>"
                + "</fes:PropertyIsBetween><fes:PropertyIsGreaterThanOrEqualTo matchCase=\"false\"><fes:ValueReference>code</fes:ValueReference>"
                + "<fes:Literal>GW-C</fes:Literal></fes:PropertyIsGreaterThanOrEqualTo>"
                + "<fes:PropertyIsLike wildCard=\"%\" singleChar=\"_\" escapeChar=\"!\"><fes:ValueReference>name_zh</fes:ValueReference>"
                + "<fes:Literal>%井</fes:Literal></fes:PropertyIsLike></fes:Or>");
        assertThat(filter).isEqualTo(new Filter.Or(List.of(
                new Filter.Not(new Filter.IsNull("status")),
                new Filter.Between("screen_top_depth_m", "20", "40"),
                new Filter.Comparison(Filter.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO, "code", "GW-C", false),
                new Filter.Like("name_zh", "%井", '%', '_', '!', true))));
    }

    /** GML's own properties and the feature id are named as such, whatever prefix the request binds to GML. */
    @Test
    void gmlStandardPropertiesAndTheFeatureIdAreValueReferences() {
        assertThat(read("<fes:PropertyIsNull><fes:ValueReference>gml:name</fes:ValueReference></fes:PropertyIsNull>"))
                .isEqualTo(new Filter.IsNull("gml:name"));
        assertThat(read("<fes:PropertyIsNull><fes:ValueReference xmlns:g=\"http://www.opengis.net/gml/3.2\">g:boundedBy</fes:ValueReference>"
                + "</fes:PropertyIsNull>")).isEqualTo(new Filter.IsNull("gml:boundedBy"));
        assertThat(read("<fes:PropertyIsEqualTo><fes:ValueReference>@gml:id</fes:ValueReference><fes:Literal>wells.3</fes:Literal>"
                + "</fes:PropertyIsEqualTo>")).isEqualTo(new Filter.Comparison(Filter.ComparisonOperator.EQUAL_TO, Filter.GML_ID, "wells.3", true));
        assertThat(read("<fes:PropertyIsNull><fes:ValueReference>gw:status[1]</fes:ValueReference></fes:PropertyIsNull>"))
                .isEqualTo(new Filter.IsNull("status"));
        assertThatThrownBy(() -> read("<fes:PropertyIsNull><fes:ValueReference>status[2]</fes:ValueReference></fes:PropertyIsNull>"))
                .isInstanceOf(FilterException.class).hasMessageContaining("[1]");
        // The type's own properties keep their local name under any other prefix.
        assertThat(read("<fes:PropertyIsNull><fes:ValueReference>gw:name_zh</fes:ValueReference></fes:PropertyIsNull>"))
                .isEqualTo(new Filter.IsNull("name_zh"));
        assertThatThrownBy(() -> read("<fes:PropertyIsNull><fes:ValueReference>@code</fes:ValueReference></fes:PropertyIsNull>"))
                .isInstanceOf(FilterException.class).hasMessageContaining("@gml:id");
    }

    @Test
    void spatialOperatorsReadGmlInTheAxisOrderOfTheirSrsName() {
        Filter.Spatial within = (Filter.Spatial) read("<fes:Within><fes:ValueReference>geom</fes:ValueReference>"
                + "<gml:Polygon srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:exterior><gml:LinearRing><gml:posList>"
                + "32.5 121.0 32.5 121.1 32.6 121.1 32.6 121.0 32.5 121.0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></fes:Within>");
        assertThat(within.operator()).isEqualTo(Filter.SpatialOperator.WITHIN);
        assertThat(within.geometry().getEnvelopeInternal().getMinX()).isEqualTo(121.0);
        assertThat(within.geometry().getEnvelopeInternal().getMinY()).isEqualTo(32.5);

        Filter.Distance distance = (Filter.Distance) read("<fes:DWithin><fes:ValueReference>geom</fes:ValueReference>"
                + "<gml:Point srsName=\"EPSG:4326\"><gml:pos>121.0 32.5</gml:pos></gml:Point><fes:Distance uom=\"km\">1.5</fes:Distance></fes:DWithin>");
        assertThat(distance.metres()).isEqualTo(1500);
        assertThat(distance.geometry().getCoordinate().x).isEqualTo(121.0);

        // A Gauss-Krueger envelope (northing first) arrives in longitude/latitude.
        Filter.Spatial gk = (Filter.Spatial) read("<fes:BBOX><gml:Envelope srsName=\"urn:ogc:def:crs:EPSG::4549\">"
                + "<gml:lowerCorner>3602000 593800</gml:lowerCorner><gml:upperCorner>3602400 594100</gml:upperCorner></gml:Envelope></fes:BBOX>");
        assertThat(gk.geometry().getEnvelopeInternal().centre().x).isCloseTo(121.0, within(0.01));
        assertThat(gk.geometry().getEnvelopeInternal().centre().y).isCloseTo(32.54, within(0.01));
    }

    @Test
    void resourceIdsAndRefusals() {
        assertThat(read("<fes:ResourceId rid=\"wells.1\"/><fes:ResourceId rid=\"wells.2\"/>"))
                .isEqualTo(new Filter.ResourceIds(List.of("wells.1", "wells.2")));
        assertThatThrownBy(() -> read("<fes:PropertyIsEqualTo><fes:ValueReference>wells[1]/code | //*</fes:ValueReference>"
                + "<fes:Literal>x</fes:Literal></fes:PropertyIsEqualTo>"))
                .isInstanceOf(FilterException.class).hasMessageContaining("is not a property name");
        assertThatThrownBy(() -> read("<fes:PropertyIsEqualTo><fes:Function name=\"exec\"/><fes:Literal>x</fes:Literal></fes:PropertyIsEqualTo>"))
                .isInstanceOf(FilterException.class);
        assertThatThrownBy(() -> read("<fes:Intersects><fes:ValueReference>code</fes:ValueReference><gml:Point><gml:pos>1 2</gml:pos></gml:Point></fes:Intersects>"))
                .isInstanceOf(FilterException.class).hasMessageContaining("geometry property");
        assertThatThrownBy(() -> read("<fes:DWithin><gml:Point><gml:pos>32 121</gml:pos></gml:Point><fes:Distance uom=\"parsec\">1</fes:Distance></fes:DWithin>"))
                .isInstanceOf(FilterException.class).hasMessageContaining("parsec");
        assertThatThrownBy(() -> read("<fes:Evaluate/>")).isInstanceOf(FilterException.class).hasMessageContaining("Unsupported filter operator");
    }
}
