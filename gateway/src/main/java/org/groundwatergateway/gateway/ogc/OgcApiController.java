package org.groundwatergateway.gateway.ogc;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.groundwatergateway.core.storage.DatabaseUnavailable;
import org.groundwatergateway.gateway.config.GatewayProperties;
import org.groundwatergateway.gateway.federation.MissingPartners;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.gateway.web.PublicBaseUrl;
import org.groundwatergateway.gateway.web.RetryLater;
import org.groundwatergateway.ogc.ogcapi.ApiException;
import org.groundwatergateway.ogc.ogcapi.FeaturesApi;
import org.groundwatergateway.ogc.ows.OwsResponse;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * OGC API – Features at {@code /ogcapi}: GeoJSON/JSON by default, HTML with {@code f=html} or when a browser asks
 * for text/html. Errors are JSON {@code {code, description}} with the HTTP status, as the standard recommends.
 */
@RestController
public class OgcApiController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FeaturesApi api;

    private final PublicBaseUrl publicBaseUrl;
    private final MissingPartners missingPartners;

    public OgcApiController(FeaturesApi api, PublicBaseUrl publicBaseUrl, MissingPartners missingPartners) {
        this.publicBaseUrl = publicBaseUrl;
        this.missingPartners = missingPartners;
        this.api = api;
    }

    @GetMapping({"/ogcapi", "/ogcapi/"})
    @Operation(summary = "OGC API – Features landing page: links to the API description, conformance and collections", responses = @ApiResponse(responseCode = "200", description = "OK", content = {@Content(mediaType = "application/json"), @Content(mediaType = "text/html")}))
    public void landing(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String root = publicBaseUrl.root(request);
        answer(request, response, () -> api.landing(base(request), root + "/v3/api-docs", html(request)));
    }

    @GetMapping("/ogcapi/conformance")
    @Operation(summary = "The OGC API – Features conformance classes this service implements", responses = @ApiResponse(responseCode = "200", description = "OK", content = {@Content(mediaType = "application/json"), @Content(mediaType = "text/html")}))
    public void conformance(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, () -> api.conformance(html(request)));
    }

    @GetMapping("/ogcapi/collections")
    @Operation(summary = "The feature collections the caller may see, with their extents", responses = @ApiResponse(responseCode = "200", description = "OK", content = {@Content(mediaType = "application/json"), @Content(mediaType = "text/html")}))
    public void collections(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, () -> api.collections(Viewers.current(), base(request), html(request)));
    }

    @GetMapping("/ogcapi/collections/{id}")
    @Operation(summary = "One feature collection: title, extent, links to its items", responses = @ApiResponse(responseCode = "200", description = "OK", content = {@Content(mediaType = "application/json"), @Content(mediaType = "text/html")}))
    public void collection(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, () -> api.collection(Viewers.current(), id, base(request), html(request)));
    }

    @GetMapping("/ogcapi/collections/{id}/items")
    @Operation(summary = "Features of a collection (bbox, datetime, limit, property filters), as the caller may see them", responses = @ApiResponse(responseCode = "200", description = "OK", content = {@Content(mediaType = "application/geo+json"), @Content(mediaType = "text/html")}))
    public void items(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> parameters = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, values[0]));
        answer(request, response, () -> api.items(Viewers.current(), id, parameters, base(request), html(request)));
    }

    @GetMapping("/ogcapi/collections/{id}/items/{featureId}")
    @Operation(summary = "One feature, as the caller may see it", responses = @ApiResponse(responseCode = "200", description = "OK", content = {@Content(mediaType = "application/geo+json"), @Content(mediaType = "text/html")}))
    public void item(@PathVariable String id, @PathVariable String featureId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        answer(request, response, () -> api.item(Viewers.current(), id, featureId, base(request), html(request)));
    }

    private interface Answer {
        OwsResponse get();
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, Answer answer) throws IOException {
        OwsResponse result;
        try {
            result = answer.get();
        } catch (ApiException e) {
            String code = e.status() == 404 ? "NotFound" : "InvalidParameterValue";
            result = exception(e.status(), code, e.getMessage());
        } catch (QueryTimeoutException e) {
            RetryLater.setHeader(response);
            result = exception(503, "OperationProcessingFailed", GatewayProperties.QUERY_TIMED_OUT);
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.explains(e)) throw e;
            RetryLater.setHeader(response);
            result = exception(503, "ServiceUnavailable", "The database is unavailable; try again in " + RetryLater.AFTER.toSeconds() + " s");
        }
        response.setStatus(result.status());
        if (result.status() == HttpServletResponse.SC_OK) missingPartners.mark(request, response);
        response.setContentType(result.contentType());
        result.body().writeTo(response.getOutputStream());
    }

    /** OGC API's exception body (OGC 17-069r4 §7.5.1). */
    private static OwsResponse exception(int status, String code, String description) {
        byte[] body = JSON.writeValueAsBytes(Map.of("code", code, "description", description));
        return new OwsResponse(status, "application/json", out -> out.write(body));
    }

    private String base(HttpServletRequest request) {
        return publicBaseUrl.root(request) + "/ogcapi";
    }

    private static boolean html(HttpServletRequest request) {
        String f = request.getParameter("f");
        if (f != null) return f.equalsIgnoreCase("html");
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }
}
