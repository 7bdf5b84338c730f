package org.groundwatergateway.analytics.remediation;

import org.groundwatergateway.analytics.InvalidArgument;

/** A low and a high estimate of one cost, in the currency of the unit costs that made it. */
public record CostRange(double low, double high) {

    public CostRange {
        if (!(low >= 0 && high >= low)) throw new InvalidArgument("analytics.remediation.costRange");
    }

    public CostRange times(double quantity) {
        return new CostRange(low * quantity, high * quantity);
    }

    public CostRange plus(CostRange other) {
        return new CostRange(low + other.low, high + other.high);
    }

    public double middle() {
        return (low + high) / 2;
    }
}
