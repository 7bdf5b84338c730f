package org.groundwatergateway.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.groundwatergateway.gateway.security.RateLimitedRequest.ANALYSIS;
import static org.groundwatergateway.gateway.security.RateLimitedRequest.BASIC;
import static org.groundwatergateway.gateway.security.RateLimitedRequest.EXPORT;
import static org.groundwatergateway.gateway.security.RateLimitedRequest.LARGE_MAP;
import static org.groundwatergateway.gateway.security.RateLimitedRequest.LOGIN;
import static org.groundwatergateway.gateway.security.RateLimitedRequest.SPARQL;
import static org.groundwatergateway.gateway.security.RateLimitedRequest.TOKEN;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RateLimitedRequestTest {

    private static final RateLimitedRequest.Thresholds THRESHOLDS = new RateLimitedRequest.Thresholds(1_048_576, 1000, 1000);

    private static Set<RateLimitedRequest> classify(String method, String path, String query) {
        return classify(method, path, null, query);
    }

    private static Set<RateLimitedRequest> classify(String method, String path, String authorization, String query) {
        return RateLimitedRequest.classify(method, path, authorization, parameters(query), THRESHOLDS);
    }

    /** Query parameters as the servlet container gives them: names as sent, every value of a repeated name. */
    private static Supplier<Map<String, String[]>> parameters(String query) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                String[] nameValue = pair.split("=", 2);
                String value = nameValue.length > 1 ? nameValue[1] : "";
                parameters.merge(nameValue[0], new String[] {value}, (a, b) -> {
                    String[] both = java.util.Arrays.copyOf(a, a.length + b.length);
                    System.arraycopy(b, 0, both, a.length, b.length);
                    return both;
                });
            }
        }
        return () -> parameters;
    }

    @Test
    void tokenEndpointsByPostOnly() {
        assertThat(classify("POST", "/oauth2/token", "")).containsExactly(TOKEN);
        assertThat(classify("POST", "/oauth2/introspect", "")).containsExactly(TOKEN);
        assertThat(classify("POST", "/oauth2/revoke", "")).containsExactly(TOKEN);
        assertThat(classify("POST", "/oauth2/token/", "")).containsExactly(TOKEN);
        assertThat(classify("GET", "/oauth2/token", "")).isEmpty();
        assertThat(classify("GET", "/oauth2/jwks", "")).isEmpty();
        assertThat(classify("POST", "/oauth2/authorize", "")).isEmpty();
    }

    @Test
    void loginByPostAndBasicCredentialsEverywhere() {
        assertThat(classify("POST", "/login", "")).containsExactly(LOGIN);
        assertThat(classify("GET", "/login", "")).isEmpty();
        assertThat(classify("GET", "/api/v1/parks", "Basic YWRtaW46ZGVtby1hZG1pbg==", "")).containsExactly(BASIC);
        assertThat(classify("PUT", "/api/v1/alerts/1/verdict", "basic YWRtaW46eA==", "")).containsExactly(BASIC);
        assertThat(classify("GET", "/api/v1/parks", "Bearer eyJhbGciOi", "")).isEmpty();
        // A client authenticating to the token endpoint with Basic needs a token of both buckets.
        assertThat(classify("POST", "/oauth2/token", "Basic Y2xpZW50OnNlY3JldA==", "")).containsExactly(TOKEN, BASIC);
    }

    @Test
    void analysesAndForecasts() {
        assertThat(classify("POST", "/api/v1/analytics/trend", "")).containsExactly(ANALYSIS);
        assertThat(classify("POST", "/api/v1/analytics/trace", "")).containsExactly(ANALYSIS);
        assertThat(classify("GET", "/api/v1/datastreams/5/forecast", "horizons=24")).containsExactly(ANALYSIS);
        // Following and cancelling a run are cheap.
        assertThat(classify("GET", "/api/v1/analytics/jobs/abc", "")).isEmpty();
        assertThat(classify("DELETE", "/api/v1/analytics/jobs/abc", "")).isEmpty();
        assertThat(classify("GET", "/api/v1/datastreams/5", "")).isEmpty();
    }

    @Test
    void sparqlQueriesByUrlFormOrBody() {
        assertThat(classify("GET", "/catalog/sparql", "query=ASK%7B%7D")).containsExactly(SPARQL);
        assertThat(classify("HEAD", "/catalog/sparql", "query=ASK%7B%7D")).containsExactly(SPARQL);
        assertThat(classify("POST", "/catalog/sparql", "")).containsExactly(SPARQL);
        assertThat(classify("POST", "/catalog/sparql/", "")).containsExactly(SPARQL);
        // The catalog itself is one cached description.
        assertThat(classify("GET", "/catalog", "")).isEmpty();
    }

    @Test
    void largeMapsOnlyAboveThePixelThresholdWithNamesInAnyCase() {
        assertThat(classify("GET", "/wms", "SERVICE=WMS&REQUEST=GetMap&WIDTH=1024&HEIGHT=1024")).isEmpty();
        assertThat(classify("GET", "/wms", "SERVICE=WMS&REQUEST=GetMap&WIDTH=1025&HEIGHT=1024")).containsExactly(LARGE_MAP);
        assertThat(classify("GET", "/ows", "service=WMS&request=getmap&width=2048&height=2048")).containsExactly(LARGE_MAP);
        assertThat(classify("GET", "/ows", "Service=WMS&Request=GETMAP&Width=4096&Height=300")).containsExactly(LARGE_MAP);
        assertThat(classify("HEAD", "/wms", "REQUEST=GetMap&WIDTH=2048&HEIGHT=2048")).containsExactly(LARGE_MAP);
        assertThat(classify("POST", "/ows", "SERVICE=WMS&REQUEST=GetMap&WIDTH=2048&HEIGHT=2048")).as("form-encoded KVP").containsExactly(LARGE_MAP);
        assertThat(classify("GET", "/wms", "REQUEST=GetMap&WIDTH=256&HEIGHT=256")).isEmpty();
        // Overflowing products are large, not negative.
        assertThat(classify("GET", "/wms", "REQUEST=GetMap&WIDTH=9223372036854775807&HEIGHT=3")).containsExactly(LARGE_MAP);
        // Not a map, not a number, not the WMS: the service answers (or refuses) these itself.
        assertThat(classify("GET", "/wms", "REQUEST=GetFeatureInfo&WIDTH=4096&HEIGHT=4096")).isEmpty();
        assertThat(classify("GET", "/wms", "REQUEST=GetMap&WIDTH=big&HEIGHT=4096")).isEmpty();
        assertThat(classify("GET", "/wfs", "REQUEST=GetMap&WIDTH=4096&HEIGHT=4096")).isEmpty();
        // The first of repeated parameters is the one the service reads.
        assertThat(classify("GET", "/wms", "REQUEST=GetMap&WIDTH=4096&WIDTH=10&HEIGHT=4096")).containsExactly(LARGE_MAP);
        // Whitespace and hexadecimal are read as leniently as the application might.
        assertThat(classify("GET", "/wms", "REQUEST=GetMap&WIDTH=%204096&HEIGHT=0x1000".replace("%20", " "))).containsExactly(LARGE_MAP);
    }

    @Test
    void exportsAreCsvOrManyFeaturesOrLongPagesOfReadings() {
        assertThat(classify("GET", "/wfs", "REQUEST=GetFeature&TYPENAMES=gw:wells&OUTPUTFORMAT=csv")).containsExactly(EXPORT);
        assertThat(classify("GET", "/ows", "service=WFS&request=GetFeature&typeNames=gw:wells&outputFormat=text/csv")).containsExactly(EXPORT);
        assertThat(classify("GET", "/wfs", "REQUEST=GetFeature&TYPENAMES=gw:wells&COUNT=1001")).containsExactly(EXPORT);
        assertThat(classify("GET", "/wfs", "REQUEST=GetFeature&TYPENAMES=gw:wells&maxFeatures=50000")).containsExactly(EXPORT);
        assertThat(classify("GET", "/wfs", "REQUEST=GetPropertyValue&TYPENAMES=gw:wells&VALUEREFERENCE=code&COUNT=5000")).containsExactly(EXPORT);
        assertThat(classify("GET", "/wfs", "REQUEST=GetFeature&TYPENAMES=gw:wells&COUNT=1000")).isEmpty();
        assertThat(classify("GET", "/wfs", "REQUEST=GetFeature&TYPENAMES=gw:wells&OUTPUTFORMAT=application/json")).isEmpty();
        assertThat(classify("GET", "/wfs", "REQUEST=GetCapabilities")).isEmpty();
        assertThat(classify("GET", "/wms", "REQUEST=GetFeature&OUTPUTFORMAT=csv")).isEmpty();

        assertThat(classify("GET", "/ogcapi/collections/wells/items", "limit=5000")).containsExactly(EXPORT);
        assertThat(classify("GET", "/ogcapi/collections/wells/items", "limit=100")).isEmpty();

        assertThat(classify("GET", "/api/v1/datastreams/5/readings", "from=2026-10-01T00:00:00%2B08:00&limit=10000")).containsExactly(EXPORT);
        assertThat(classify("GET", "/api/v1/datastreams/5/readings", "limit=0x2710")).containsExactly(EXPORT);
        assertThat(classify("GET", "/api/v1/datastreams/5/readings", "limit=1000")).isEmpty();
        // Without limit the page is the default thousand readings.
        assertThat(classify("GET", "/api/v1/datastreams/5/readings", "")).isEmpty();
    }

    @Test
    void ordinaryRequestsAreNotLimited() {
        assertThat(classify("GET", "/api/v1/parks", "")).isEmpty();
        assertThat(classify("GET", "/actuator/health", "")).isEmpty();
        assertThat(classify("POST", "/api/v1/readings", "mode=ACCEPT_VALID")).isEmpty();
        assertThat(classify("GET", "/sta/v1.1/Things", "$top=10000")).isEmpty();
    }

    @Test
    void parametersAreReadOnlyWhereTheyMatter() {
        Supplier<Map<String, String[]>> forbidden = () -> {
            throw new AssertionError("parameters read (and a form body parsed) for a request that does not need them");
        };
        assertThat(RateLimitedRequest.classify("POST", "/api/v1/readings", null, forbidden, THRESHOLDS)).isEmpty();
        assertThat(RateLimitedRequest.classify("POST", "/oauth2/token", null, forbidden, THRESHOLDS)).containsExactly(TOKEN);
        assertThat(RateLimitedRequest.classify("POST", "/login", null, forbidden, THRESHOLDS)).containsExactly(LOGIN);
    }
}
