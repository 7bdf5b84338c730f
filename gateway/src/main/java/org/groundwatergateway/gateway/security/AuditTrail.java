package org.groundwatergateway.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.groundwatergateway.core.text.Shortened;
import org.groundwatergateway.policies.audit.AuditEvent;
import org.groundwatergateway.policies.audit.AuditLog;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log as a controller uses it: records what the signed-in caller did, from the request's address, and puts
 * the entry's receipt id on the response in the {@value #HEADER} header.
 */
public final class AuditTrail {

    /** The response header carrying the audit entry's receipt id. */
    public static final String HEADER = "Audit-Entry";

    private final AuditLog audit;

    public AuditTrail(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * Records an administrative action of the current caller in the current request.
     *
     * @param action what was done, without personal data (a code, a client id, roles)
     * @param subject the person it was about (a username), or null; stored erasably
     */
    public long administration(String action, String subject) {
        ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest request = attributes.getRequest();
        // An action quotes what the request named (a partner's address, a template); the log keeps its first 500 characters.
        String recorded = Shortened.to(action, 500);
        long receipt = audit.append(AuditEvent.administration(Viewers.current(), recorded, subject, request.getRemoteAddr()));
        HttpServletResponse response = attributes.getResponse();
        if (response != null) response.setHeader(HEADER, Long.toString(receipt));
        return receipt;
    }
}
