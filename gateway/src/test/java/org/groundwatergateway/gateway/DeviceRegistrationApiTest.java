package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.groundwatergateway.ingest.hj212.Hj212Frame;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Commissioning over REST: a device's sensor and datastreams in one call, a park's loggers from CSV, every refusal
 * naming its field, and the device's first HJ 212 packet stored into the new datastreams without a restart.
 */
@TestPropertySource(properties = "gw.test.fixture=device-registration") // its own gateway: its new devices would show in others' lists
class DeviceRegistrationApiTest extends RunningGateway {

    private static final String CSV = "text/csv";
    private static final String HEADER = "mn,park,password,well,sensor,model,serialNumber,calibrationIntervalDays,lastCalibratedOn,parameter,"
            + "intervalMinutes\n";

    private static String sonde(String code, String well, String parameters) {
        return "{\"code\": \"" + code + "\", \"model\": \"Aqua TROLL 600\", \"serialNumber\": \"SN-" + code + "\", \"calibrationIntervalDays\": 30, "
                + "\"lastCalibratedOn\": \"2025-11-01\", \"well\": \"" + well + "\", \"parameters\": " + parameters + ", \"intervalMinutes\": 10}";
    }

    @Test
    void aSensorIsRegisteredWithItsDatastreamsAndTheFirstPacketIsStored() throws Exception {
        assertThat(http.post("/api/v1/devices", "{\"mn\": \"REG0001\", \"park\": \"HBDP\", \"password\": \"pw-0001\"}", "admin", "demo-admin")
                .status()).isEqualTo(201);
        String sensor = sonde("REG0001-SONDE", "GW-U01", "[\"ph\", \"w01014\"]");
        assertThat(http.post("/api/v1/devices/REG0001/sensors", sensor, null, null).status()).isEqualTo(401);

        var created = http.post("/api/v1/devices/REG0001/sensors", sensor, "admin", "demo-admin");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location").orElseThrow()).isEqualTo(http.base() + "/api/v1/devices/REG0001");
        JsonNode streams = created.json().get("datastreams");
        assertThat(streams.size()).isEqualTo(2);
        // GW-U01 has a pH datastream of its demo logger already: the new one is told apart by its sensor.
        assertThat(streams.get(0).get("code").asString()).isEqualTo("GW-U01/ph/REG0001-SONDE");
        assertThat(streams.get(0).get("hj212Code").asString()).isEqualTo("w01001");
        assertThat(streams.get(1).get("parameter").asString()).isEqualTo("conductivity");
        assertThat(http.get("/api/v1/devices/REG0001").json().get("sensors").get(0).get("calibrationDue").asString()).isEqualTo("2025-12-01");

        sendHj212("REG0001", "pw-0001", "20251104120000", "w01001-Avg=7.12,w01001-Flag=N;w01014-Avg=812,w01014-Flag=N");
        assertThat(awaitReading(streams.get(0).get("id").asLong(), "2025-11-04T12:00:00%2B08:00").get("rawValue").asDouble()).isEqualTo(7.12);
        assertThat(awaitReading(streams.get(1).get("id").asLong(), "2025-11-04T12:00:00%2B08:00").get("rawValue").asDouble()).isEqualTo(812.0);
    }

    /**
     * The same through SensorThings (issue #15): a Sensor carrying the device's MN and a Datastream of a well, then at
     * once the logger's first packet. The device's own registration has just read the registry, and a miss reads it
     * again only after 10 s: only the SensorThings write itself can make the packet find its datastream.
     */
    @Test
    void aDeviceRegisteredThroughSensorThingsHasItsFirstPacketStored() throws Exception {
        assertThat(http.post("/api/v1/devices", "{\"mn\": \"REG0301\", \"park\": \"HBDP\", \"password\": \"pw-0301\"}", "admin", "demo-admin")
                .status()).isEqualTo(201);
        String sta = "/sta/v1.1";
        Http.Response sensor = http.post(sta + "/Sensors", "{\"name\": \"REG0301-SONDE\", \"description\": \"pH sonde\", \"encodingType\": "
                + "\"application/json\", \"metadata\": \"-\", \"properties\": {\"mn\": \"REG0301\", \"model\": \"Aqua TROLL 600\"}}", "admin", "demo-admin");
        assertThat(sensor.status()).as(sensor.body()).isEqualTo(201);
        long well = http.get(sta + "/Things?$filter=name%20eq%20'GW-U09'").json().path("value").get(0).path("@iot.id").asLong();
        long ph = http.get(sta + "/ObservedProperties?$filter=properties/code%20eq%20'ph'").json().path("value").get(0).path("@iot.id").asLong();
        Http.Response datastream = http.post(sta + "/Datastreams", "{\"name\": \"GW-U09/ph/REG0301-SONDE\", \"unitOfMeasurement\": {\"symbol\": "
                + "\"dimensionless\"}, \"Thing\": {\"@iot.id\": " + well + "}, \"Sensor\": {\"@iot.id\": " + sensor.json().path("@iot.id").asLong()
                + "}, \"ObservedProperty\": {\"@iot.id\": " + ph + "}}", "admin", "demo-admin");
        assertThat(datastream.status()).as(datastream.body()).isEqualTo(201);

        sendHj212("REG0301", "pw-0301", "20251104150000", "w01001-Avg=7.44,w01001-Flag=N");
        assertThat(awaitReading(datastream.json().path("@iot.id").asLong(), "2025-11-04T15:00:00%2B08:00").get("rawValue").asDouble()).isEqualTo(7.44);
    }

    /** A Sensor deleted through SensorThings is retired with its Datastreams: its logger's next packet is refused, with the reason. */
    @Test
    void theLoggerOfARetiredSensorHasItsPacketsRefused() throws Exception {
        assertThat(http.post("/api/v1/devices", "{\"mn\": \"REG0401\", \"park\": \"HBDP\", \"password\": \"pw-0401\"}", "admin", "demo-admin")
                .status()).isEqualTo(201);
        assertThat(http.post("/api/v1/devices/REG0401/sensors", sonde("REG0401-A", "GW-U11", "[\"ph\"]"), "admin", "demo-admin").status())
                .isEqualTo(201);
        long datastream = datastream("GW-U11", "GW-U11/ph/REG0401-A");
        sendHj212("REG0401", "pw-0401", "20251104160000", "w01001-Avg=7.31,w01001-Flag=N");
        assertThat(awaitReading(datastream, "2025-11-04T16:00:00%2B08:00").get("rawValue").asDouble()).isEqualTo(7.31);
        long sensor = http.get("/sta/v1.1/Datastreams(" + datastream + ")/Sensor").json().path("@iot.id").asLong();

        assertThat(http.delete("/sta/v1.1/Sensors(" + sensor + ")", "admin", "demo-admin").status()).isEqualTo(200);
        sendHj212("REG0401", "pw-0401", "20251104170000", "w01001-Avg=7.35,w01001-Flag=N");

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode rejections = http.get("/api/v1/devices/REG0401/rejections").json();
        while (!rejections.toString().contains("has no datastream for w01001") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            rejections = http.get("/api/v1/devices/REG0401/rejections").json();
        }
        assertThat(rejections.toString()).contains("MN REG0401 has no datastream for w01001");
        assertThat(http.get("/api/v1/datastreams/" + datastream + "/readings").status()).isEqualTo(404);
    }

    @Test
    void refusalsNameTheField() {
        // Longer than its column: refused by name (it was a 500 from storage, found by RefusalLanguageFuzzTest), on both doors.
        String long33 = "p".repeat(33);
        assertThat(field(http.post("/api/v1/devices", "{\"mn\": \"REG0009\", \"park\": \"HBDP\", \"password\": \"" + long33 + "\"}", "admin",
                "demo-admin"), 400)).isEqualTo("password");
        assertThat(http.get("/api/v1/devices/REG0009").status()).isEqualTo(404);
        assertThat(http.post("/api/v1/devices", "{\"mn\": \"REG0002\", \"park\": \"HBDP\", \"password\": \"pw-0002\"}", "admin", "demo-admin")
                .status()).isEqualTo(201);
        assertThat(field(http.put("/api/v1/devices/REG0002", "{\"description\": \"" + "d".repeat(201) + "\"}", "admin", "demo-admin"), 400))
                .isEqualTo("description");
        assertThat(field(http.post("/api/v1/devices/NOSUCH/sensors", sonde("X-1", "GW-U02", "[\"ph\"]"), "admin", "demo-admin"), 404))
                .isEqualTo("mn");
        assertThat(field(http.post("/api/v1/devices/REG0002/sensors", sonde("X-1", "GW-X99", "[\"ph\"]"), "admin", "demo-admin"), 400))
                .isEqualTo("well");
        assertThat(field(http.post("/api/v1/devices/REG0002/sensors", sonde("X-1", "GW-U02", "[\"phlogiston\"]"), "admin", "demo-admin"), 400))
                .isEqualTo("parameters");
        assertThat(field(http.post("/api/v1/devices/REG0002/sensors", sonde("X-1", "GW-U02", "[]"), "admin", "demo-admin"), 400))
                .isEqualTo("parameters");
        assertThat(field(http.post("/api/v1/devices/REG0002/sensors", sonde("GW-U20-SONDE", "GW-U02", "[\"ph\"]"), "admin", "demo-admin"), 409))
                .isEqualTo("sensor");
        assertThat(http.post("/api/v1/devices/REG0002/sensors", sonde("REG0002-A", "GW-U02", "[\"ph\"]"), "admin", "demo-admin").status())
                .isEqualTo(201);
        // The intake finds a datastream by MN and parameter: a second pH datastream of this MN could never be fed.
        var twice = http.post("/api/v1/devices/REG0002/sensors", sonde("REG0002-B", "GW-U03", "[\"ph\"]"), "admin", "demo-admin");
        assertThat(field(twice, 409)).isEqualTo("parameter");
        assertThat(twice.json().get("detail").asString()).contains("GW-U02/ph/REG0002-A");
        // Nothing of a refused registration is kept.
        assertThat(http.get("/api/v1/devices/REG0002").json().get("sensors").size()).isEqualTo(1);
    }

    @Test
    void aParkIsCommissionedFromCsvAllOrNothing() throws Exception {
        String bad = HEADER
                + "REG0201,HBDP,pw-0201,GW-U05,REG0201-A,Hach sc200,SN1,30,,ph,60\n"
                + "REG0202,NOPARK,pw-0202,GW-U05,REG0202-A,Hach sc200,SN2,30,,ph,60\n"
                + "REG0203,HBDP,,GW-U05,REG0203-A,Hach sc200,SN3,30,,ph,60\n"
                + "REG0201,HBDP,pw-0201,GW-X99,REG0201-B,Hach sc200,SN4,30,,benzene,60\n"
                + "REG0201,HBDP,pw-0201,GW-U05,REG0201-C,Hach sc200,SN5,30,,ph,sixty\n";
        JsonNode refused = http.post("/api/v1/devices/registrations", CSV, bad, "admin", "demo-admin").json();
        assertThat(refused.get("stored").asInt()).isZero();
        assertThat(refused.get("rejectedRows").asInt()).isEqualTo(5);
        assertThat(refused.get("errors").toString()).contains("{\"row\":3,\"column\":\"park\"", "{\"row\":4,\"column\":\"password\"",
                "{\"row\":5,\"column\":\"well\"", "{\"row\":6,\"column\":\"intervalMinutes\"");
        // Each row's reason in the caller's language.
        assertThat(refused.get("errors").toString()).contains("{\"row\":5,\"column\":\"well\",\"reason\":\"没有代码为 GW-X99 的监测井\"}");
        JsonNode english = http.signedInAs("admin", "demo-admin").postAs("/api/v1/devices/registrations", CSV, bad, java.util.Map.of("Accept-Language", "en"))
                .json();
        assertThat(english.get("errors").toString()).contains("{\"row\":5,\"column\":\"well\",\"reason\":\"no well with code GW-X99\"}");
        assertThat(http.post("/api/v1/devices/registrations", CSV, bad, "admin", "demo-admin").status()).isEqualTo(422);
        assertThat(http.get("/api/v1/devices/REG0201").status()).isEqualTo(404);

        String good = HEADER
                + "REG0101,HBDP,pw-0101,GW-U06,REG0101-GC,Agilent 8890,GC-1,7,2025-11-01,benzene,60\n"
                + "REG0101,HBDP,,GW-U06,REG0101-GC,Agilent 8890,GC-1,7,2025-11-01,g20018,60\n"
                + "REG0102,HBDP,pw-0102,GW-U07,REG0102-SONDE,Aqua TROLL 600,AT-2,30,,ph,10\n";
        var stored = http.post("/api/v1/devices/registrations", CSV, good, "admin", "demo-admin");
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().get("stored").asInt()).isEqualTo(3);
        assertThat(http.get("/api/v1/devices/REG0101").json().get("sensors").size()).isEqualTo(1);
        assertThat(http.get("/api/v1/devices/REG0102").json().get("park").asString()).isEqualTo("HBDP");

        sendHj212("REG0101", "pw-0101", "20251104130000", "g20004-Avg=3.5,g20004-Flag=N");
        long benzene = datastream("GW-U06", "GW-U06/benzene/REG0101-GC");
        assertThat(awaitReading(benzene, "2025-11-04T13:00:00%2B08:00").get("rawValue").asDouble()).isEqualTo(3.5);
    }

    /** The README's commissioning commands, their bodies read from the README itself, then the new logger's first packet. */
    @Test
    void theReadmeCommissioningRunsAsWritten() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        String section = readme.substring(readme.indexOf("# Commissioning a logger"), readme.indexOf("/api/v1/devices/registrations"));
        List<String> bodies = Pattern.compile("-d '([^']*)'").matcher(section).results().map(m -> m.group(1)).toList();
        assertThat(bodies).hasSize(2);
        assertThat(http.post("/api/v1/devices", bodies.get(0), "admin", "demo-admin").status()).isEqualTo(201);
        var sensor = http.post("/api/v1/devices/32062324000101/sensors", bodies.get(1), "admin", "demo-admin");
        assertThat(sensor.status()).as(sensor.body()).isEqualTo(201);
        String csv = Pattern.compile("printf '%s\\\\n' (\\S+)|'(3206[^']*)'").matcher(section).results()
                .map(m -> m.group(1) != null ? m.group(1) : m.group(2)).collect(Collectors.joining("\n", "", "\n"));
        var bulk = http.post("/api/v1/devices/registrations", CSV, csv, "admin", "demo-admin");
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
        assertThat(bulk.json().get("stored").asInt()).isEqualTo(2);

        sendHj212("32062324000101", "HB0101", "20251104140000", "w01001-Avg=7.33,w01001-Flag=N");
        long ph = sensor.json().get("datastreams").get(0).get("id").asLong();
        assertThat(awaitReading(ph, "2025-11-04T14:00:00%2B08:00").get("rawValue").asDouble()).isEqualTo(7.33);
    }

    @Test
    void anUploadIsBounded() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i <= 10_000; i++) csv.append("REG9,HBDP,pw,GW-U01,S").append(i).append(",m,s,30,,ph,60\n");
        assertThat(problem(http.post("/api/v1/devices/registrations", CSV, csv.toString(), "admin", "demo-admin"), 400)).contains("10000");
    }

    private static String field(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).contains("\"detail\"");
        return response.json().get("field").asString();
    }

    private long datastream(String well, String code) {
        for (JsonNode d : http.get("/api/v1/datastreams?well=" + well).json()) {
            if (d.path("code").asString().equals(code)) return d.path("id").asLong();
        }
        throw new AssertionError(code);
    }

    private void sendHj212(String mn, String password, String dataTime, String values) throws Exception {
        int port = http.get("/actuator/health").json().path("components").path("hj212").path("details").path("port").asInt();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(Hj212Frame.encode("QN=" + dataTime + "000;ST=24;CN=2061;PW=" + password + ";MN=" + mn + ";Flag=4;CP=&&DataTime=" + dataTime
                    + ";" + values + "&&"));
            out.flush();
            Thread.sleep(200);
        }
    }

    private JsonNode awaitReading(long datastream, String time) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode items = http.get("/api/v1/datastreams/" + datastream + "/readings?from=" + time + "&limit=1").json().path("items");
            if (items.size() == 1) return items.get(0);
            Thread.sleep(50);
        }
        throw new AssertionError("no reading of datastream " + datastream + " at " + time);
    }
}
