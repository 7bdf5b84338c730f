package org.groundwatergateway.policies.published;

/** How often a dataset changes, as the EU frequency authority table names it (DCAT-AP's {@code dct:accrualPeriodicity}). */
public enum UpdateFrequency {
    CONTINUOUS("UPDATE_CONT"), HOURLY("HOURLY"), DAILY("DAILY"), MONTHLY("MONTHLY"), ANNUAL("ANNUAL"), IRREGULAR("IRREG");

    private final String euCode;

    UpdateFrequency(String euCode) {
        this.euCode = euCode;
    }

    /** The code in {@code http://publications.europa.eu/resource/authority/frequency/}. */
    public String euCode() {
        return euCode;
    }
}
