package org.groundwatergateway.ogc.wms;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.groundwatergateway.ogc.feature.DisclosedType;
import org.groundwatergateway.ogc.feature.Feature;
import org.groundwatergateway.ogc.filter.Filter;

/** A feature type drawn feature by feature, each with the symbol its style picks. */
record FeatureTypeLayer(DisclosedType source, Function<Feature, Symbolizer> style, List<LegendEntry> legend, boolean timeAware)
        implements MapLayer {

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public String title() {
        return source.type().titleZh() + " " + source.type().titleEn();
    }

    @Override
    public String abstractText() {
        return source.type().abstractText();
    }

    /** A time-aware feature type (plumes) lists every time without an instant, so the map takes the current one. */
    @Override
    public Instant asOf(Instant time) {
        return timeAware ? (time != null ? time : Instant.now()) : null;
    }

    @Override
    public Filter filter() {
        return Filter.INCLUDE;
    }

    @Override
    public void paint(MapCanvas canvas, List<Feature> features) {
        for (Feature feature : features) style.apply(feature).draw(canvas, feature.geometry());
    }
}
