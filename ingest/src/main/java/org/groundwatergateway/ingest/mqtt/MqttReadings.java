package org.groundwatergateway.ingest.mqtt;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.ingest.device.DeviceRegistry;
import org.groundwatergateway.ingest.hj212.Hj212DataFlags;
import org.groundwatergateway.ingest.hj212.PollutantCodes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON a device publishes on {@code gw/{MN}/readings} (docs/mqtt.md):
 * <pre>{"time": "2026-11-21T10:00:00+08:00",
 *  "readings": [{"code": "w01001", "value": 7.41, "flag": "N"}, {"parameter": "benzene", "value": 3.2, "time": "…"}]}</pre>
 * Each item names an HJ 212 pollutant code (its value in the code's unit, converted) or a platform parameter
 * code (its value in the parameter's unit). An item's own time overrides the message's.
 */
public final class MqttReadings {

    /** The readings of one message and what could not be read, item by item. */
    public record Parsed(List<Reading> readings, List<String> problems) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DeviceRegistry devices;
    private final PollutantCodes codes;

    public MqttReadings(DeviceRegistry devices, PollutantCodes codes) {
        this.devices = devices;
        this.codes = codes;
    }

    /** Reads a message; a message that is not JSON of this form is an IllegalArgumentException naming the problem. */
    public Parsed parse(String mn, byte[] payload, Instant receivedAt) {
        JsonNode message;
        try {
            message = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("payload is not JSON: " + e.getOriginalMessage());
        }
        if (!message.path("readings").isArray()) throw new IllegalArgumentException("payload has no \"readings\" array");
        Instant messageTime = message.hasNonNull("time") ? time("time", message.get("time").asString()) : null;
        List<Reading> readings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int index = 0;
        for (JsonNode item : message.path("readings")) {
            String where = "readings[" + index++ + "]";
            try {
                readings.add(reading(mn, item, messageTime, receivedAt, where));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return new Parsed(readings, problems);
    }

    private Reading reading(String mn, JsonNode item, Instant messageTime, Instant receivedAt, String where) {
        String parameter;
        double factor = 1;
        if (item.hasNonNull("code")) {
            var mapping = codes.find(item.get("code").asString(), false)
                    .orElseThrow(() -> new IllegalArgumentException(where + ".code: unknown pollutant code " + item.get("code").asString()));
            parameter = mapping.parameter();
            factor = mapping.factor();
        } else if (item.hasNonNull("parameter")) {
            parameter = item.get("parameter").asString();
        } else {
            throw new IllegalArgumentException(where + ": needs \"code\" or \"parameter\"");
        }
        long datastream = devices.datastream(mn, parameter)
                .orElseThrow(() -> new IllegalArgumentException(where + ": MN " + mn + " has no datastream for " + parameter));
        JsonNode value = item.get("value");
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new IllegalArgumentException(where + ".value: a number is required");
        }
        Instant time = item.hasNonNull("time") ? time(where + ".time", item.get("time").asString()) : messageTime;
        if (time == null) throw new IllegalArgumentException(where + ": no time (give \"time\" on the message or the item)");
        int flags;
        try {
            flags = Hj212DataFlags.bits(item.hasNonNull("flag") ? item.get("flag").asString() : null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".flag: " + e.getMessage());
        }
        return Reading.arrived(datastream, time, value.asDouble() * factor, flags, "mqtt", receivedAt);
    }

    private static Instant time(String field, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not an ISO-8601 date-time with offset");
        }
    }
}
