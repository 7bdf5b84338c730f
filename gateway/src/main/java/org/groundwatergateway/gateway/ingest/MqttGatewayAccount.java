package org.groundwatergateway.gateway.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.groundwatergateway.gateway.config.GatewayProperties;
import org.groundwatergateway.gateway.config.MqttProperties;
import org.groundwatergateway.ingest.mqtt.MqttCredentials;
import org.springframework.stereotype.Component;

/**
 * The account the platform's own MQTT clients (the ingest subscriber, the alert channel, the SensorThings client of an
 * external broker) log in with. On the embedded broker it is an internal account whose password is drawn from
 * {@link SecureRandom} at each start and never leaves the process; their client ids carry a random key kept in the data
 * directory, so that nobody can take over the ingest subscriber's persistent session by connecting under its client id
 * (MQTT 3.1.1 lets the newest connection with a client id take the session over). On an external broker it is
 * {@code gw.mqtt.username} / {@code gw.mqtt.password}, and the client ids are the configured ones.
 */
@Component
public class MqttGatewayAccount {

    /** The internal account's name on the embedded broker; no device or token login may use it. */
    public static final String INTERNAL_USERNAME = "groundwater-gateway";
    private static final String CLIENT_KEY_FILE = "mqtt-client-key";

    private final boolean embedded;
    private final Path dataDir;
    private final byte[] internalPassword;
    private final MqttCredentials credentials;
    private volatile String clientKey;

    public MqttGatewayAccount(MqttProperties properties, GatewayProperties gateway) {
        this.embedded = properties.embedded();
        this.dataDir = gateway.dataDir();
        if (embedded) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            this.internalPassword = password.getBytes(StandardCharsets.UTF_8);
            this.credentials = new MqttCredentials(INTERNAL_USERNAME, password.toCharArray());
        } else {
            this.internalPassword = null;
            this.credentials = properties.username() == null || properties.username().isBlank() ? MqttCredentials.NONE
                    : new MqttCredentials(properties.username(), properties.password() == null ? null : properties.password().toCharArray());
        }
    }

    /** What the platform's clients present to the broker they use. */
    public MqttCredentials credentials() {
        return credentials;
    }

    /** Whether these are the internal account's credentials (embedded broker only), compared in constant time. */
    boolean isInternal(String username, byte[] password) {
        return embedded && INTERNAL_USERNAME.equals(username) && password != null && MessageDigest.isEqual(internalPassword, password);
    }

    /**
     * The client id a platform client uses: {@code base} on an external broker, {@code base-<key>} on the embedded one,
     * where the key is drawn once per data directory and kept there, so a persistent session outlives restarts.
     */
    public String clientId(String base) {
        return embedded ? base + "-" + clientKey() : base;
    }

    private synchronized String clientKey() {
        if (clientKey != null) return clientKey;
        Path file = dataDir.resolve(CLIENT_KEY_FILE);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                byte[] key = new byte[12];
                new SecureRandom().nextBytes(key);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException raced) {
                    return clientKey = read(file);
                }
                Files.writeString(file, HexFormat.of().formatHex(key), StandardCharsets.US_ASCII);
            }
            return clientKey = read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the MQTT client key in " + file + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) throws IOException {
        String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!key.matches("[0-9a-f]{24}")) throw new IOException("it does not hold 24 hexadecimal digits; delete it to draw a new key");
        return key;
    }
}
