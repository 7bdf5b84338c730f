package org.groundwatergateway.policies.sharing;

import java.util.List;
import java.util.Locale;
import org.groundwatergateway.core.problem.Phrase;
import org.groundwatergateway.policies.Disclosure;

/**
 * A disclosure with why: the policy version that decided it and the rules that did, in document order.
 *
 * @param rules the ids of the deciding rules; empty when no rule names the viewer and dataset (nothing is shown) or
 *              when evaluation failed (nothing is shown either)
 * @param why   one sentence for people, from the policies message catalogue: which audience's rules decided, a deny,
 *              the default, or the failure
 */
public record Decision(Disclosure disclosure, int policyVersion, List<String> rules, Phrase why) {

    public Decision {
        rules = List.copyOf(rules);
    }

    /** Why, in Chinese for a Chinese locale, otherwise English. */
    public String reason(Locale language) {
        return why.text(language);
    }

    /** Why, in English (logs, tests). */
    public String reason() {
        return reason(Locale.ENGLISH);
    }
}
