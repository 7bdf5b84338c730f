package org.groundwatergateway.analytics.remediation;

import org.groundwatergateway.analytics.InvalidArgument;

/**
 * Unit costs, each a low–high range, and the monitoring frequency. The {@link #DEFAULTS} are US dollars of the year of
 * their source, not escalated — placeholders to be replaced by local prices:
 * <ul>
 *   <li>extraction well with its pumping system, 20,000–40,000 per well: feasibility studies by Advanced
 *       GeoEnvironmental for San Joaquin County EHD, California (1996: "$20,000 to $30,000, including the installation
 *       of one large-diameter extraction well"; 2000: "$25,000 to $40,000");</li>
 *   <li>treatment of extracted water, 0.32–1.66 per m³: granular activated carbon at 0.1 Mgal/d, $1.20–6.30 per
 *       1,000 gal (O'Brien 1983, as quoted at ecologycenter.us, "GAC cost");</li>
 *   <li>permeable reactive barrier, 390–1,560 per m² of barrier face: US EPA Remedial Technology Fact Sheet
 *       EPA/600/F-97/008, table of full-scale barriers — Coffeyville, Kansas, $400,000 for 1,000 ft × 11 ft (funnel and
 *       gate), Elizabeth City, North Carolina, $500,000 for 150 ft × 23 ft (continuous trench);</li>
 *   <li>in-situ chemical oxidation, 65–262 per m³ treated: half and twice the median of "about $100 per cubic yard
 *       treated" (131 per m³) reported by Siegrist, Crimi &amp; Brown (2011), In Situ Chemical Oxidation for
 *       Groundwater Remediation, ch. 1 — the factor of two either way is this class's assumption;</li>
 *   <li>monitoring, 342–699 per well and sampling event, quarterly: California UST Cleanup Fund pre-approvals in
 *       San Joaquin County — one quarterly event of 17 wells for $5,819 (2000), 5 wells for $3,495 a quarter (2001).</li>
 * </ul>
 */
public record UnitCosts(CostRange extractionWell, CostRange treatedWaterPerCubicMetre, CostRange barrierPerSquareMetre,
                        CostRange oxidationPerCubicMetre, CostRange monitoringPerWellEvent, double monitoringEventsPerYear) {

    public static final UnitCosts DEFAULTS = new UnitCosts(new CostRange(20_000, 40_000), new CostRange(1.20 / 3.785, 6.30 / 3.785),
            new CostRange(400_000 / (1000 * 11 * 0.3048 * 0.3048), 500_000 / (150 * 23 * 0.3048 * 0.3048)),
            new CostRange(100 / 0.764555 / 2, 100 / 0.764555 * 2), new CostRange(5_819.0 / 17, 3_495.0 / 5), 4);

    public UnitCosts {
        if (!(monitoringEventsPerYear >= 0)) throw new InvalidArgument("analytics.remediation.monitoringFrequency");
    }

    /** Monitoring of {@code wells} wells over {@code days}, events rounded up. */
    CostRange monitoring(int wells, double days) {
        return monitoringPerWellEvent.times(wells * Math.ceil(days / 365.25 * monitoringEventsPerYear - 1e-9));
    }
}
