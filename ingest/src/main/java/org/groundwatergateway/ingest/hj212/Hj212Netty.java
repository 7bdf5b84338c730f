package org.groundwatergateway.ingest.hj212;

import io.netty.buffer.ByteBuf;
import java.util.List;

/** What the server and the simulator both do with bytes Netty hands them. */
public final class Hj212Netty {

    private Hj212Netty() {}

    /** Feeds a received buffer to a connection's frame reader, releasing the buffer. */
    public static List<Hj212FrameReader.Result> read(Hj212FrameReader reader, Object message) {
        ByteBuf buffer = (ByteBuf) message;
        try {
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return reader.feed(bytes, 0, bytes.length);
        } finally {
            buffer.release();
        }
    }
}
