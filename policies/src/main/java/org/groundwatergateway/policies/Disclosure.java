package org.groundwatergateway.policies;

import java.util.Map;
import java.util.Set;

/**
 * How much of one dataset a viewer may see: whether it sees the dataset at all, which properties are withheld
 * (they are neither returned nor usable in filters or sorting, so a filter cannot reveal them), which rows it is
 * limited to (property name to the values it may see), and how coarsely locations are shown.
 *
 * @param restrictedTo property name to the only values whose rows the viewer sees; empty for no restriction
 * @param locationPrecisionMetres coordinates are snapped to a grid of this size; 0 shows them exactly
 */
public record Disclosure(boolean visible, Set<String> withheldProperties, Map<String, Set<String>> restrictedTo,
                         double locationPrecisionMetres) {

    private static final Disclosure FULL = new Disclosure(true, Set.of(), Map.of(), 0);
    private static final Disclosure NONE = new Disclosure(false, Set.of(), Map.of(), 0);

    public Disclosure {
        withheldProperties = Set.copyOf(withheldProperties);
        restrictedTo = Map.copyOf(restrictedTo);
        if (!(locationPrecisionMetres >= 0)) throw new IllegalArgumentException("location precision must be >= 0");
    }

    /** Everything, exactly. */
    public static Disclosure full() {
        return FULL;
    }

    /** Not even that the dataset exists. */
    public static Disclosure none() {
        return NONE;
    }

    public boolean shows(String property) {
        return visible && !withheldProperties.contains(property);
    }
}
