package org.groundwatergateway.policies.sharing;

import java.util.List;
import org.groundwatergateway.policies.Disclosure;

/**
 * A disclosure with why: the policy version that decided it and the rules that did, in document order.
 *
 * @param rules the ids of the deciding rules; empty when no rule names the viewer and dataset (nothing is shown) or
 *              when evaluation failed (nothing is shown either)
 * @param reason one sentence for people: which audience's rules decided, a deny, the default, or the failure
 */
public record Decision(Disclosure disclosure, int policyVersion, List<String> rules, String reason) {

    public Decision {
        rules = List.copyOf(rules);
    }
}
