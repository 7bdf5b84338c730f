package org.groundwatergateway.gateway.sharing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import org.groundwatergateway.gateway.security.AuditTrail;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.audit.AuditEntry;
import org.groundwatergateway.policies.audit.AuditEvent;
import org.groundwatergateway.policies.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A receipt for every answer a data door gives (WFS, WMS, OGC API, SensorThings, the REST wells, datastreams, readings
 * and alerts): the body is held until it is complete, then one audit entry records who received it, through which door,
 * of which datasets, under which policy version, with the SHA-256 of exactly the bytes sent; the response carries the
 * entry's id ({@value AuditTrail#HEADER}) and what was masked ({@value #HEADER}). If the entry cannot be recorded the
 * answer is not sent (503): no disclosure goes unrecorded. Event streams never complete, so they are not registered
 * here at all; no request header can take an answer past the receipt.
 */
public final class DisclosureReceipts extends OncePerRequestFilter {

    public static final String HEADER = "GW-Disclosure";
    private static final Logger log = LoggerFactory.getLogger(DisclosureReceipts.class);
    private static final int MAX_ACTION = 500;
    private static final int MAX_DATASETS = 100;

    private final AuditLog audit;
    private final IntSupplier policyVersion;

    /** @param policyVersion the active sharing policy's version, at the time of the answer */
    public DisclosureReceipts(AuditLog audit, IntSupplier policyVersion) {
        this.audit = audit;
        this.policyVersion = policyVersion;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, held);
        Map<String, Disclosure> disclosed = DisclosuresAsked.of(request);
        int status = held.getStatus();
        if (status >= 200 && status < 300 && !disclosed.isEmpty()) {
            int version = policyVersion.getAsInt();
            try {
                long receipt = audit.append(event(request, Viewers.current(), disclosed, version, AuditEvent.sha256(held.getContentAsByteArray())));
                held.setHeader(AuditTrail.HEADER, Long.toString(receipt));
                held.setHeader(HEADER, describe(disclosed, version));
            } catch (AuditLog.Unavailable e) {
                log.warn("Answer to {} {} withheld: its disclosure could not be recorded ({})", request.getMethod(), request.getRequestURI(), e.getMessage());
                held.resetBuffer();
                response.reset();
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setHeader("Retry-After", "5");
                response.setContentType("application/problem+json");
                response.getWriter().write("{\"status\":503,\"title\":\"Service Unavailable\",\"detail\":\"The audit log cannot record this answer now, so it is not sent; try again shortly.\"}");
                return;
            }
        }
        held.copyBodyToResponse();
    }

    private static AuditEvent event(HttpServletRequest request, Viewer viewer, Map<String, Disclosure> disclosed, int version, String hash) {
        String query = request.getQueryString();
        String action = request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query);
        String datasets = String.join(",", disclosed.keySet());
        return new AuditEvent(AuditEntry.Kind.DISCLOSURE, shortened(action, MAX_ACTION), door(request.getRequestURI()), shortened(datasets, MAX_DATASETS),
                "v" + version, viewer.name(), viewer.roles(), viewer.organisation(), request.getRemoteAddr(), null, null, null, hash);
    }

    static String door(String path) {
        String first = path.replaceFirst("^/", "").split("/", 2)[0].toLowerCase(Locale.ROOT);
        return switch (first) {
            case "wfs", "wms", "ows", "ogcapi", "sta" -> first;
            default -> "rest";
        };
    }

    /**
     * What was masked, in plain ASCII (header values are), e.g. {@code policy v2; wells: location to 500 m;
     * latest_readings: location to 500 m, result_value as GB/T 14848 class, delayed 24 h}.
     */
    static String describe(Map<String, Disclosure> disclosed, int version) {
        List<String> parts = new ArrayList<>();
        parts.add("policy v" + version);
        disclosed.forEach((dataset, d) -> {
            List<String> effects = new ArrayList<>();
            if (d.locationPrecisionMetres() > 0) effects.add("location to " + Math.round(d.locationPrecisionMetres()) + " m");
            d.bucketed().keySet().stream().sorted().forEach(p -> effects.add(p + " as GB/T 14848 class"));
            if (!d.withheldProperties().isEmpty()) effects.add("withheld " + String.join(" ", d.withheldProperties().stream().sorted().toList()));
            if (!d.delay().isZero()) effects.add("delayed " + hours(d.delay()));
            if (!d.restrictedTo().isEmpty()) effects.add("rows limited by " + String.join(" ", d.restrictedTo().keySet().stream().sorted().toList()));
            if (d.ownership() != null) effects.add(d.ownership().onlyOwn() ? "own rows only" : "own rows in full");
            if (d.area() != null) effects.add("area limited");
            if (!effects.isEmpty()) parts.add(dataset + ": " + String.join(", ", effects));
        });
        if (parts.size() == 1) parts.add("nothing masked");
        return String.join("; ", parts);
    }

    private static String hours(Duration delay) {
        return delay.toMinutes() % 60 == 0 ? delay.toHours() + " h" : delay.toMinutes() + " min";
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
