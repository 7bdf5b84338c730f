package org.groundwatergateway.core.park;

import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Polygon;

/**
 * An enterprise inside a park.
 *
 * @param creditCode unified social credit code (GB 32100-2015), checked on construction
 * @param characteristicPollutants parameter codes of the pollutants its processes use or emit
 * @param confidentialFields names of the fields the enterprise has declared confidential; the policy layer
 *     masks them for roles that may not see them
 */
public record Enterprise(Long id, long parkId, String creditCode, String nameZh, String nameEn, String industry,
                         Polygon boundary, List<String> processes, List<String> characteristicPollutants,
                         Set<String> confidentialFields) {

    public Enterprise {
        UnifiedSocialCreditCode.requireValid(creditCode);
        processes = List.copyOf(processes);
        characteristicPollutants = List.copyOf(characteristicPollutants);
        confidentialFields = Set.copyOf(confidentialFields);
    }

    public Enterprise withId(long newId) {
        return new Enterprise(newId, parkId, creditCode, nameZh, nameEn, industry, boundary, processes,
                characteristicPollutants, confidentialFields);
    }
}
