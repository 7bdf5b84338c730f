package org.groundwatergateway.ogc.wfs;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * One way of writing features, chosen by a request's {@code outputFormat}. Adding a format means adding one of
 * these to the service's list; the service itself does not change.
 */
public interface FeatureOutputFormat {

    /** The outputFormat values that select this format, the advertised one first. */
    List<String> names();

    String contentType();

    /** Whether an answer holds features of one type only: a request for several is refused before anything is written. */
    default boolean singleType() {
        return false;
    }

    void write(FeatureCollectionResult result, OutputStream out) throws IOException;
}
