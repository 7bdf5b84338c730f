package org.groundwatergateway.policies;

/** The kinds of organisation the platform shares with; the sharing policy speaks of audiences by these. */
public enum OrganisationKind {
    /** 省级监管部门 */
    PROVINCIAL_REGULATOR,
    /** 市级监管部门 */
    CITY_REGULATOR,
    /** 园区管委会: the park's own administration, which runs the platform. */
    PARK_ADMINISTRATION,
    /** 园区企业: bound to its Enterprise record by the unified social credit code. */
    ENTERPRISE,
    /** 合作园区: a neighbouring park, through its gateway. */
    PARTNER_PARK,
    /** 公众 */
    PUBLIC
}
