package org.groundwatergateway.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.groundwatergateway.core.problem.InvalidInput;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The message catalogues of {@link InvalidInput} and the analytics library's {@code InvalidArgument} against the
 * sources of every module that refuses input: each key thrown is in both languages of its module's catalogue, each
 * catalogue entry is thrown somewhere, and the two languages of an entry quote the same arguments. Runs in the gateway, the one module that sees all the others.
 */
class ProblemCataloguesTest {

    private static final List<String> MODULES = List.of("analytics", "core", "ingest", "policies", "ogc", "catalog", "gateway");
    private static final Pattern THROWN = Pattern.compile("(?:new Invalid(?:Input|Argument)|Stage\\.of|Phrase\\.of|InvalidArgument\\.catalogued)\\(\\s*(\"([^\"]*)\")?");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    private static final Path ROOT = Path.of("..");

    /** Keys thrown, each with the source file it is thrown in. */
    private static final Map<String, String> thrown = new TreeMap<>();
    private static final List<String> withoutLiteralKey = new ArrayList<>();

    @BeforeAll
    static void readSources() throws IOException {
        for (String module : MODULES) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                // InvalidInput, InvalidArgument and Stage pass their keys on (InvalidInput.at, placed, Stage.text) and throw none of their own.
                for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("InvalidInput.java") && !f.endsWith("InvalidArgument.java")
                        && !f.endsWith("Stage.java") && !f.endsWith("Phrase.java")).toList()) {
                    Matcher m = THROWN.matcher(Files.readString(file));
                    while (m.find()) {
                        if (m.group(2) == null) withoutLiteralKey.add(file.getFileName().toString());
                        else thrown.put(m.group(2), file.getFileName().toString());
                    }
                }
            }
        }
    }

    private static Properties catalogue(String module, String suffix) throws IOException {
        Path file = ROOT.resolve(module).resolve("src/main/resources").resolve(InvalidInput.baseName(module).replace('.', '/') + suffix + ".properties");
        Properties entries = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                entries.load(in);
            }
        }
        return entries;
    }

    @Test
    void everyKeyIsALiteralSoThatItCanBeChecked() {
        assertThat(thrown).as("no InvalidInput thrown at all: the pattern no longer matches the sources").isNotEmpty();
        assertThat(withoutLiteralKey).as("InvalidInput constructed with a key that is not a string literal").isEmpty();
    }

    @Test
    void everyKeyThrownIsInItsModulesCatalogueInBothLanguages() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> key : thrown.entrySet()) {
            String module = key.getKey().substring(0, Math.max(0, key.getKey().indexOf('.')));
            if (!MODULES.contains(module)) {
                missing.add(key.getKey() + " (" + key.getValue() + "): no module " + module);
                continue;
            }
            if (!catalogue(module, "").containsKey(key.getKey())) missing.add(key.getKey() + " (" + key.getValue() + "): no English");
            if (!catalogue(module, "_zh").containsKey(key.getKey())) missing.add(key.getKey() + " (" + key.getValue() + "): no Chinese");
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyCatalogueEntryIsThrownSomewhere() throws IOException {
        List<String> unused = new ArrayList<>();
        for (String module : MODULES) {
            for (String suffix : List.of("", "_zh")) {
                for (String key : catalogue(module, suffix).stringPropertyNames()) {
                    if (!key.startsWith(module + ".") || !thrown.containsKey(key)) unused.add(module + suffix + ": " + key);
                }
            }
        }
        assertThat(unused).isEmpty();
    }

    @Test
    void bothLanguagesQuoteTheSameArgumentsAndNoApostropheIsLost() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String module : MODULES) {
            Properties english = catalogue(module, "");
            Properties chinese = catalogue(module, "_zh");
            for (String key : english.stringPropertyNames()) {
                String en = english.getProperty(key);
                String zh = chinese.getProperty(key, en);
                if (!arguments(en).equals(arguments(zh))) wrong.add(key + ": arguments " + arguments(en) + " in English, " + arguments(zh) + " in Chinese");
                // MessageFormat drops a single apostrophe and quotes what follows it; a literal one is written ''.
                if (en.replace("''", "").contains("'") || zh.replace("''", "").contains("'")) wrong.add(key + ": a single apostrophe");
                if (!zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) wrong.add(key + ": the Chinese has no Chinese");
                new MessageFormat(en);
                new MessageFormat(zh);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theCataloguesAreReadAsUtf8AndLedByTheField() {
        InvalidInput refused = new InvalidInput(thrown.keySet().iterator().next(), "limit", 1, 2, 3, 4, 5);
        assertThat(refused.getMessage()).startsWith("limit: ").isEqualTo(refused.message(Locale.ENGLISH));
        assertThat(refused.message(Locale.SIMPLIFIED_CHINESE)).startsWith("limit：")
                .matches(text -> text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), "has Chinese");
    }

    private static Set<String> arguments(String pattern) {
        Set<String> indices = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) indices.add(m.group(1));
        return indices;
    }
}
