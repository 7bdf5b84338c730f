package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.groundwatergateway.gateway.web.AbandonedRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #15: work went on after the client left. A SensorThings read that keeps the database busy for about a minute
 * (bounded only by {@code gw.query-timeout}, 30 s) is sent, and its client closes the connection after a second and a
 * half: the database work is cancelled within two seconds of that, and the gateway answers the next request.
 */
class AbandonedRequestTest extends RunningGateway {

    @Autowired
    private AbandonedRequests abandoned;

    @Test
    void theDatabaseWorkOfARequestWhoseClientLeftIsCancelled() throws Exception {
        // As in QueryTimeoutTest: each of the 10,800 Observations searches an 8,000-character text for a 4,001-character
        // one that it almost matches everywhere.
        String filter = "indexof(concat(Datastream/name, '" + "a".repeat(8_000) + "'), '" + "a".repeat(4_000) + "b') eq 1";
        byte[] body = ("{\"requests\": [{\"id\": \"1\", \"method\": \"get\", \"url\": \"Observations?$top=1&$filter=" + filter + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        String authorization = Base64.getEncoder().encodeToString("admin:demo-admin".getBytes(StandardCharsets.UTF_8));
        long cancelledBefore = abandoned.cancelled();
        int port = java.net.URI.create(http.base()).getPort();
        long closedAt;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /sta/v1.1/$batch HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + authorization
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            Thread.sleep(1500);
            assertThat(abandoned.running()).as("the request is still being served").isPositive();
            closedAt = System.nanoTime();
        }
        while (abandoned.running() > 0 || abandoned.cancelled() == cancelledBefore) {
            assertThat(Duration.ofNanos(System.nanoTime() - closedAt)).as("work stopped after the client left").isLessThan(Duration.ofSeconds(2));
            Thread.sleep(20);
        }
        Duration stoppedAfter = Duration.ofNanos(System.nanoTime() - closedAt);
        System.out.printf("abandoned request: database work stopped %d ms after the client closed its connection%n", stoppedAfter.toMillis());
        assertThat(abandoned.cancelled()).isEqualTo(cancelledBefore + 1);
        assertThat(http.get("/sta/v1.1/Things?$top=1").status()).isEqualTo(200);
    }
}
