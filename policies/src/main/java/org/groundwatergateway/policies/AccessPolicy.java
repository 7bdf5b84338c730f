package org.groundwatergateway.policies;

/**
 * The one decision every output path asks before it answers — SensorThings, WMS, WFS, OGC API, REST, the catalog,
 * federation and reports: what may this viewer see of this dataset? Services apply the answer themselves
 * (dropping withheld properties, refusing filters on them, limiting rows and coarsening locations), so a role
 * sees the same whichever door it uses.
 */
public interface AccessPolicy {

    /**
     * @param dataset the published dataset's name, as the services name it (a feature type such as {@code wells},
     *                or a SensorThings entity set such as {@code Observations})
     */
    Disclosure disclose(Viewer viewer, String dataset);
}
