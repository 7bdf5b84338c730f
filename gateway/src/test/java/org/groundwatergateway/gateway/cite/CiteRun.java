package org.groundwatergateway.gateway.cite;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One run of an OGC CITE executable test suite, from its all-in-one jar (copied to {@code gw.cite.dir} by the build),
 * in a child JVM as the suites' own command line runs them: the test run arguments go in as an XML properties file,
 * TestNG's results come back as {@code testng-results.xml} under the run's directory.
 */
public final class CiteRun {

    private final Path jar;
    private final Path directory;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<Path> classpath = new ArrayList<>();

    private CiteRun(Path jar, Path directory) {
        this.jar = jar;
        this.directory = directory.toAbsolutePath();
    }

    /** A run of {@code ets-<code>-aio.jar}, writing under {@code directory} (emptied first). */
    public static CiteRun of(String code, Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> old = Files.walk(directory)) {
                for (Path file : old.sorted(Comparator.reverseOrder()).toList()) Files.delete(file);
            }
        }
        CiteRun run = new CiteRun(copied("ets-" + code + "-aio.jar"), directory);
        run.classpath.add(run.jar);
        return run;
    }

    /** Adds jars that the build copied beside the suites to the suite's class path. */
    public CiteRun withJars(String... names) {
        for (String name : names) classpath.add(copied(name));
        return this;
    }

    /** Puts jars that the build copied beside the suites ahead of the suite's own classes on its class path. */
    public CiteRun withJarsFirst(String... names) {
        for (int i = names.length - 1; i >= 0; i--) classpath.add(0, copied(names[i]));
        return this;
    }

    /** Puts a directory of classes ahead of the suite's own on its class path. */
    public CiteRun classpathFirst(Path classes) {
        classpath.add(0, classes);
        return this;
    }

    /** The suite's all-in-one jar. */
    public Path jar() {
        return jar;
    }

    private static Path copied(String name) {
        Path jar = Path.of(System.getProperty("gw.cite.dir", "target/cite")).resolve(name).toAbsolutePath();
        if (!Files.isRegularFile(jar)) throw new AssertionError(jar + " is missing: the build copies it (mvn test-compile)");
        return jar;
    }

    /** Directory for files the run needs besides its arguments (a patched JDK class, say). */
    public Path directory() {
        return directory;
    }

    public CiteRun jvmOptions(String... options) {
        return jvmOptions(List.of(options));
    }

    public CiteRun jvmOptions(List<String> options) {
        jvmOptions.addAll(options);
        return this;
    }

    /** Runs the suite with these test run arguments (the suite's {@code TestRunArg} names) and reads its results. */
    public CiteResults run(Map<String, String> arguments, Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path properties = directory.resolve("test-run-props.xml");
        Files.writeString(properties, propertiesXml(arguments), StandardCharsets.UTF_8);
        Path log = directory.resolve("suite.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The suites write their results under user.home (ets-sta10 knows no other option).
                "-Duser.home=" + directory, "-Djava.io.tmpdir=" + directory, "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                mainClass(), properties.toString()));
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(jar.getFileName() + " did not finish within " + timeout + "; its log: " + log);
        }
        try (Stream<Path> files = Files.walk(directory)) {
            Path results = files.filter(file -> file.getFileName().toString().equals("testng-results.xml")).findFirst()
                    .orElseThrow(() -> new AssertionError(jar.getFileName() + " wrote no testng-results.xml (exit "
                            + process.exitValue() + "):\n" + tail(log)));
            return CiteResults.read(results);
        }
    }

    private String mainClass() throws IOException {
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            return jarFile.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
        }
    }

    private static String propertiesXml(Map<String, String> arguments) {
        // No DOCTYPE: the suites' parsers would fetch its DTD, and tests run offline.
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<properties version=\"1.0\">\n");
        arguments.forEach((key, value) -> xml.append("  <entry key=\"").append(key).append("\">")
                .append(value.replace("&", "&amp;").replace("<", "&lt;")).append("</entry>\n"));
        return xml.append("</properties>\n").toString();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
