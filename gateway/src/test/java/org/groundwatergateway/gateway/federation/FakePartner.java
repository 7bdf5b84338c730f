package org.groundwatergateway.gateway.federation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A partner gateway on loopback that answers each path (without its query) as a test says, and counts what it was asked. */
final class FakePartner implements AutoCloseable {

    /** An answer: status and body. */
    record Answer(int status, String body) {}

    private final HttpServer server;
    final List<String> asked = new CopyOnWriteArrayList<>();

    FakePartner(Function<String, Answer> answers) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> answer(exchange, answers));
        server.start();
    }

    private void answer(HttpExchange exchange, Function<String, Answer> answers) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        asked.add(path);
        Answer answer = answers.apply(path);
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            // the client stopped reading (a body beyond its limit)
        }
        exchange.close();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long count(String path) {
        return asked.stream().filter(path::equals).count();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
