package org.groundwatergateway.policies.sharing;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.groundwatergateway.policies.OrganisationKind;

/**
 * A common request, ready to grant: which datasets, with which effects, for which kinds of organisation and for how
 * long at most. A grant copies the template's rules for the datasets requested, so a later change of the template
 * leaves the grants made from it as they were approved.
 *
 * @param forKinds the kinds of organisation that may request it
 * @param longest the longest period a request may ask for
 * @param rules rules without audiences: the grant addresses them to its organisation
 */
public record GrantTemplate(String id, String name, String nameZh, String description, Set<OrganisationKind> forKinds,
                            Duration longest, List<Rule> rules) {

    public GrantTemplate {
        forKinds = Set.copyOf(forKinds);
        rules = List.copyOf(rules);
    }

    /** Every dataset the template's rules name, in their order. */
    public List<String> datasets() {
        Set<String> datasets = new LinkedHashSet<>();
        rules.forEach(r -> datasets.addAll(r.datasets()));
        return List.copyOf(datasets);
    }

    /** The template's rules for these datasets only, addressed to the audience; rules left naming none are dropped. */
    public List<Rule> scope(Collection<String> datasets, Audience audience) {
        return rules.stream()
                .map(r -> new Rule(r.id(), List.of(audience), r.datasets().stream().filter(datasets::contains).toList(), r.effects()))
                .filter(r -> !r.datasets().isEmpty())
                .toList();
    }
}
