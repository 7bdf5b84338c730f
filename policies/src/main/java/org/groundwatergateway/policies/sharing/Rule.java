package org.groundwatergateway.policies.sharing;

import java.util.List;
import org.groundwatergateway.policies.Viewer;

/**
 * One rule of a sharing policy: for these audiences and these datasets ({@code *} for every dataset), these effects.
 *
 * @param id unique within its document; explain and what-if name rules by it
 */
public record Rule(String id, List<Audience> audiences, List<String> datasets, List<Effect> effects) {

    public static final String EVERY_DATASET = "*";

    public Rule {
        audiences = List.copyOf(audiences);
        datasets = List.copyOf(datasets);
        effects = List.copyOf(effects);
    }

    public boolean names(String dataset) {
        return datasets.contains(dataset) || datasets.contains(EVERY_DATASET);
    }

    /** How specifically this rule speaks of the viewer: its most specific matching audience; -1 if none matches. */
    public int specificityFor(Viewer viewer) {
        return audiences.stream().filter(a -> a.matches(viewer)).mapToInt(Audience::specificity).max().orElse(-1);
    }

    public boolean denies() {
        return effects.stream().anyMatch(e -> e instanceof Effect.Deny);
    }
}
