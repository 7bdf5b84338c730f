package org.groundwatergateway.ingest.hj212;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.groundwatergateway.core.monitoring.Device;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.ingest.device.DeviceRegistry;
import org.groundwatergateway.ingest.hj212.Hj212FrameReader.Rejected;
import org.groundwatergateway.ingest.intake.ReadingIntake;

/**
 * What the platform does with each HJ 212 packet a connection delivers: checks the device and its
 * password, turns data commands (2011 real-time, 2051 minute, 2061 hourly, 2031 daily) into readings,
 * reassembles split packets, hands the readings to the intake and sends the CN=9014 data acknowledgement
 * only once they are committed. Refusals are counted, logged and kept with their reason. Readings that could not be
 * committed (the database away) are refused with CN=9011 QnRtn=2, "request refused", at once, so the device keeps them
 * and sends them again rather than waiting on an acknowledgement that will not come.
 */
public final class Hj212Reception {

    private static final Set<String> DATA_COMMANDS = Set.of("2011", "2051", "2061", "2031");
    /** Commands that only show the device is alive: the HJ 212-2025 heartbeat and a device's own replies. */
    private static final Set<String> PRESENCE_COMMANDS = Set.of("9015", "9011", "9012", "9013", "9014");
    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final String CHANNEL = "hj212";

    private record Part(Hj212Packet packet, Consumer<byte[]> reply) {}

    private static final class SplitPacket {
        final Part[] parts;
        final Instant firstSeen;
        final String origin;

        SplitPacket(int count, Instant firstSeen, String origin) {
            this.parts = new Part[count];
            this.firstSeen = firstSeen;
            this.origin = origin;
        }

        boolean complete() {
            for (Part p : parts) if (p == null) return false;
            return true;
        }
    }

    private final DeviceRegistry devices;
    private final PollutantCodes codes;
    private final ReadingIntake intake;
    private final Clock clock;
    private final ZoneOffset deviceZone;
    private final int maxPacketParts;
    private final Map<String, SplitPacket> splitPackets = new ConcurrentHashMap<>();
    private final AtomicLong refusedUnstored = new AtomicLong();

    /**
     * @param maxPacketParts the largest PNUM a split packet may declare: room for its parts is set aside when the first
     *                       arrives, so an unbounded PNUM would let one short packet claim any amount of memory
     */
    public Hj212Reception(DeviceRegistry devices, PollutantCodes codes, ReadingIntake intake, Clock clock, ZoneOffset deviceZone,
                          int maxPacketParts) {
        if (maxPacketParts < 1) throw new IllegalArgumentException("the maximum of packet parts must be at least 1, got " + maxPacketParts);
        this.maxPacketParts = maxPacketParts;
        this.devices = devices;
        this.codes = codes;
        this.intake = intake;
        this.clock = clock;
        this.deviceZone = deviceZone;
    }

    /** Bytes a connection delivered that are no packet. */
    public void rejectFrame(String origin, Rejected rejected) {
        devices.rejected(CHANNEL, origin, mnIn(rejected.excerpt()), rejected.reason(), rejected.excerpt());
    }

    /** One verified data segment; replies may be sent later, from another thread. */
    public void receive(String origin, String segment, Consumer<byte[]> reply) {
        Hj212Packet packet;
        try {
            packet = Hj212Packet.parse(segment);
        } catch (Hj212Exception e) {
            devices.rejected(CHANNEL, origin, mnIn(segment), e.getMessage(), segment);
            return;
        }
        Device device = devices.device(packet.mn()).orElse(null);
        if (device == null || !device.enabled()) {
            devices.rejected(CHANNEL, origin, packet.mn(), (device == null ? "unknown MN " : "disabled device ") + packet.mn()
                    + ": register the data logger (MN, park, password) under /api/v1/devices before it can send data", segment);
            if (packet.acknowledgementRequested()) reply.accept(Hj212Responses.requestReturn(packet, Hj212Responses.QN_RTN_MN));
            return;
        }
        if (!device.password().equals(packet.pw())) {
            devices.rejected(CHANNEL, origin, packet.mn(), "wrong password (PW) for MN " + packet.mn(), null);
            if (packet.acknowledgementRequested()) reply.accept(Hj212Responses.requestReturn(packet, Hj212Responses.QN_RTN_PASSWORD));
            return;
        }
        if (packet.version() == Hj212Packet.Version.HJ_T_212_2005 && !device.accepts2005()) {
            devices.rejected(CHANNEL, origin, packet.mn(), "HJ/T 212-2005 packet (no QN/Flag or version 0) from a device not "
                    + "allowed to send them; enable accepts2005 for it if the park still runs such loggers", segment);
            return;
        }
        int length = segment.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (length > device.maxDataLength()) {
            devices.rejected(CHANNEL, origin, packet.mn(), "data segment of " + length + " bytes exceeds this device's "
                    + "maximum of " + device.maxDataLength(), null);
            return;
        }
        devices.received(packet.mn());
        if (PRESENCE_COMMANDS.contains(packet.cn())) {
            if (packet.cn().equals("9015") && packet.acknowledgementRequested()) reply.accept(Hj212Responses.dataAcknowledgement(packet));
            return;
        }
        if (!DATA_COMMANDS.contains(packet.cn())) {
            devices.rejected(CHANNEL, origin, packet.mn(), "command CN=" + packet.cn() + " is not handled by the platform", null);
            return;
        }
        if (packet.split()) {
            if (packet.pnum() > maxPacketParts) {
                devices.rejected(CHANNEL, origin, packet.mn(), "split packet of PNUM=" + packet.pnum() + " parts exceeds the maximum of "
                        + maxPacketParts + " (gw.hj212.max-packet-parts)", segment);
                return;
            }
            collectPart(origin, device, new Part(packet, reply));
        } else {
            store(origin, device, List.of(new Part(packet, reply)));
        }
    }

    /** Hands on split packets whose missing parts did not come within {@code patience}: what did come is kept. */
    public void flushIncompleteSplitPackets(Duration patience) {
        Instant limit = clock.instant().minus(patience);
        for (Iterator<Map.Entry<String, SplitPacket>> it = splitPackets.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, SplitPacket> entry = it.next();
            SplitPacket split = entry.getValue();
            if (!split.firstSeen.isBefore(limit)) continue;
            it.remove();
            List<Part> present = new ArrayList<>();
            for (Part p : split.parts) if (p != null) present.add(p);
            Hj212Packet first = present.get(0).packet();
            devices.rejected(CHANNEL, split.origin, first.mn(), "split packet incomplete after " + patience.toSeconds() + " s: "
                    + present.size() + " of " + split.parts.length + " parts arrived; storing those", null);
            devices.device(first.mn()).ifPresent(device -> store(split.origin, device, present));
        }
    }

    private void collectPart(String origin, Device device, Part part) {
        Hj212Packet p = part.packet();
        String key = p.mn() + "|" + p.cn() + "|" + p.dataArea().getOrDefault("DataTime", p.qn()) + "|" + p.pnum();
        SplitPacket split = splitPackets.computeIfAbsent(key, k -> new SplitPacket(p.pnum(), clock.instant(), origin));
        List<Part> complete = null;
        synchronized (split) {
            split.parts[p.pno() - 1] = part;
            if (split.complete() && splitPackets.remove(key, split)) complete = List.of(split.parts);
        }
        if (complete != null) store(origin, device, complete);
    }

    private void store(String origin, Device device, List<Part> parts) {
        Instant now = clock.instant();
        List<Reading> readings = new ArrayList<>();
        for (Part part : parts) {
            for (String problem : translate(part.packet(), device, now, readings)) {
                devices.rejected(CHANNEL, origin, device.mn(), problem, null);
            }
        }
        if (readings.isEmpty()) {
            devices.rejected(CHANNEL, origin, device.mn(), "packet QN=" + parts.get(0).packet().qn() + " carries no usable reading", null);
            return;
        }
        intake.submit(readings, ReadingIntake.Mode.LIVE).whenComplete((receipt, error) -> {
            // The intake logs why a commit failed (an outage once per minute with its count), so nothing is logged per packet here.
            if (error != null) refusedUnstored.incrementAndGet();
            for (Part part : parts) {
                if (!part.packet().acknowledgementRequested()) continue;
                part.reply().accept(error == null ? Hj212Responses.dataAcknowledgement(part.packet())
                        : Hj212Responses.requestReturn(part.packet(), Hj212Responses.QN_RTN_REFUSED));
            }
        });
    }

    /** Packets whose readings could not be committed and were refused (QnRtn=2) for the device to send again. */
    public long packetsRefusedUnstored() {
        return refusedUnstored.get();
    }

    /** Adds the packet's readings to {@code into} and returns what could not be read, item by item. */
    private List<String> translate(Hj212Packet packet, Device device, Instant now, List<Reading> into) {
        List<String> problems = new ArrayList<>();
        Instant dataTime;
        try {
            dataTime = time(packet.dataArea().get("DataTime"));
        } catch (IllegalArgumentException e) {
            problems.add("DataTime: " + e.getMessage());
            return problems;
        }
        boolean allow2005 = device.accepts2005();
        for (Hj212Packet.Pollutant pollutant : packet.pollutants()) {
            Map<String, String> fields = pollutant.fields();
            var mapping = codes.find(pollutant.code(), allow2005);
            if (mapping.isEmpty()) {
                problems.add("unknown pollutant code " + pollutant.code() + " (see docs/hj212.md for the codes the platform reads)");
                continue;
            }
            var datastream = devices.datastream(device.mn(), mapping.get().parameter());
            if (datastream.isEmpty()) {
                problems.add("MN " + device.mn() + " has no datastream for " + pollutant.code() + " (" + mapping.get().parameter() + ")");
                continue;
            }
            String valueText = packet.cn().equals("2011") ? fields.get("Rtd") : fields.getOrDefault("Avg", fields.get("Rtd"));
            if (valueText == null) {
                if (fields.containsKey("Rtd") || fields.containsKey("Avg") || fields.containsKey("Flag")) {
                    problems.add(pollutant.code() + ": no " + (packet.cn().equals("2011") ? "Rtd" : "Avg") + " value");
                }
                continue;
            }
            double value;
            Instant time;
            int flags;
            try {
                value = Double.parseDouble(valueText);
                if (!Double.isFinite(value)) throw new NumberFormatException();
                time = fields.containsKey("SampleTime") ? time(fields.get("SampleTime")) : dataTime;
                flags = Hj212DataFlags.bits(fields.get("Flag"));
            } catch (NumberFormatException e) {
                problems.add(pollutant.code() + ": '" + valueText + "' is not a number");
                continue;
            } catch (IllegalArgumentException e) {
                problems.add(pollutant.code() + ": " + e.getMessage());
                continue;
            }
            into.add(Reading.arrived(datastream.get(), time, mapping.get().toParameterUnit(value), flags, CHANNEL, now));
        }
        return problems;
    }

    private Instant time(String text) {
        if (text == null) throw new IllegalArgumentException("missing");
        // Some loggers append milliseconds (17 digits).
        String seconds = text.length() == 17 ? text.substring(0, 14) : text;
        try {
            return LocalDateTime.parse(seconds, DATA_TIME).toInstant(deviceZone);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not yyyyMMddHHmmss");
        }
    }

    private static String mnIn(String text) {
        if (text == null) return null;
        int at = text.indexOf("MN=");
        if (at < 0) return null;
        int end = text.indexOf(';', at);
        return text.substring(at + 3, end < 0 ? Math.min(text.length(), at + 30) : end);
    }
}
