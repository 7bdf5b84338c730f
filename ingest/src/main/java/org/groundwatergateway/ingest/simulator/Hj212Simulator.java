package org.groundwatergateway.ingest.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.groundwatergateway.core.time.ChinaStandardTime;
import org.groundwatergateway.ingest.hj212.Hj212Frame;
import org.groundwatergateway.ingest.hj212.Hj212FrameReader;
import org.groundwatergateway.ingest.hj212.Hj212Packet;
import org.groundwatergateway.ingest.hj212.PollutantCodes;

/**
 * Plays HJ 212-2017 data loggers against any host and port: one TCP connection per device, data packets
 * (CN=2011 real-time or CN=2051 minute data) with Flag=5, so every packet asks for the 9014 data
 * acknowledgement, and the time from sending a packet to its acknowledgement is measured.
 *
 * <p>Run it from the command line against a running platform:
 * {@code java -cp gateway/target/gateway.jar -Dloader.main=org.groundwatergateway.ingest.simulator.Hj212Simulator
 * org.springframework.boot.loader.launch.PropertiesLauncher --host=127.0.0.1 --port=9212 --rounds=10 --interval=PT1M}
 */
public final class Hj212Simulator {

    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter QN_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    /** What a run achieved: packets and readings sent and acknowledged, and the acknowledgement latencies. */
    public record Report(long packetsSent, long packetsAcknowledged, long readingsSent, Duration elapsed, long[] latenciesMicros,
                         List<String> acknowledgedQns) {
        public double percentileMillis(double p) {
            if (latenciesMicros.length == 0) return Double.NaN;
            long[] sorted = latenciesMicros.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1000.0;
        }

        public double readingsPerSecond() {
            return readingsSent / Math.max(1e-9, elapsed.toNanos() / 1e9);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d packets (%d readings) in %.1f s, %d acknowledged; %.0f readings/s; ack p50 %.1f ms, p99 %.1f ms",
                    packetsSent, readingsSent, elapsed.toNanos() / 1e9, packetsAcknowledged, readingsPerSecond(),
                    percentileMillis(50), percentileMillis(99));
        }
    }

    private final String host;
    private final int port;
    private final List<SimulatedDevice> devices;
    private final ZoneOffset zone = ChinaStandardTime.OFFSET;

    public Hj212Simulator(String host, int port, List<SimulatedDevice> devices) {
        this.host = host;
        this.port = port;
        this.devices = devices;
    }

    /**
     * Every device sends {@code rounds} packets, the data times stepping by {@code step} from {@code firstTime}; a
     * device keeps at most {@code window} packets unacknowledged, and sends one packet every {@code pace} (at a fixed
     * rate, not slowed by the time sending takes; zero: as fast as acknowledgements allow).
     * Waits up to {@code ackTimeout} at the end for outstanding acknowledgements.
     */
    public Report run(Instant firstTime, Duration step, int rounds, String cn, int window, Duration pace, Duration ackTimeout)
            throws InterruptedException {
        AtomicLong sent = new AtomicLong();
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong readings = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> qns = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int d = 0; d < devices.size(); d++) {
            SimulatedDevice device = devices.get(d);
            int index = d;
            Thread thread = new Thread(() -> {
                try (Socket socket = new Socket(host, port)) {
                    socket.setTcpNoDelay(true);
                    Map<String, Long> outstanding = new ConcurrentHashMap<>();
                    Semaphore credits = new Semaphore(window);
                    Thread reader = new Thread(() -> readAcknowledgements(socket, outstanding, credits, acknowledged, latencies, qns),
                            "sim-ack-" + device.mn());
                    reader.setDaemon(true);
                    reader.start();
                    OutputStream out = socket.getOutputStream();
                    // Loggers start spread over one pace interval, as real ones do.
                    long nextSend = System.nanoTime() + (pace.isZero() ? 0 : pace.toNanos() * index / devices.size());
                    for (int r = 0; r < rounds; r++) {
                        if (!pace.isZero()) {
                            long wait = nextSend - System.nanoTime();
                            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            nextSend += pace.toNanos();
                        }
                        if (!credits.tryAcquire(ackTimeout.toMillis(), TimeUnit.MILLISECONDS)) break;
                        Instant time = firstTime.plus(step.multipliedBy(r));
                        String qn = LocalDateTime.ofInstant(Instant.now(), zone).format(QN_TIME) + String.format("%05d%04d", index, r % 10_000);
                        byte[] packet = Hj212Frame.encode(segment(device, qn, cn, time));
                        outstanding.put(qn, System.nanoTime());
                        out.write(packet);
                        out.flush();
                        sent.incrementAndGet();
                        readings.addAndGet(device.channels().size());
                    }
                    long deadline = System.nanoTime() + ackTimeout.toNanos();
                    while (!outstanding.isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
                } catch (IOException e) {
                    // The platform went away (a test may kill it): what was acknowledged is in the report.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "sim-" + device.mn());
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) thread.join();
        return new Report(sent.get(), acknowledged.get(), readings.get(), Duration.ofNanos(System.nanoTime() - started),
                latencies.stream().mapToLong(Long::longValue).toArray(), List.copyOf(qns));
    }

    /** The data segment of one packet. */
    String segment(SimulatedDevice device, String qn, String cn, Instant time) {
        StringBuilder cp = new StringBuilder("DataTime=").append(LocalDateTime.ofInstant(time, zone).format(DATA_TIME));
        String field = cn.equals("2011") ? "Rtd" : "Avg";
        for (SimulatedDevice.Channel channel : device.channels()) {
            cp.append(';').append(channel.code()).append('-').append(field).append('=')
                    .append(String.format(Locale.ROOT, "%.4f", channel.at(time))).append(',').append(channel.code()).append("-Flag=N");
        }
        return "QN=" + qn + ";ST=24;CN=" + cn + ";PW=" + device.password() + ";MN=" + device.mn() + ";Flag=5;CP=&&" + cp + "&&";
    }

    private static void readAcknowledgements(Socket socket, Map<String, Long> outstanding, Semaphore credits, AtomicLong acknowledged,
                                             ConcurrentLinkedQueue<Long> latencies, ConcurrentLinkedQueue<String> qns) {
        Hj212FrameReader reader = new Hj212FrameReader(Hj212Frame.MAX_DATA_LENGTH);
        byte[] buffer = new byte[8192];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (Hj212FrameReader.Result result : reader.feed(buffer, 0, n)) {
                    if (!(result instanceof Hj212FrameReader.DataSegment segment)) continue;
                    Hj212Packet reply = Hj212Packet.parse(segment.text());
                    Long sentAt = reply.qn() == null ? null : outstanding.remove(reply.qn());
                    if (sentAt == null) continue;
                    credits.release();
                    if (reply.cn().equals("9014")) {
                        acknowledged.incrementAndGet();
                        latencies.add((System.nanoTime() - sentAt) / 1000);
                        qns.add(reply.qn());
                    }
                }
            }
        } catch (IOException e) {
            // connection closed
        }
    }

    /** Command line: --host, --port, --rounds, --interval (ISO-8601 duration between rounds), --cn. */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new ConcurrentHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        String host = options.getOrDefault("host", "127.0.0.1");
        int port = Integer.parseInt(options.getOrDefault("port", "9212"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "1"));
        Duration interval = Duration.parse(options.getOrDefault("interval", "PT1M"));
        String cn = options.getOrDefault("cn", "2011");
        Hj212Simulator simulator = new Hj212Simulator(host, port, SimulatedDevice.demoPark(PollutantCodes.load()));
        Instant first = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        for (int r = 0; r < rounds; r++) {
            Report report = simulator.run(first.plus(interval.multipliedBy(r)), interval, 1, cn, 1, Duration.ZERO, Duration.ofSeconds(30));
            System.out.println(report);
            if (r + 1 < rounds) Thread.sleep(interval.toMillis());
        }
    }
}
