package org.groundwatergateway.policies;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.core.problem.InvalidInput;

/**
 * How much of one dataset a viewer may see: whether it sees the dataset at all, which properties are withheld
 * (they are neither returned nor usable in filters or sorting, so a filter cannot reveal them), which rows it is
 * limited to (property name to the values it may see), how coarsely locations are shown, and the effects the
 * sharing policy adds: values replaced by their bucket, a delay, aggregation in time, a minimum count behind any
 * aggregate, rows limited to (or shown in full only for) the viewer's own, and rows limited to an area.
 *
 * <p>The four-argument constructor is the shape of the first services and still builds a disclosure without the
 * later effects; {@link #builder()} builds any.
 *
 * @param restrictedTo property name to the only values whose rows the viewer sees; empty for no restriction
 * @param locationPrecisionMetres coordinates are snapped to a grid of this size; 0 shows them exactly
 * @param bucketed property name to the scheme whose bucket is shown instead of the value (a concentration as its
 *                 GB/T 14848 class); empty for none
 * @param delay nothing newer than now minus this is shown; zero for none
 * @param timeAggregation values are shown as means over this step instead of one by one
 * @param minimumCount an aggregate over fewer than this many enterprises is withheld; 0 for no minimum
 * @param ownership rows tied to the viewer's organisation; null when ownership plays no part
 * @param area only rows within this box are shown; null for anywhere
 */
public record Disclosure(boolean visible, Set<String> withheldProperties, Map<String, Set<String>> restrictedTo,
                         double locationPrecisionMetres, Map<String, BucketScheme> bucketed, Duration delay,
                         TimeAggregation timeAggregation, int minimumCount, Ownership ownership, Area area) {

    private static final Disclosure FULL = new Disclosure(true, Set.of(), Map.of(), 0);
    private static final Disclosure NONE = new Disclosure(false, Set.of(), Map.of(), 0);

    /** How a value may be shown as the bucket it falls in rather than itself. */
    public enum BucketScheme {
        /** The GB/T 14848-2017 groundwater quality class (I–V) of a concentration, under its parameter's limits. */
        GBT14848_CLASS
    }

    /** Steps of aggregation in time, from none to the coarsest. */
    public enum TimeAggregation {
        NONE, HOURLY, DAILY, MONTHLY
    }

    /**
     * Rows tied to an organisation through a property (an enterprise's credit code on its wells, sources, processes).
     *
     * @param property the property that names the owner
     * @param organisation the viewer's organisation code; the door maps it to the property's values
     * @param onlyOwn true: the viewer sees only its own rows; false: its own rows in full (exempt from withholding,
     *                coarsening, buckets, delay and aggregation) and the rest as the rest of this disclosure says
     * @param owners the property's values that stand for the organisation (an enterprise's unified social credit
     *               code); empty when it owns nothing, so no row is its own
     */
    public record Ownership(String property, String organisation, boolean onlyOwn, Set<String> owners) {
        public Ownership {
            if (property == null || property.isBlank()) throw new IllegalArgumentException("ownership needs a property");
            if (organisation == null || organisation.isBlank()) throw new IllegalArgumentException("ownership needs an organisation");
            owners = Set.copyOf(owners);
        }

        /** Ownership whose values are not known yet: the policy names the organisation, the platform knows what it owns. */
        public Ownership(String property, String organisation, boolean onlyOwn) {
            this(property, organisation, onlyOwn, Set.of());
        }

        public Ownership owning(Set<String> values) {
            return new Ownership(property, organisation, onlyOwn, values);
        }
    }

    /** A box in CGCS2000 / WGS 84 longitude and latitude, degrees. */
    public record Area(double west, double south, double east, double north) {
        public Area {
            if (!(west >= -180 && east <= 180 && west <= east)) throw new InvalidInput("policies.area.longitude", null);
            if (!(south >= -90 && north <= 90 && south <= north)) throw new InvalidInput("policies.area.latitude", null);
        }
    }

    public Disclosure {
        withheldProperties = Set.copyOf(withheldProperties);
        restrictedTo = Map.copyOf(restrictedTo);
        bucketed = Map.copyOf(bucketed);
        if (!(locationPrecisionMetres >= 0)) throw new IllegalArgumentException("location precision must be >= 0");
        if (delay == null || delay.isNegative()) throw new IllegalArgumentException("delay must be zero or positive");
        if (timeAggregation == null) throw new IllegalArgumentException("time aggregation is required (NONE for none)");
        if (minimumCount < 0) throw new IllegalArgumentException("minimum count must be >= 0");
    }

    /** A disclosure with none of the sharing policy's later effects (buckets, delay, aggregation, minimum, ownership, area). */
    public Disclosure(boolean visible, Set<String> withheldProperties, Map<String, Set<String>> restrictedTo, double locationPrecisionMetres) {
        this(visible, withheldProperties, restrictedTo, locationPrecisionMetres, Map.of(), Duration.ZERO, TimeAggregation.NONE, 0, null, null);
    }

    /** Everything, exactly. */
    public static Disclosure full() {
        return FULL;
    }

    /** Not even that the dataset exists. */
    public static Disclosure none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean shows(String property) {
        return visible && !withheldProperties.contains(property);
    }

    /** The property's value is shown in some row: not withheld, or withheld from all rows but the viewer's own. */
    public boolean showsInOwnRows(String property) {
        return shows(property) || (visible && ownership != null && !ownership.onlyOwn());
    }

    /** Whether any effect beyond plain visibility applies, so a door can say nothing was masked. */
    public boolean masks() {
        return !withheldProperties.isEmpty() || !restrictedTo.isEmpty() || locationPrecisionMetres > 0 || !bucketed.isEmpty()
                || !delay.isZero() || timeAggregation != TimeAggregation.NONE || minimumCount > 0 || ownership != null || area != null;
    }

    public Disclosure withOwnership(Ownership value) {
        return new Disclosure(visible, withheldProperties, restrictedTo, locationPrecisionMetres, bucketed, delay, timeAggregation,
                minimumCount, value, area);
    }

    /** Builds a disclosure effect by effect; starts visible and unrestricted. */
    public static final class Builder {
        private boolean visible = true;
        private final Set<String> withheld = new HashSet<>();
        private final Map<String, Set<String>> restrictedTo = new HashMap<>();
        private double precision;
        private final Map<String, BucketScheme> bucketed = new HashMap<>();
        private Duration delay = Duration.ZERO;
        private TimeAggregation aggregation = TimeAggregation.NONE;
        private int minimumCount;
        private Ownership ownership;
        private Area area;

        private Builder() {}

        public Builder visible(boolean value) {
            visible = value;
            return this;
        }

        public Builder withhold(Set<String> properties) {
            withheld.addAll(properties);
            return this;
        }

        public Builder restrictTo(String property, Set<String> values) {
            restrictedTo.put(property, Set.copyOf(values));
            return this;
        }

        public Builder locationPrecisionMetres(double metres) {
            precision = metres;
            return this;
        }

        public Builder bucket(String property, BucketScheme scheme) {
            bucketed.put(property, scheme);
            return this;
        }

        public Builder delay(Duration value) {
            delay = value;
            return this;
        }

        public Builder timeAggregation(TimeAggregation value) {
            aggregation = value;
            return this;
        }

        public Builder minimumCount(int value) {
            minimumCount = value;
            return this;
        }

        public Builder ownership(Ownership value) {
            ownership = value;
            return this;
        }

        public Builder area(Area value) {
            area = value;
            return this;
        }

        public Disclosure build() {
            if (!visible) return NONE;
            return new Disclosure(true, withheld, restrictedTo, precision, bucketed, delay, aggregation, minimumCount, ownership, area);
        }
    }
}
