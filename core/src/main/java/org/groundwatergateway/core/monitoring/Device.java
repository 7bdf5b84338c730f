package org.groundwatergateway.core.monitoring;

import java.time.Instant;

/**
 * A data logger that reports over HJ 212 (or MQTT) under its device number MN, with what the platform has
 * seen of it.
 *
 * @param accepts2005 whether HJ/T 212-2005 packets (no QN and Flag, old pollutant codes) are accepted from it
 * @param maxDataLength the longest data segment accepted: 1024 by the standard, more for known offenders
 */
public record Device(Long id, String mn, long parkId, String password, boolean accepts2005, int maxDataLength, boolean enabled,
                     String description, Instant registeredAt, Instant lastSeenAt, long packetsReceived, long packetsRejected) {

    /** An MN as the platform accepts it: up to 32 letters, digits, '-' or '_' (HJ 212 allows 24 characters; loggers in the field exceed it). */
    public static boolean isValidMn(String mn) {
        return mn != null && mn.matches("[0-9A-Za-z_-]{1,32}");
    }

    public static Device register(String mn, long parkId, String password, String description, Instant at) {
        return new Device(null, mn, parkId, password, false, 1024, true, description, at, null, 0, 0);
    }

    public Device withId(long newId) {
        return new Device(newId, mn, parkId, password, accepts2005, maxDataLength, enabled, description, registeredAt, lastSeenAt,
                packetsReceived, packetsRejected);
    }
}
