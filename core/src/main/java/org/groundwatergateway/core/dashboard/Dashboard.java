package org.groundwatergateway.core.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * A dashboard a person laid out and keeps under a name: theirs alone, as the person is known to the platform (an
 * organisation and a name within it). The panels are drawn in their order.
 */
public record Dashboard(Long id, Owner owner, String name, List<Panel> panels, Instant savedAt) {

    /** Whose dashboard it is: a person or client of an organisation. */
    public record Owner(String organisation, String name) {}

    /**
     * One chart or figure of a dashboard.
     *
     * @param indicator what it shows: one of {@link Indicator}'s codes
     * @param parameter the parameter's code, for the indicators that show one; else null
     * @param wells     the wells' codes, for a series; else empty
     * @param chart     how it is drawn: one of {@link Chart}'s codes that the indicator allows
     * @param colour    {@code #rrggbb}, lower case
     * @param days      the period it spans, in days (up to when, {@link Indicator} says of each)
     */
    public record Panel(String indicator, String parameter, List<String> wells, String chart, String colour, int days) {}
}
