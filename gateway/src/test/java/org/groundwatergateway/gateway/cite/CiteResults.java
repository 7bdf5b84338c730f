package org.groundwatergateway.gateway.cite;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** What a CITE suite's TestNG run found: the figures and each failed test (configuration methods included). */
public record CiteResults(int total, int passed, int failed, int skipped, Duration duration, List<Failure> failures) {

    /** A failed test: {@code Class.method} and the suite's message. */
    public record Failure(String test, String message) {
        @Override
        public String toString() {
            return test + ": " + message;
        }
    }

    static CiteResults read(Path testngResults) throws IOException {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(testngResults.toFile());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("unreadable " + testngResults, e);
        }
        Element root = document.getDocumentElement();
        List<Failure> failures = new ArrayList<>();
        long millis = 0;
        NodeList methods = document.getElementsByTagName("test-method");
        for (int i = 0; i < methods.getLength(); i++) {
            Element method = (Element) methods.item(i);
            millis += Long.parseLong(method.getAttribute("duration-ms"));
            if (!method.getAttribute("status").equals("FAIL")) continue;
            Element testClass = (Element) method.getParentNode();
            String name = simpleName(testClass.getAttribute("name")) + "." + method.getAttribute("name");
            NodeList messages = method.getElementsByTagName("message");
            String message = messages.getLength() == 0 ? "(no message)" : messages.item(0).getTextContent().strip();
            failures.add(new Failure(name, message));
        }
        return new CiteResults(count(root, "total"), count(root, "passed"), count(root, "failed"), count(root, "skipped"),
                Duration.ofMillis(millis), List.copyOf(failures));
    }

    /** The failures not in {@code known} (tests that fail for a documented reason outside the gateway). */
    public List<Failure> failuresExcept(Set<String> known) {
        return failuresExcept(failure -> known.contains(failure.test()));
    }

    /** The failures that {@code explained} does not account for. */
    public List<Failure> failuresExcept(Predicate<Failure> explained) {
        return failures.stream().filter(explained.negate()).toList();
    }

    /** One line of figures, for the test log and docs/conformance.md. */
    public String summary() {
        // TestNG counts failed configuration (setup) methods apart from tests; they are among the failures listed.
        return "%d run, %d passed, %d failed, %d skipped; %d failures listed including setup (%d s in tests)".formatted(total, passed,
                failed, skipped, failures.size(), duration.toSeconds());
    }

    public static String describe(List<Failure> failures) {
        return failures.stream().map(Failure::toString).collect(Collectors.joining("\n\n"));
    }

    private static int count(Element root, String attribute) {
        String value = root.getAttribute(attribute);
        return value.isEmpty() ? 0 : Integer.parseInt(value);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
