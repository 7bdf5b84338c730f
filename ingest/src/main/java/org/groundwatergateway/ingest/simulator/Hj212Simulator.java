package org.groundwatergateway.ingest.simulator;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.groundwatergateway.core.time.ChinaStandardTime;
import org.groundwatergateway.ingest.hj212.Hj212Frame;
import org.groundwatergateway.ingest.hj212.Hj212FrameReader;
import org.groundwatergateway.ingest.hj212.Hj212Netty;
import org.groundwatergateway.ingest.hj212.Hj212Packet;
import org.groundwatergateway.ingest.hj212.PollutantCodes;

/**
 * Plays HJ 212-2017 data loggers against any host and port: one TCP connection per device, data packets
 * (CN=2011 real-time or CN=2051 minute data) with Flag=5, so every packet asks for the 9014 data
 * acknowledgement, and the time from sending a packet to its acknowledgement is measured. A packet the platform refuses
 * (CN=9011 with its QN, e.g. QnRtn=2 while it cannot store) counts as answered, with the time to the refusal.
 *
 * <p>Run it from the command line against a running platform:
 * {@code java -cp gateway/target/gateway.jar -Dloader.main=org.groundwatergateway.ingest.simulator.Hj212Simulator
 * org.springframework.boot.loader.launch.PropertiesLauncher --host=127.0.0.1 --port=9212 --rounds=10 --interval=PT1M}
 */
public final class Hj212Simulator {

    private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter QN_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    /**
     * What a run achieved: packets and readings sent and acknowledged, the acknowledgement latencies, and the packets
     * refused. Packets neither acknowledged nor refused got no answer.
     */
    public record Report(long packetsSent, long packetsAcknowledged, long readingsSent, Duration elapsed, long[] latenciesMicros,
                         List<String> acknowledgedQns, List<Refusal> refusals) {

        /** A refused packet: when it was sent ({@link System#nanoTime()}) and how long the refusal took. */
        public record Refusal(String qn, long sentAtNanos, long latencyMicros) {}

        public long packetsUnanswered() {
            return packetsSent - packetsAcknowledged - refusals.size();
        }

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
            return String.format(Locale.ROOT, "%d packets (%d readings) in %.1f s, %d acknowledged, %d refused; %.0f readings/s; "
                            + "ack p50 %.1f ms, p99 %.1f ms", packetsSent, readingsSent, elapsed.toNanos() / 1e9, packetsAcknowledged,
                    refusals.size(), readingsPerSecond(), percentileMillis(50), percentileMillis(99));
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
     * rate; a tick with the window full is skipped; zero: as fast as acknowledgements allow). Waits up to
     * {@code ackTimeout} at the end for outstanding acknowledgements. All devices share two event-loop threads, so
     * the simulator takes little CPU from a platform on the same machine.
     */
    public Report run(Instant firstTime, Duration step, int rounds, String cn, int window, Duration pace, Duration ackTimeout)
            throws InterruptedException {
        AtomicLong sent = new AtomicLong();
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong readings = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> qns = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Report.Refusal> refusals = new ConcurrentLinkedQueue<>();
        CountDownLatch finished = new CountDownLatch(devices.size());
        String qnPrefix = LocalDateTime.ofInstant(Instant.now(), zone).format(QN_TIME);
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        long started = System.nanoTime();
        try {
            for (int d = 0; d < devices.size(); d++) {
                Session session = new Session(d, devices.get(d), firstTime, step, rounds, cn, window, qnPrefix, !pace.isZero(), sent, acknowledged,
                        readings, latencies, qns, refusals, finished);
                new Bootstrap().group(loops).channel(NioSocketChannel.class).option(ChannelOption.TCP_NODELAY, true)
                        .handler(session).connect(host, port).addListener((ChannelFutureListener) connected -> {
                            if (!connected.isSuccess()) {
                                session.finish();
                                return;
                            }
                            Channel channel = connected.channel();
                            if (pace.isZero()) {
                                session.sendWhileWindowAllows(channel);
                            } else {
                                long offset = pace.toNanos() * session.index / devices.size(); // loggers start spread over one pace
                                channel.eventLoop().scheduleAtFixedRate(() -> session.tick(channel), offset, pace.toNanos(), TimeUnit.NANOSECONDS);
                            }
                        });
            }
            long expected = rounds * (pace.isZero() ? 0 : pace.toNanos());
            finished.await(expected / 1_000_000 + ackTimeout.toMillis() + 60_000, TimeUnit.MILLISECONDS);
        } finally {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        return new Report(sent.get(), acknowledged.get(), readings.get(), Duration.ofNanos(System.nanoTime() - started),
                latencies.stream().mapToLong(Long::longValue).toArray(), List.copyOf(qns), List.copyOf(refusals));
    }

    /** One logger's connection: what it has sent and what is still unacknowledged; touched only on its event loop. */
    private final class Session extends ChannelInboundHandlerAdapter {
        final int index;
        final SimulatedDevice device;
        final Instant firstTime;
        final Duration step;
        final int rounds;
        final String cn;
        final int window;
        final String qnPrefix;
        final boolean paced;
        final AtomicLong sent;
        final AtomicLong acknowledged;
        final AtomicLong readings;
        final ConcurrentLinkedQueue<Long> latencies;
        final ConcurrentLinkedQueue<String> qns;
        final ConcurrentLinkedQueue<Report.Refusal> refusals;
        final CountDownLatch finished;
        final Map<String, Long> outstanding = new HashMap<>();
        final Hj212FrameReader reader = new Hj212FrameReader(Hj212Frame.MAX_DATA_LENGTH);
        int round;
        boolean done;

        Session(int index, SimulatedDevice device, Instant firstTime, Duration step, int rounds, String cn, int window, String qnPrefix,
                boolean paced, AtomicLong sent, AtomicLong acknowledged, AtomicLong readings, ConcurrentLinkedQueue<Long> latencies,
                ConcurrentLinkedQueue<String> qns, ConcurrentLinkedQueue<Report.Refusal> refusals, CountDownLatch finished) {
            this.index = index;
            this.device = device;
            this.firstTime = firstTime;
            this.step = step;
            this.rounds = rounds;
            this.cn = cn;
            this.window = window;
            this.qnPrefix = qnPrefix;
            this.paced = paced;
            this.sent = sent;
            this.acknowledged = acknowledged;
            this.readings = readings;
            this.latencies = latencies;
            this.qns = qns;
            this.refusals = refusals;
            this.finished = finished;
        }

        void tick(Channel channel) {
            if (outstanding.size() < window && round < rounds) send(channel);
            checkDone(channel);
        }

        void sendWhileWindowAllows(Channel channel) {
            while (outstanding.size() < window && round < rounds) send(channel);
            checkDone(channel);
        }

        private void send(Channel channel) {
            String qn = qnPrefix + String.format("%05d%04d", index, round % 10_000);
            Instant time = firstTime.plus(step.multipliedBy(round));
            round++;
            outstanding.put(qn, System.nanoTime());
            channel.writeAndFlush(Unpooled.wrappedBuffer(Hj212Frame.encode(segment(device, qn, cn, time))));
            sent.incrementAndGet();
            readings.addAndGet(device.channels().size());
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            for (Hj212FrameReader.Result result : Hj212Netty.read(reader, message)) {
                if (!(result instanceof Hj212FrameReader.DataSegment segment)) continue;
                Hj212Packet reply = Hj212Packet.parse(segment.text());
                boolean acknowledgement = reply.cn().equals("9014");
                if (reply.qn() == null || !(acknowledgement || reply.cn().equals("9011"))) continue;
                Long sentAt = outstanding.remove(reply.qn());
                if (sentAt == null) continue;
                long latency = (System.nanoTime() - sentAt) / 1000;
                if (acknowledgement) {
                    acknowledged.incrementAndGet();
                    latencies.add(latency);
                    qns.add(reply.qn());
                } else {
                    refusals.add(new Report.Refusal(reply.qn(), sentAt, latency));
                }
            }
            // Paced sessions send on their timer only; the others refill their window as acknowledgements come.
            if (!done && !paced) sendWhileWindowAllows(ctx.channel());
            checkDone(ctx.channel());
        }

        private void checkDone(Channel channel) {
            if (!done && round >= rounds && outstanding.isEmpty()) {
                finish();
                channel.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            finish(); // the platform went away (a test may kill it): what was acknowledged is in the report
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        void finish() {
            if (!done) {
                done = true;
                finished.countDown();
            }
        }
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
