package org.groundwatergateway.gateway.ogc;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.groundwatergateway.core.storage.DatabaseUnavailable;
import org.groundwatergateway.gateway.config.GatewayProperties;
import org.groundwatergateway.gateway.federation.MissingPartners;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.gateway.web.PublicBaseUrl;
import org.groundwatergateway.gateway.web.RetryLater;
import org.groundwatergateway.ogc.ows.KvpRequest;
import org.groundwatergateway.ogc.ows.OwsException;
import org.groundwatergateway.ogc.ows.OwsExceptionReport;
import org.groundwatergateway.ogc.ows.OwsResponse;
import org.groundwatergateway.ogc.ows.ServiceSettings;
import org.groundwatergateway.ogc.wfs.WfsService;
import org.groundwatergateway.ogc.wfs.WfsXmlReader;
import org.groundwatergateway.ogc.wms.WmsExceptionReport;
import org.groundwatergateway.ogc.wms.WmsService;
import org.groundwatergateway.ogc.xml.SafeXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Element;

/**
 * The OGC web services endpoint: {@code /ows} serves WFS and WMS by the SERVICE parameter, {@code /wfs} and
 * {@code /wms} each one of them. KVP by GET (or form POST), XML by POST. Every failure is the standard's
 * exception report, never an HTML error page or a stack trace.
 */
@RestController
public class OwsController {

    private static final Logger log = LoggerFactory.getLogger(OwsController.class);

    private final WfsService wfs;
    private final WmsService wms;

    private final PublicBaseUrl publicBaseUrl;
    private final ServiceSettings settings;
    private final MissingPartners missingPartners;

    public OwsController(WfsService wfs, WmsService wms, PublicBaseUrl publicBaseUrl, ServiceSettings settings, MissingPartners missingPartners) {
        this.publicBaseUrl = publicBaseUrl;
        this.missingPartners = missingPartners;
        this.settings = settings;
        this.wfs = wfs;
        this.wms = wms;
    }

    @RequestMapping(path = {"/ows", "/wfs", "/wms"}, method = {RequestMethod.GET, RequestMethod.POST})
    @Operation(summary = "OGC web services: WFS 2.0 (GetCapabilities, DescribeFeatureType, GetFeature, GetPropertyValue, stored queries) and "
            + "WMS 1.3.0 (GetCapabilities, GetMap, GetFeatureInfo, GetLegendGraphic), as KVP GET or XML POST; errors are OWS exception reports",
            responses = @ApiResponse(responseCode = "200", description = "the request's answer", content = {@Content(mediaType = "application/xml"),
                    @Content(mediaType = "application/gml+xml"), @Content(mediaType = "application/json"), @Content(mediaType = "text/csv"),
                    @Content(mediaType = "image/png"), @Content(mediaType = "image/jpeg")}))
    public void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        String serviceUrl = publicBaseUrl.root(request) + PublicBaseUrl.pathWithinGateway(request) + "?";
        String defaultService = path.endsWith("/wms") ? "WMS" : path.endsWith("/wfs") ? "WFS" : null;
        String service = defaultService;
        OwsResponse answer;
        boolean isWms = false;
        try {
            if (isXml(request)) {
                Element root;
                try (InputStream body = request.getInputStream()) {
                    root = SafeXml.parse(body, settings.maxFilterSize(), ServiceSettings.MAX_FILTER_SIZE).getDocumentElement();
                } catch (IllegalArgumentException e) {
                    throw new OwsException("OperationParsingFailed", "request", e.getMessage());
                }
                service = root.hasAttribute("service") ? root.getAttribute("service") : defaultService != null ? defaultService : "WFS";
                if (!service.equalsIgnoreCase("WFS")) {
                    throw OwsException.invalid("SERVICE", "XML requests are read for WFS; send WMS requests as KVP");
                }
                answer = wfs.handle(WfsXmlReader.read(root), Viewers.current(), serviceUrl, null);
            } else {
                KvpRequest kvp = new KvpRequest(request.getParameterMap());
                // OWS Common (06-121r3 §7.2.1) makes SERVICE mandatory in GetCapabilities, the one request every service
                // answers; the other requests default to the endpoint's own service.
                boolean capabilities = kvp.get("REQUEST").map("GetCapabilities"::equalsIgnoreCase).orElse(false);
                service = kvp.get("SERVICE").orElse(capabilities ? null : defaultService);
                if (service == null) throw OwsException.missing("SERVICE");
                isWms = service.equalsIgnoreCase("WMS");
                if (isWms) {
                    answer = wms.handle(wms.read(kvp), Viewers.current(), serviceUrl);
                } else if (service.equalsIgnoreCase("WFS")) {
                    answer = wfs.handle(wfs.read(kvp), Viewers.current(), serviceUrl, kvp);
                } else {
                    throw OwsException.invalid("SERVICE", "Unknown service " + service + "; this endpoint serves WFS and WMS");
                }
            }
        } catch (OwsException e) {
            answer = isWms ? WmsExceptionReport.of(e) : OwsExceptionReport.of(e, WfsService.VERSION);
        } catch (QueryTimeoutException e) {
            log.info("OGC request {}?{} cancelled by the query timeout", path, request.getQueryString());
            RetryLater.setHeader(response);
            OwsException timedOut = new OwsException("OperationProcessingFailed", null, GatewayProperties.QUERY_TIMED_OUT, 503);
            answer = isWms ? WmsExceptionReport.of(timedOut) : OwsExceptionReport.of(timedOut, WfsService.VERSION);
        } catch (RuntimeException e) {
            OwsException failure;
            if (DatabaseUnavailable.explains(e)) {
                log.warn("OGC request {} answered 503: the database is unavailable ({})", path, e.getMessage());
                RetryLater.setHeader(response);
                failure = new OwsException("NoApplicableCode", null, "The database is unavailable; try again in "
                        + RetryLater.AFTER.toSeconds() + " s", 503);
            } else {
                log.error("OGC request {}?{} failed", path, request.getQueryString(), e);
                failure = new OwsException("NoApplicableCode", null, "The service could not answer this request", 500);
            }
            answer = isWms ? WmsExceptionReport.of(failure) : OwsExceptionReport.of(failure, WfsService.VERSION);
        }
        response.setStatus(answer.status());
        if (answer.status() == HttpServletResponse.SC_OK) missingPartners.mark(request, response);
        response.setContentType(answer.contentType());
        answer.body().writeTo(response.getOutputStream());
    }

    private static boolean isXml(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && type != null
                && (type.contains("xml") || type.startsWith("text/plain"));
    }
}
