package org.groundwatergateway.ogc.wms;

import java.awt.Color;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.ogc.feature.DisclosedType;
import org.groundwatergateway.ogc.feature.Feature;
import org.groundwatergateway.ogc.filter.Filter;

/**
 * The source-probability heat map of one parameter in one aquifer (issue #21): each candidate coloured by its probability
 * of being a new release the wells see, the most probable drawn on top, from the incident's trace whose window ended last by TIME (by
 * now without one).
 *
 * @param stored what the stored heat maps are at: part of the cached image's key, since an analysis writes them without
 *     new readings
 * @param traced the ends of its traced windows the viewer is shown, oldest first (none where it is not shown when; a trace
 *     that found no candidate has no row to show): the instants from which each trace's heat map is the one shown,
 *     advertised as the layer's times
 */
record SourceProbabilityLayer(DisclosedType source, Parameter parameter, String aquifer, String stored, List<Instant> traced)
        implements ParameterLayer {

    SourceProbabilityLayer {
        traced = List.copyOf(traced);
    }

    /** Classes of the probability itself (YlOrRd, as the portal's trace map), so that one legend reads every map. */
    static final Symbolizer LIKELY = Symbolizer.area(new Color(128, 0, 38, 190), null, 0);
    static final Symbolizer POSSIBLE = Symbolizer.area(new Color(240, 59, 32, 190), null, 0);
    static final Symbolizer WEAK = Symbolizer.area(new Color(254, 178, 76, 190), null, 0);
    static final Symbolizer FAINT = Symbolizer.area(new Color(255, 237, 160, 150), null, 0);

    @Override
    public String prefix() {
        return "source_probabilities.";
    }

    @Override
    public String name() {
        return ParameterLayer.super.name() + "." + aquifer;
    }

    /** The traces' window ends, the latest by default (what a request without TIME shows); any instant from the first reading on where they are not shown. */
    @Override
    public TimeDimension timeDimension(Instant firstTime) {
        if (traced.isEmpty()) return ParameterLayer.super.timeDimension(firstTime);
        return new TimeDimension(String.join(",", traced.stream().map(Instant::toString).toList()), traced.get(traced.size() - 1).toString());
    }

    @Override
    public String title() {
        return parameter.nameZh() + "溯源概率 (" + aquifer + ") " + parameter.nameEn() + " source probability (" + aquifer + ")";
    }

    @Override
    public String abstractText() {
        return "Each candidate source's posterior probability of being a new " + parameter.nameEn() + " release in aquifer " + aquifer
                + " that the wells see, from the incident analysis's source trace whose window ended last by TIME (by now without one).";
    }

    @Override
    public Filter filter() {
        return Filter.and(ParameterLayer.super.filter(), new Filter.Comparison(Filter.ComparisonOperator.EQUAL_TO, "aquifer", aquifer, true));
    }

    /** Without TIME, the heat maps current now, as plumes. */
    @Override
    public Instant asOf(Instant time) {
        return time != null ? time : Instant.now();
    }

    @Override
    public void paint(MapCanvas canvas, List<Feature> features) {
        features.stream().sorted(Comparator.comparingDouble(SourceProbabilityLayer::probability))
                .forEach(cell -> symbol(probability(cell)).draw(canvas, cell.geometry()));
    }

    @Override
    public List<LegendEntry> legend() {
        return List.of(new LegendEntry("≥ 50% 很可能 likely", LIKELY), new LegendEntry("20–50% 可能 possible", POSSIBLE),
                new LegendEntry("5–20% 较小 weak", WEAK), new LegendEntry("< 5% 微小 faint", FAINT));
    }

    static Symbolizer symbol(double probability) {
        return probability >= 0.5 ? LIKELY : probability >= 0.2 ? POSSIBLE : probability >= 0.05 ? WEAK : FAINT;
    }

    /** A cell's probability; 0 where the viewer is not shown it. */
    private static double probability(Feature cell) {
        return cell.properties().get("probability") instanceof Number p ? p.doubleValue() : 0;
    }
}
