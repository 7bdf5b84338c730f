package org.groundwatergateway.gateway.sharing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.function.IntSupplier;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.text.Shortened;
import org.groundwatergateway.gateway.security.AuditTrail;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.gateway.web.Languages;
import org.groundwatergateway.gateway.web.LocalizedProblems;
import org.groundwatergateway.gateway.web.RetryLater;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.audit.AuditEntry;
import org.groundwatergateway.policies.audit.AuditEvent;
import org.groundwatergateway.policies.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A receipt for every answer a data door gives (WFS, WMS, OGC API, SensorThings, the catalog, the REST wells, datastreams,
 * readings and alerts): the body is held until it is complete, then one audit entry records who received it, through which door,
 * of which datasets, under which policy version, with the SHA-256 of exactly the bytes sent; the response carries the
 * entry's id ({@value AuditTrail#HEADER}) and what was masked ({@value #HEADER}, and in a plain JSON or GeoJSON object
 * body {@value #PROPERTY}); the entry counts the rows and values sent ({@link DisclosedCounts}). If the entry cannot be recorded the
 * answer is not sent (503): no disclosure goes unrecorded. Event streams never complete, so they are named and passed
 * by; no request header can take an answer past the receipt.
 */
public final class DisclosureReceipts extends OncePerRequestFilter {

    public static final String HEADER = "GW-Disclosure";
    /** The member of a JSON object body that says what was masked, in the caller's language. */
    public static final String PROPERTY = "disclosure";
    private static final JsonMapper STATEMENT_WRITER = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(DisclosureReceipts.class);
    private static final int MAX_ACTION = 500;
    private static final int MAX_DATASETS = 100;

    private final AuditLog audit;
    private final IntSupplier policyVersion;
    private final Set<String> eventStreams;

    /**
     * @param policyVersion the active sharing policy's version, at the time of the answer
     * @param eventStreams  paths under the registered patterns that answer event streams, which never complete and so
     *                      are not held (the alert stream: shown only unmasked, see {@code WholeDatasets})
     */
    public DisclosureReceipts(AuditLog audit, IntSupplier policyVersion, Set<String> eventStreams) {
        this.audit = audit;
        this.policyVersion = policyVersion;
        this.eventStreams = Set.copyOf(eventStreams);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return eventStreams.contains(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, held);
        Map<String, Disclosure> disclosed = DisclosuresAsked.of(request);
        int status = held.getStatus();
        if (status >= 200 && status < 300 && !disclosed.isEmpty()) {
            int version = policyVersion.getAsInt();
            byte[] body = stated(held, disclosed, version, Languages.prefersEnglish(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
            try {
                DisclosedCounts counts = DisclosedCounts.of(held.getContentType(), body);
                long receipt = audit.append(event(request, Viewers.current(), disclosed, version, counts, AuditEvent.sha256(body)));
                held.setHeader(AuditTrail.HEADER, Long.toString(receipt));
                held.setHeader(HEADER, DisclosureStatement.english(disclosed, version));
            } catch (AuditLog.Unavailable e) {
                log.warn("Answer to {} {} withheld: its disclosure could not be recorded ({})", request.getMethod(), request.getRequestURI(), e.getMessage());
                held.resetBuffer();
                response.reset();
                RetryLater.setHeader(response);
                LocalizedProblems.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, new InvalidInput("gateway.audit.unavailable", null));
                return;
            }
        }
        held.copyBodyToResponse();
    }

    /**
     * The body as it will be sent: a plain JSON or GeoJSON object ({@code application/json}, {@code application/geo+json})
     * whose content was masked carries the statement of what was masked as its first member, {@value #PROPERTY} (GeoJSON
     * allows foreign members; SensorThings and OGC API clients ignore unknown ones); other bodies are sent as the door
     * wrote them, JSON of a stricter format too (SPARQL results, JSON-LD, JSON Schema), whose readers a foreign member
     * would break or mislead: the {@value #HEADER} header carries the statement for every body.
     */
    private static byte[] stated(ContentCachingResponseWrapper held, Map<String, Disclosure> disclosed, int version, boolean english)
            throws IOException {
        byte[] body = held.getContentAsByteArray();
        String type = held.getContentType();
        if (!statable(type) || disclosed.values().stream().noneMatch(Disclosure::masks)) {
            return body;
        }
        int open = 0;
        while (open < body.length && Character.isWhitespace(body[open])) open++;
        if (open == body.length || body[open] != '{') return body;
        int next = open + 1;
        while (next < body.length && Character.isWhitespace(body[next])) next++;
        String statement = english ? DisclosureStatement.english(disclosed, version) : DisclosureStatement.chinese(disclosed, version);
        String member = "\"" + PROPERTY + "\":" + STATEMENT_WRITER.writeValueAsString(statement) + (next < body.length && body[next] == '}' ? "" : ",");
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + member.length() * 3);
        out.write(body, 0, open + 1);
        out.write(member.getBytes(StandardCharsets.UTF_8));
        out.write(body, open + 1, body.length - open - 1);
        byte[] stated = out.toByteArray();
        held.resetBuffer();
        held.getOutputStream().write(stated);
        return stated;
    }

    /** Whether a body of this media type may carry the statement as a member: plain JSON and GeoJSON only. */
    static boolean statable(String type) {
        if (type == null) return false;
        try {
            MediaType mediaType = MediaType.parseMediaType(type);
            return mediaType.getType().equalsIgnoreCase("application")
                    && (mediaType.getSubtype().equalsIgnoreCase("json") || mediaType.getSubtype().equalsIgnoreCase("geo+json"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static AuditEvent event(HttpServletRequest request, Viewer viewer, Map<String, Disclosure> disclosed, int version,
                                    DisclosedCounts counts, String hash) {
        String query = request.getQueryString();
        String action = request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query);
        String datasets = String.join(",", disclosed.keySet());
        return new AuditEvent(AuditEntry.Kind.DISCLOSURE, Shortened.to(action, MAX_ACTION), door(request.getRequestURI()), Shortened.to(datasets, MAX_DATASETS),
                "v" + version, viewer.name(), viewer.roles(), viewer.organisation(), request.getRemoteAddr(), null, counts.rows(), counts.values(), hash);
    }

    static String door(String path) {
        String first = path.replaceFirst("^/", "").split("/", 2)[0].toLowerCase(Locale.ROOT);
        return switch (first) {
            case "wfs", "wms", "ows", "ogcapi", "sta", "catalog" -> first;
            default -> "rest";
        };
    }
}
