package org.groundwatergateway.policies.sharing;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.groundwatergateway.policies.Disclosure.Area;
import org.groundwatergateway.policies.Disclosure.BucketScheme;
import org.groundwatergateway.policies.Disclosure.TimeAggregation;

/** What a rule does to a dataset for its audience. Every effect but {@link Deny} also allows the dataset. */
public sealed interface Effect {

    /** The name a policy document gives this effect ({@code type}). */
    String type();

    /** The dataset is shown (with the rule's other effects, if any). */
    record Allow() implements Effect {
        public String type() { return "allow"; }
    }

    /** The dataset is not shown, not even that it exists. A rule that denies does nothing else. */
    record Deny() implements Effect {
        public String type() { return "deny"; }
    }

    /** These attributes are neither shown nor usable in filters. */
    record Withhold(List<String> attributes) implements Effect {
        public Withhold { attributes = List.copyOf(attributes); }
        public String type() { return "withhold"; }
    }

    /** Only rows whose attribute has one of these values. */
    record RestrictRows(String attribute, Set<String> values) implements Effect {
        public RestrictRows { values = Set.copyOf(values); }
        public String type() { return "restrictRows"; }
    }

    /**
     * Rows owned by the viewer's organisation through this attribute: only those ({@code onlyOwn}), or those in full
     * and the rest as the other effects say.
     */
    record OwnRows(String attribute, boolean onlyOwn) implements Effect {
        public String type() { return "ownRows"; }
    }

    /** Only rows within this box. */
    record RestrictArea(Area area) implements Effect {
        public String type() { return "restrictArea"; }
    }

    /** Locations snapped to a grid of this many metres, deterministically (the same place always lands on the same cell). */
    record CoarsenLocation(double metres) implements Effect {
        public String type() { return "coarsenLocation"; }
    }

    /** The attribute's value shown as its bucket under the scheme. */
    record Bucket(String attribute, BucketScheme scheme) implements Effect {
        public String type() { return "bucket"; }
    }

    /** Nothing newer than now minus this. */
    record Delay(Duration delay) implements Effect {
        public String type() { return "delay"; }
    }

    /** Means over this step instead of single values. */
    record AggregateTime(TimeAggregation step) implements Effect {
        public String type() { return "aggregateTime"; }
    }

    /** An aggregate over fewer than this many enterprises is withheld. */
    record MinimumCount(int enterprises) implements Effect {
        public String type() { return "minimumCount"; }
    }
}
