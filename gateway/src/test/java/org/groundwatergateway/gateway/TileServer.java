package org.groundwatergateway.gateway;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/** An XYZ tile service on loopback, as a park's 天地图 would be: a plain 256 px tile at /tiles/{z}/{x}/{y}.png, with CORS. */
final class TileServer {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private TileServer(HttpServer server) {
        this.server = server;
    }

    static TileServer start() {
        try {
            BufferedImage tile = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
            var graphics = tile.createGraphics();
            graphics.setColor(new Color(0xF2, 0xEF, 0xE9));
            graphics.fillRect(0, 0, 256, 256);
            graphics.dispose();
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(tile, "png", png);
            byte[] body = png.toByteArray();

            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TileServer tiles = new TileServer(server);
            server.createContext("/tiles/", exchange -> {
                tiles.requests.incrementAndGet();
                exchange.getResponseHeaders().add("Content-Type", "image/png");
                exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.setExecutor(null);
            server.start();
            return tiles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String template() {
        return origin() + "/tiles/{z}/{x}/{y}.png";
    }

    int requests() {
        return requests.get();
    }
}
