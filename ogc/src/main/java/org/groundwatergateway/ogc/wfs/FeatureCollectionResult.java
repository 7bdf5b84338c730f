package org.groundwatergateway.ogc.wfs;

import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import org.groundwatergateway.ogc.crs.Reprojection;
import org.groundwatergateway.ogc.feature.DisclosedType;
import org.groundwatergateway.ogc.feature.Feature;
import org.groundwatergateway.ogc.feature.FeatureProperty;
import org.groundwatergateway.ogc.feature.FeatureQuery;
import org.groundwatergateway.ogc.feature.FeatureStore;
import org.groundwatergateway.ogc.xml.AxisOrder;

/**
 * What a GetFeature selected, for an output format to write: the queries with their pages, the totals, the
 * output CRS, and paging links. Features are streamed from the store as the format writes them, already in
 * the output CRS and with only the requested properties.
 *
 * @param single     true for GetFeatureById, whose answer is the bare feature
 * @param schemaUrl  DescribeFeatureType URL of the types, for GML's schemaLocation
 */
public record FeatureCollectionResult(List<Part> parts, long numberMatched, int numberReturned, AxisOrder srs, String next,
                                      String previous, Instant timeStamp, boolean single, String schemaUrl, FeatureStore store) {

    /** @param properties the properties written, in schema order */
    public record Part(DisclosedType layer, FeatureQuery query, List<FeatureProperty> properties) {}

    /** Streams every selected feature, reprojected, to the sink with the part it belongs to. */
    public void forEach(BiConsumer<Part, Feature> sink) {
        for (Part part : parts) {
            if (part.query().count() == 0) continue;
            store.read(part.query(), feature -> sink.accept(part,
                    new Feature(feature.id(), feature.properties(), Reprojection.fromStorage(feature.geometry(), srs.crs()))));
        }
    }
}
