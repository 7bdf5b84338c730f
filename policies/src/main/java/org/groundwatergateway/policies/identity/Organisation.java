package org.groundwatergateway.policies.identity;

import java.time.Instant;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.policies.OrganisationKind;

/**
 * An organisation the platform knows: the park's administration, a regulator, an enterprise (bound to its
 * enterprise record by the unified social credit code), a partner park.
 */
public record Organisation(Long id, String code, String nameZh, String nameEn, OrganisationKind kind, String creditCode,
                           Instant createdAt) {

    public Organisation {
        if (code == null || !code.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new InvalidInput("policies.organisation.code", "code");
        }
        if (nameZh == null || nameZh.isBlank()) throw new InvalidInput("policies.required", "nameZh");
        if (kind == null) throw new InvalidInput("policies.required", "kind");
        if (kind == OrganisationKind.ENTERPRISE && (creditCode == null || !creditCode.matches("[0-9A-HJ-NPQRTUWXY]{18}"))) {
            throw new InvalidInput("policies.organisation.creditCodeRequired", "creditCode");
        }
        if (kind != OrganisationKind.ENTERPRISE && creditCode != null) {
            throw new InvalidInput("policies.organisation.creditCodeNotTaken", "creditCode");
        }
    }

    public Organisation withId(long newId) {
        return new Organisation(newId, code, nameZh, nameEn, kind, creditCode, createdAt);
    }
}
