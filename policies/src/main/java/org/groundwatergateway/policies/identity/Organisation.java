package org.groundwatergateway.policies.identity;

import java.time.Instant;
import org.groundwatergateway.policies.OrganisationKind;

/**
 * An organisation the platform knows: the park's administration, a regulator, an enterprise (bound to its
 * enterprise record by the unified social credit code), a partner park.
 */
public record Organisation(Long id, String code, String nameZh, String nameEn, OrganisationKind kind, String creditCode,
                           Instant createdAt) {

    public Organisation {
        if (code == null || !code.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("code: letters, digits, '_', '.', '-', at most 64");
        }
        if (nameZh == null || nameZh.isBlank()) throw new IllegalArgumentException("nameZh is required");
        if (kind == null) throw new IllegalArgumentException("kind is required");
        if (kind == OrganisationKind.ENTERPRISE && (creditCode == null || !creditCode.matches("[0-9A-HJ-NPQRTUWXY]{18}"))) {
            throw new IllegalArgumentException("creditCode: an enterprise needs its 18-character unified social credit code");
        }
        if (kind != OrganisationKind.ENTERPRISE && creditCode != null) {
            throw new IllegalArgumentException("creditCode: only an enterprise has one");
        }
    }

    public Organisation withId(long newId) {
        return new Organisation(newId, code, nameZh, nameEn, kind, creditCode, createdAt);
    }
}
