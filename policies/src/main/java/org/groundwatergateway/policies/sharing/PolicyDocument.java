package org.groundwatergateway.policies.sharing;

import java.util.List;

/** A sharing policy as the security administrator writes it: a name, why it exists, and its rules. */
public record PolicyDocument(String name, String description, List<Rule> rules) {

    public PolicyDocument {
        rules = List.copyOf(rules);
    }
}
