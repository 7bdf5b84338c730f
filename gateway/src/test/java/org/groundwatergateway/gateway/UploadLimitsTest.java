package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import org.groundwatergateway.core.storage.Database;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads have a size (issue #15): beyond {@code gw.imports.max-bytes} or {@code gw.imports.max-rows} the answer is 413
 * naming the setting, the rows read and the readings kept. An ALL_OR_NOTHING upload keeps nothing; ACCEPT_VALID keeps
 * what it read before the limit, as it keeps the valid rows beside wrong ones. A body that declares its size too large is
 * refused before it is read. Limits here are small (1,000 rows, 100 kB) so that the uploads are.
 */
@TestPropertySource(properties = {"gw.imports.max-rows=1000", "gw.imports.max-bytes=100000", "gw.test.fixture=upload-limits"})
class UploadLimitsTest extends RunningGateway {

    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:demo-admin".getBytes(StandardCharsets.UTF_8));

    @Autowired
    private Database database;

    /** {@code rows} hourly pH readings of GW-U27 from {@code start}, in the platform's CSV layout (about 50 bytes a row). */
    private static String csv(int rows, LocalDateTime start) {
        StringBuilder csv = new StringBuilder("well,parameter,time,value\n");
        for (int i = 0; i < rows; i++) csv.append("GW-U27,ph,").append(start.plusHours(i)).append(":00+08:00,7.").append(10 + i % 80).append('\n');
        return csv.toString();
    }

    private long readingsOfGwU27Ph() {
        return database.inTransaction(connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM readings r JOIN datastreams d ON d.id = r.datastream_id "
                    + "WHERE d.code = 'GW-U27/ph'")) {
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    private static JsonNode tooLarge(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return response.json();
    }

    @Test
    void anAllOrNothingUploadOfOneRowTooManyKeepsNothing() {
        long before = readingsOfGwU27Ph();
        JsonNode problem = tooLarge(http.post("/api/v1/readings?live=false", "text/csv", csv(1001, LocalDateTime.of(2024, 1, 1, 0, 0)), "admin", "demo-admin"));
        assertThat(problem.path("limit").asString()).isEqualTo("gw.imports.max-rows");
        assertThat(problem.path("maximum").asLong()).isEqualTo(1000);
        assertThat(problem.path("rowsRead").asInt()).isEqualTo(1000);
        assertThat(problem.path("stored").asInt()).isZero();
        assertThat(problem.path("detail").asString()).startsWith("上传超过每次 1000 行的上限（gw.imports.max-rows）");
        assertThat(readingsOfGwU27Ph()).isEqualTo(before);
        // The same rows less one are an upload like any other.
        assertThat(ok(http.post("/api/v1/readings?live=false", "text/csv", csv(1000, LocalDateTime.of(2024, 1, 1, 0, 0)), "admin", "demo-admin"))
                .path("stored").asInt()).isEqualTo(1000);
        assertThat(readingsOfGwU27Ph()).isEqualTo(before + 1000);
    }

    @Test
    void acceptValidKeepsWhatItReadBeforeTheLimit() {
        long before = readingsOfGwU27Ph();
        String body = csv(1500, LocalDateTime.of(2023, 1, 1, 0, 0));
        Http.Response response = http.post("/api/v1/readings?live=false&mode=ACCEPT_VALID", "text/csv", body, "admin", "demo-admin");
        JsonNode problem = tooLarge(response);
        assertThat(problem.path("rowsRead").asInt()).isEqualTo(1000);
        assertThat(problem.path("stored").asInt()).isEqualTo(1000);
        assertThat(readingsOfGwU27Ph()).isEqualTo(before + 1000);
    }

    @Test
    void jsonArraysCountTheirItems() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 1001; i++) {
            json.append(i == 0 ? "" : ",").append("{\"well\":\"GW-U27\",\"parameter\":\"ph\",\"time\":\"2022-01-01T00:00:00+08:00\",\"value\":7}");
        }
        JsonNode problem = tooLarge(http.post("/api/v1/lab-results", json.append(']').toString(),
                java.util.Map.of("Authorization", ADMIN, "Accept-Language", "en")));
        assertThat(problem.path("detail").asString()).isEqualTo("the upload goes beyond 1000 rows per request (gw.imports.max-rows): 1000 rows were read "
                + "and 0 readings stored; send the rest in further uploads");
    }

    @Test
    void aBodyDeclaredTooLargeIsRefusedUnreadAndAStreamedOneWhereItGoesBeyond() throws Exception {
        long before = readingsOfGwU27Ph();
        // 900 rows, within the row limit, padded with a note column (ignored) to go beyond 100,000 bytes.
        StringBuilder padded = new StringBuilder("well,parameter,time,value,note\n");
        for (int i = 0; i < 900; i++) padded.append("GW-U27,ph,").append(LocalDateTime.of(2021, 1, 1, 0, 0).plusHours(i)).append(":00+08:00,7.2,")
                .append("x".repeat(100)).append('\n');
        byte[] body = padded.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isGreaterThan(100_000);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        HttpRequest declared = HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/readings?live=false&mode=ACCEPT_VALID"))
                .header("Authorization", ADMIN).header("Content-Type", "text/csv").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> atOnce = client.send(declared, HttpResponse.BodyHandlers.ofString());
        assertThat(atOnce.statusCode()).as(atOnce.body()).isEqualTo(413);
        JsonNode refused = JsonMapper.builder().build().readTree(atOnce.body());
        assertThat(refused.path("limit").asString()).isEqualTo("gw.imports.max-bytes");
        assertThat(refused.path("rowsRead").asInt()).isZero();

        // Without a length (chunked), reading stops at the limit; ACCEPT_VALID keeps the rows read whole before it.
        HttpRequest streamed = HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/readings?live=false&mode=ACCEPT_VALID"))
                .header("Authorization", ADMIN).header("Content-Type", "text/csv").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> cut = client.send(streamed, HttpResponse.BodyHandlers.ofString());
        assertThat(cut.statusCode()).as(cut.body()).isEqualTo(413);
        JsonNode stopped = JsonMapper.builder().build().readTree(cut.body());
        assertThat(stopped.path("limit").asString()).isEqualTo("gw.imports.max-bytes");
        // Rows are about 140 bytes: some 700 fit in 100,000 bytes, less what the reader had buffered ahead.
        assertThat(stopped.path("stored").asInt()).isBetween(500, 720).isEqualTo(stopped.path("rowsRead").asInt());
        assertThat(readingsOfGwU27Ph()).isEqualTo(before + stopped.path("stored").asInt());
    }
}
