package org.groundwatergateway.policies;

/** The kinds of people and systems the platform shares data with; a viewer may hold several. */
public enum Role {
    /** Anyone, unauthenticated: the public portal and open OGC endpoints. */
    PUBLIC,
    /** An enterprise in the park, through its OAuth2 client: its own data only. */
    ENTERPRISE,
    /** Provincial and city regulators. */
    REGULATOR,
    /** Park operators and duty officers. */
    OPERATOR,
    /** A neighbouring park's gateway, through federation. */
    PEER_PARK,
    /** Platform administrators. */
    ADMIN
}
