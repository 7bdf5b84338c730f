package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #15: a request's Host header came back in WMS and WFS capabilities and in next links. With
 * {@code gw.public-base-url} set, every link is rooted there, whatever Host a client sends.
 */
class PublicBaseUrlTest extends RunningGateway {

    private static final String PUBLIC = "https://gw.example.cn/portal";
    private static final String FORGED_HOST = "evil.example:666";

    @DynamicPropertySource
    static void publicBaseUrl(DynamicPropertyRegistry registry) {
        registry.add("gw.public-base-url", () -> PUBLIC + "/");
    }

    @Value("${local.server.port}")
    int port;

    /** A raw HTTP/1.1 GET, as the JDK client will not send a Host of our choosing; the whole response as text. */
    private String getWithForgedHost(String path, String user, String password) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            String authorization = user == null ? "" : "Authorization: Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)) + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + FORGED_HOST + "\r\n" + authorization + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void capabilitiesAndNextLinksUseTheConfiguredRootNotTheHostHeader() throws IOException {
        String wms = getWithForgedHost("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0", null, null);
        assertThat(wms).startsWith("HTTP/1.1 200").contains(PUBLIC + "/wms?").doesNotContain("evil.example");
        String wfs = getWithForgedHost("/wfs?SERVICE=WFS&REQUEST=GetCapabilities&VERSION=2.0.0", null, null);
        assertThat(wfs).startsWith("HTTP/1.1 200").contains(PUBLIC + "/wfs?").doesNotContain("evil.example");

        String things = getWithForgedHost("/sta/v1.1/Things?$top=1", null, null);
        assertThat(things).startsWith("HTTP/1.1 200").contains("\"@iot.nextLink\":\"" + PUBLIC + "/sta/v1.1/Things?")
                .doesNotContain("evil.example");

        String landing = getWithForgedHost("/ogcapi?f=json", null, null);
        assertThat(landing).startsWith("HTTP/1.1 200").contains(PUBLIC + "/ogcapi").doesNotContain("evil.example");

        long datastream = http.get("/api/v1/datastreams?well=GW-U01").json().get(0).path("id").asLong();
        String readings = getWithForgedHost("/api/v1/datastreams/" + datastream + "/readings?limit=1", "admin", "demo-admin");
        assertThat(readings).startsWith("HTTP/1.1 200").contains("\"next\":\"" + PUBLIC + "/api/v1/datastreams/" + datastream + "/readings?")
                .doesNotContain("evil.example");
    }
}
