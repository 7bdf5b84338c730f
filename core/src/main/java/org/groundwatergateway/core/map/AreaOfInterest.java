package org.groundwatergateway.core.map;

import java.time.Instant;
import org.locationtech.jts.geom.Polygon;

/**
 * An area a person drew on the map and keeps under a name: theirs alone, as the person is known to the platform (an
 * organisation and a name within it). Longitude/latitude in CGCS2000.
 */
public record AreaOfInterest(Long id, Owner owner, String name, Polygon area, Instant savedAt) {

    /** Whose area it is: a person or client of an organisation. */
    public record Owner(String organisation, String name) {}
}
