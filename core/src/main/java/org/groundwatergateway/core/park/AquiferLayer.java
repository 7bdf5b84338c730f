package org.groundwatergateway.core.park;

/**
 * A hydrostratigraphic unit under a park, with the properties transport models need.
 *
 * @param hydraulicConductivity horizontal hydraulic conductivity K in m/d
 * @param effectivePorosity effective (kinematic) porosity nₑ, dimensionless
 */
public record AquiferLayer(Long id, long parkId, String code, String nameZh, String nameEn, Confinement confinement,
                           double topDepthM, double bottomDepthM, double hydraulicConductivity,
                           double effectivePorosity) {

    public enum Confinement { UNCONFINED, CONFINED }

    public AquiferLayer withId(long newId) {
        return new AquiferLayer(newId, parkId, code, nameZh, nameEn, confinement, topDepthM, bottomDepthM,
                hydraulicConductivity, effectivePorosity);
    }
}
