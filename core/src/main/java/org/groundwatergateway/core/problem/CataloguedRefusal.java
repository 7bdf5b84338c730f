package org.groundwatergateway.core.problem;

/**
 * A refusal other than bad input (a thing not found, a request not possible now) whose text comes from a message
 * catalogue as {@link InvalidInput}'s does, so that the REST API can tell it in the caller's language.
 */
public interface CataloguedRefusal {

    /** What is refused, with the field that named it, in either language. */
    InvalidInput problem();
}
