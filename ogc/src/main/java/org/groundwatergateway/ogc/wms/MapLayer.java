package org.groundwatergateway.ogc.wms;

import java.time.Instant;
import java.util.List;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.ogc.feature.DisclosedType;
import org.groundwatergateway.ogc.feature.Feature;
import org.groundwatergateway.ogc.feature.FeatureQuery;
import org.groundwatergateway.ogc.feature.FeatureStore;
import org.groundwatergateway.ogc.filter.Filter;
import org.locationtech.jts.geom.Envelope;

/**
 * A WMS layer: which features it draws (a disclosed feature type, narrowed by a filter), how, and its legend.
 * Layers read features only through the disclosed type, so the map shows what the viewer's policy allows and
 * nothing else.
 */
interface MapLayer {

    String name();

    String title();

    String abstractText();

    DisclosedType source();

    /** Narrows the source, e.g. to one parameter's readings. */
    Filter filter();

    /** What to read for a map whose view (with a margin for symbols) is {@code inView}: only what can show in it. */
    default Filter filter(Filter inView) {
        return Filter.and(filter(), inView);
    }

    /** Whether TIME changes what the layer shows. */
    boolean timeAware();

    /**
     * The instant the layer's features are read at for a request's TIME (null when the request has none). Readings
     * layers show their latest values without a TIME; plumes show the outlines current now.
     */
    default Instant asOf(Instant time) {
        return timeAware() ? time : null;
    }

    /** What {@link #paint} draws for a map whose view (with a margin) is {@code inView}, at the request's TIME (or null). */
    default List<Feature> read(FeatureStore store, Filter inView, Instant time, int maxCount) {
        return store.list(FeatureQuery.all(source(), filter(inView), asOf(time), maxCount));
    }

    /** What GetFeatureInfo answers for a click whose tolerance box, in stored longitude/latitude, is {@code around}. */
    default List<Feature> featuresAt(FeatureStore store, Envelope around, Instant time, int count) {
        Filter near = new Filter.Spatial(Filter.SpatialOperator.INTERSECTS, Cgcs2000.GEOMETRY_FACTORY.toGeometry(around));
        return store.list(FeatureQuery.all(source(), Filter.and(filter(), near), asOf(time), count));
    }

    /**
     * What the layer's data is at where it changes without new readings (which move every cached image on), so that an
     * image drawn before a change is not served after; null where only readings change it.
     */
    default Object stored() {
        return null;
    }

    /**
     * The time dimension the capabilities advertise where the layer is {@link #timeAware()}: by default any instant from
     * the first reading on, hourly, now without a TIME.
     */
    default TimeDimension timeDimension(Instant firstTime) {
        return new TimeDimension(firstTime + "/current/PT1H", "current");
    }

    void paint(MapCanvas canvas, List<Feature> features);

    List<LegendEntry> legend();

    record LegendEntry(String label, Symbolizer symbol) {}

    /** A WMS 1.3.0 time dimension (Annex C): its extent (instants, or start/end/resolution) and its default value. */
    record TimeDimension(String extent, String defaultValue) {}
}
