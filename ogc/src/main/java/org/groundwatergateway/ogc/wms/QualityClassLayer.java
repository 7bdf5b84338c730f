package org.groundwatergateway.ogc.wms;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.ogc.feature.DisclosedType;
import org.groundwatergateway.ogc.feature.Feature;

/** Wells coloured by the GB/T 14848 class of their latest value of one parameter (or the latest at TIME). */
record QualityClassLayer(DisclosedType source, Parameter parameter) implements ParameterLayer {

    private static final double RADIUS = 6;

    @Override
    public String prefix() {
        return "quality_class.";
    }

    @Override
    public String title() {
        return parameter.nameZh() + "水质类别 " + parameter.nameEn() + " quality class";
    }

    @Override
    public String abstractText() {
        return "Monitoring wells coloured by the GB/T 14848-2017 class of their latest " + parameter.nameEn() + " value.";
    }

    @Override
    public void paint(MapCanvas canvas, List<Feature> features) {
        for (Feature feature : features) {
            Symbolizer.point(QualityClassColours.of((Long) feature.properties().get("gbt14848_class")), Color.DARK_GRAY, RADIUS)
                    .draw(canvas, feature.geometry());
        }
    }

    @Override
    public List<LegendEntry> legend() {
        List<LegendEntry> entries = new ArrayList<>();
        for (int c = 1; c <= 5; c++) {
            entries.add(new LegendEntry(QualityClassColours.NAMES[c - 1] + bound(c), Symbolizer.point(QualityClassColours.CLASS[c - 1], Color.DARK_GRAY, RADIUS)));
        }
        return entries;
    }

    private String bound(int qualityClass) {
        if (parameter.classLimits() == null || qualityClass == 5) return "";
        Double upper = parameter.classLimits().bounds(qualityClass).upper();
        return upper == null ? "" : " ≤ " + upper + " " + parameter.unit();
    }
}
