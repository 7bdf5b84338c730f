package org.groundwatergateway.ogc.wfs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.groundwatergateway.core.io.CsvField;
import org.groundwatergateway.ogc.feature.FeatureProperty;
import org.locationtech.jts.io.WKTWriter;

/**
 * CSV (RFC 4180) with a header row: the feature id, the properties, then the geometry as WKT in x/y order —
 * what spreadsheet users and GDAL's CSV driver ({@code GEOM_POSSIBLE_NAMES=WKT}) read. One feature type per
 * request, since rows share the header.
 */
public final class CsvOutput implements FeatureOutputFormat {

    @Override
    public List<String> names() {
        return List.of("text/csv", "csv");
    }

    @Override
    public String contentType() {
        return "text/csv; charset=UTF-8";
    }

    /** One header row names one type's columns. */
    @Override
    public boolean singleType() {
        return true;
    }

    @Override
    public void write(FeatureCollectionResult result, OutputStream out) throws IOException {
        List<FeatureProperty> properties = result.parts().get(0).properties();
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write("\uFEFF"); // so spreadsheet programs read the Chinese names as UTF-8
        StringBuilder header = new StringBuilder("fid");
        for (FeatureProperty property : properties) header.append(',').append(property.name());
        writer.write(header.append(",WKT\r\n").toString());
        WKTWriter wkt = new WKTWriter();
        wkt.setMaxCoordinatesPerLine(Integer.MAX_VALUE);
        try {
            result.forEach((part, feature) -> {
                StringBuilder row = new StringBuilder(CsvField.of(part.layer().name() + "." + feature.id()));
                for (FeatureProperty property : properties) {
                    Object value = feature.properties().get(property.name());
                    row.append(',').append(value == null ? "" : CsvField.of(Values.text(value)));
                }
                row.append(',').append(CsvField.of(wkt.write(feature.geometry()))).append("\r\n");
                try {
                    writer.write(row.toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }
}
