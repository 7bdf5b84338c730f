package org.groundwatergateway.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for tests against a running gateway. */
final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    /** Sent with every request that names no credentials of its own (HTTP Basic); null: anonymous. */
    private final String signedIn;

    Http(int port) {
        this("http://127.0.0.1:" + port, null);
    }

    private Http(String base, String signedIn) {
        this.base = base;
        this.signedIn = signedIn;
    }

    /** This client signed in as {@code user} for the requests that name no credentials. */
    Http signedInAs(String user, String password) {
        return new Http(base, basic(user, password));
    }

    /** This client presenting an OAuth2 access token for the requests that name no credentials. */
    Http bearer(String accessToken) {
        return new Http(base, "Bearer " + accessToken);
    }

    /** This client without a sign-in: the public. */
    Http anonymous() {
        return new Http(base, null);
    }

    private HttpRequest.Builder withDefault(HttpRequest.Builder request) {
        return signedIn == null ? request : request.header("Authorization", signedIn);
    }

    /** The gateway's root URL, for clients other than this one. */
    String base() {
        return base;
    }

    record Response(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Response get(String path) {
        return send(withDefault(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path)).GET()));
    }

    /** A GET with extra headers, e.g. a Bearer token or Accept-Language. */
    Response get(String path, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = withDefault(HttpRequest.newBuilder(URI.create(base + path)).GET());
        headers.forEach(request::header);
        return send(request);
    }

    /** An OPTIONS request with these headers, anonymous (a browser's CORS preflight carries no credentials). */
    Response options(String path, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return send(request);
    }

    /** A GET whose body is binary (a PDF, an image). */
    byte[] getBytes(String path) {
        try {
            return client.send(withDefault(HttpRequest.newBuilder(URI.create(base + path))).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON POST's answer as bytes (a PDF), with its status and content type. */
    HttpResponse<byte[]> postForBytes(String path, String json) {
        try {
            return client.send(withDefault(HttpRequest.newBuilder(URI.create(base + path))).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An image the gateway draws (a WMS map or legend): a 200 answer of an image type, decoded. */
    java.awt.image.BufferedImage image(String path) {
        try {
            HttpResponse<byte[]> response = client.send(withDefault(HttpRequest.newBuilder(URI.create(base + path))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/");
            return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(response.body()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET with HTTP basic credentials. */
    Response getAs(String path, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Authorization",
                basic(user, password)));
    }

    /** A GET with HTTP basic credentials and an Accept header. */
    Response getAs(String path, String accept, String user, String password) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", accept).header("Authorization", basic(user, password)));
    }

    Response post(String path, String json, String user, String password) {
        return post(path, "application/json", json, user, password);
    }

    Response post(String path, String contentType, String body, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return send(request);
    }

    /** A JSON POST with extra headers, e.g. {@code Prefer: respond-async}. */
    Response post(String path, String json, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = withDefault(HttpRequest.newBuilder(URI.create(base + path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request);
    }

    /** A POST of this content type with extra headers, e.g. Accept-Language. */
    Response postAs(String path, String contentType, String body, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = withDefault(HttpRequest.newBuilder(URI.create(base + path))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return send(request);
    }

    /** The lines of a server-sent event stream, read until the server ends it (at most {@code timeout}). */
    java.util.List<String> eventStream(String path, Duration timeout) {
        try {
            HttpResponse<Stream<String>> response = client.send(withDefault(HttpRequest.newBuilder(URI.create(base + path)))
                    .header("Accept", "text/event-stream").timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofLines());
            try (java.util.stream.Stream<String> lines = response.body()) {
                return lines.toList();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Follows a server-sent event stream that does not end: its lines arrive in the queue as they come. */
    BlockingQueue<String> follow(String path) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        try {
            HttpResponse<Stream<String>> response = client.send(withDefault(HttpRequest.newBuilder(URI.create(base + path)))
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) throw new IllegalStateException(path + " answered " + response.statusCode());
            Thread reader = new Thread(() -> response.body().forEach(lines::add), "event-stream " + path);
            reader.setDaemon(true);
            reader.start();
            return lines;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response patch(String path, String json, String user, String password) {
        return send("PATCH", path, json, user, password);
    }

    /** A PATCH with extra headers, e.g. Accept-Language. */
    Response patch(String path, String json, String user, String password, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (user != null) request.header("Authorization", basic(user, password));
        headers.forEach(request::header);
        return send(request);
    }

    Response put(String path, String json, String user, String password) {
        return send("PUT", path, json, user, password);
    }

    Response delete(String path, String user, String password) {
        return send("DELETE", path, null, user, password);
    }

    private Response send(String method, String path, String json, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return send(request);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
