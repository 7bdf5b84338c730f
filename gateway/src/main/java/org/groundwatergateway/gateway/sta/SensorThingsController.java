package org.groundwatergateway.gateway.sta;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.groundwatergateway.gateway.config.StaProperties;
import org.groundwatergateway.gateway.federation.MissingPartners;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.gateway.web.PublicBaseUrl;
import org.groundwatergateway.gateway.web.Languages;
import org.groundwatergateway.gateway.web.LocalizedProblems;
import org.groundwatergateway.gateway.web.RetryLater;
import org.groundwatergateway.ogc.sta.service.SensorThingsService;
import org.groundwatergateway.ogc.sta.service.StaRequest;
import org.groundwatergateway.ogc.sta.service.StaResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SensorThings API 1.1 at {@code /sta/v1.1} (OGC 18-088): hands every request to the service with the viewer the
 * security chain authenticated. Reads are open; writes and $batch need an administrator (SecurityConfiguration).
 */
@RestController
public class SensorThingsController {

    static final String ROOT = "/sta/v1.1";

    private final SensorThingsService service;
    private final StaProperties properties;
    private final PublicBaseUrl publicBaseUrl;
    private final MissingPartners missingPartners;

    public SensorThingsController(SensorThingsService service, StaProperties properties, PublicBaseUrl publicBaseUrl, MissingPartners missingPartners) {
        this.publicBaseUrl = publicBaseUrl;
        this.missingPartners = missingPartners;
        this.service = service;
        this.properties = properties;
    }

    /** The request header giving why data is changed (a PATCH of an Observation), recorded in the audit log. */
    public static final String REASON = "Gw-Reason";

    @RequestMapping(path = {ROOT, ROOT + "/**"}, method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.PATCH, RequestMethod.DELETE})
    @Operation(summary = "OGC SensorThings API 1.1: GET the root or an entity set, entity, property or navigation ($filter, $expand, $orderby, "
            + "$top, $skip, $count, $select); POST creates (deep insert) in an entity set, PATCH changes an entity, DELETE removes one")
    public ResponseEntity<String> handle(HttpServletRequest request, @RequestBody(required = false) String body) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String path = UriUtils.decode(uri.substring(ROOT.length()), StandardCharsets.UTF_8);
        Locale language = Languages.of(request);
        StaResponse response = service.handle(new StaRequest(request.getMethod(), path.isEmpty() ? "/" : path, request.getQueryString(),
                body, Viewers.current(), base(request), language.equals(Locale.ENGLISH), request.getHeader(REASON)));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(response.status());
        if (request.getMethod().equals("GET") && response.status() == HttpStatus.OK.value() && path.startsWith("/Datastreams")) {
            // Datastreams answer from ours and the partners' mirrors: a partner whose mirror is stale is named, never silently left out.
            List<MissingPartners.Missing> missing = missingPartners.missing(Viewers.current());
            if (!missing.isEmpty()) {
                answer.header(MissingPartners.HEADER, MissingPartners.header(missing));
                if (response.json() instanceof ObjectNode collection && collection.has("value")) {
                    ArrayNode partial = collection.putArray("partial");
                    for (MissingPartners.Missing m : missing) {
                        ObjectNode partner = partial.addObject().put("gateway", m.gateway()).put("park", m.park());
                        if (m.lastSuccessAt() == null) partner.putNull("lastSuccessAt");
                        else partner.put("lastSuccessAt", m.lastSuccessAt().toString());
                    }
                }
            }
        }
        if (response.location() != null) answer.header(HttpHeaders.LOCATION, response.location());
        if (response.status() == HttpStatus.SERVICE_UNAVAILABLE.value()) answer.header(HttpHeaders.RETRY_AFTER, RetryLater.seconds());
        if (response.status() >= 400 && response.json() instanceof ObjectNode refusal) {
            // A refusal: SensorThings' code and message, and problem details in the caller's language.
            refusal.put("type", "about:blank");
            refusal.put("title", LocalizedProblems.title(response.status(), language));
            refusal.put("instance", uri);
            answer.header(HttpHeaders.CONTENT_LANGUAGE, LocalizedProblems.tag(language));
            return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(refusal.toString());
        }
        if (response.json() != null) return answer.contentType(MediaType.APPLICATION_JSON).body(response.json().toString());
        if (response.text() != null) return answer.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)).body(response.text());
        return answer.build();
    }

    private String base(HttpServletRequest request) {
        if (properties.baseUrl() != null && !properties.baseUrl().isBlank()) return properties.baseUrl();
        return publicBaseUrl.root(request) + ROOT;
    }
}
