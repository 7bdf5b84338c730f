package org.groundwatergateway.gateway.cite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The OGC and W3C schemas a suite validates against, served offline: an HTTP proxy for the suite's JVM that answers
 * each schema URL (schemas.opengis.net, www.w3.org) from the copy the suite's own jar carries, as its XML catalogs map
 * them, and 404 for anything else. Tests run without Internet access; the suite's validators follow the schema
 * locations in our responses, which name the schemas' canonical URLs.
 */
public final class SchemaMirror implements AutoCloseable {

    private final Map<String, String> entries = new HashMap<>();
    private final Path jar;
    private final HttpServer server;

    /** A mirror of the schemas listed in these catalogs (jar entries) of the suite's jar. */
    public SchemaMirror(Path jar, List<String> catalogs) throws IOException {
        this.jar = jar;
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String catalog : catalogs) readCatalog(file, catalog);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** The JVM options that send the suite's HTTP requests for other hosts through this mirror. */
    public List<String> jvmOptions() {
        return List.of("-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=" + server.getAddress().getPort(),
                "-Dhttp.nonProxyHosts=localhost|127.*");
    }

    private void readCatalog(JarFile file, String catalog) throws IOException {
        try (InputStream in = file.getInputStream(file.getEntry(catalog))) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            NodeList systems = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "system");
            URI base = URI.create("jar:/" + catalog);
            for (int i = 0; i < systems.getLength(); i++) {
                Element system = (Element) systems.item(i);
                String entry = base.resolve(system.getAttribute("uri")).getPath().substring(1);
                entries.putIfAbsent(system.getAttribute("systemId"), entry);
            }
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("unreadable catalog " + catalog, e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; JarFile file = new JarFile(jar.toFile())) {
            String entry = entries.get(exchange.getRequestURI().toString());
            ZipEntry zipEntry = entry == null ? null : file.getEntry(entry);
            if (zipEntry == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] schema;
            try (InputStream in = file.getInputStream(zipEntry)) {
                schema = in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, schema.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(schema);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
