package org.groundwatergateway.ingest.hj212;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.groundwatergateway.ingest.hj212.Hj212FrameReader.DataSegment;
import org.groundwatergateway.ingest.hj212.Hj212FrameReader.Rejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HJ 212 TCP port devices connect to. Each connection gets its own {@link Hj212FrameReader}; packets go
 * to {@link Hj212Reception}. Idle connections are closed, connections beyond the configured maximum are
 * refused, and nothing a device sends can stop the server.
 */
public final class Hj212Server implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Hj212Server.class);

    /**
     * @param port TCP port; 0 picks a free one
     * @param maxFrameDataLength the longest data segment the framing accepts from anyone (devices may be held to less)
     * @param idleTimeout connections silent this long are closed
     * @param splitPacketPatience how long the parts of a split packet are awaited
     */
    public record Settings(String host, int port, int maxConnections, int maxFrameDataLength, Duration idleTimeout,
                           Duration splitPacketPatience) {}

    private final Settings settings;
    private final Hj212Reception reception;
    private final AtomicInteger connections = new AtomicInteger();
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel server;
    private ScheduledExecutorService housekeeping;

    public Hj212Server(Settings settings, Hj212Reception reception) {
        this.settings = settings;
        this.reception = reception;
    }

    /** Starts listening; returns the bound port. A closed server may be started again. */
    public int start() throws InterruptedException {
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "hj212-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        server = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new IdleStateHandler(settings.idleTimeout().toSeconds(), 0, 0, TimeUnit.SECONDS));
                        channel.pipeline().addLast(new Connection());
                    }
                })
                .bind(settings.host(), settings.port()).sync().channel();
        long sweep = Math.max(1, settings.splitPacketPatience().toSeconds() / 2);
        housekeeping.scheduleWithFixedDelay(() -> reception.flushIncompleteSplitPackets(settings.splitPacketPatience()),
                sweep, sweep, TimeUnit.SECONDS);
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        log.info("HJ 212 server listening on {}:{}", settings.host(), port);
        return port;
    }

    public int openConnections() {
        return connections.get();
    }

    @Override
    public void close() {
        if (housekeeping != null) housekeeping.shutdownNow();
        if (server != null) server.close().syncUninterruptibly();
        if (workers != null) workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        if (boss != null) boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** One device connection. */
    private final class Connection extends ChannelInboundHandlerAdapter {
        private final Hj212FrameReader reader = new Hj212FrameReader(settings.maxFrameDataLength());
        private String origin = "?";

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            origin = String.valueOf(ctx.channel().remoteAddress());
            if (connections.incrementAndGet() > settings.maxConnections()) {
                log.warn("Refusing HJ 212 connection from {}: {} connections open", origin, settings.maxConnections());
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            connections.decrementAndGet();
            Rejected truncated = reader.close();
            if (truncated != null) reception.rejectFrame(origin, truncated);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            for (Hj212FrameReader.Result result : Hj212Netty.read(reader, message)) {
                if (result instanceof DataSegment segment) {
                    reception.receive(origin, segment.text(), reply -> ctx.writeAndFlush(Unpooled.wrappedBuffer(reply)));
                } else {
                    reception.rejectFrame(origin, (Rejected) result);
                }
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent) {
                log.info("Closing HJ 212 connection from {}: idle for {}", origin, settings.idleTimeout());
                ctx.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.warn("HJ 212 connection from {} failed: {}", origin, cause.toString());
            ctx.close();
        }
    }
}
