package org.groundwatergateway.ogc.wms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered images kept while the data behind them is unchanged: a key holds the data version it was drawn at, and
 * {@link #dataChanged()} (called when readings are committed or layers are written) moves the version on, so
 * older images are never served again and age out of the LRU order.
 */
public final class MapImageCache {

    private final int capacity;
    private final AtomicLong version = new AtomicLong();
    private final Map<Key, byte[]> images;
    private long hits;
    private long misses;

    public MapImageCache(int capacity) {
        this.capacity = capacity;
        this.images = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
                return size() > MapImageCache.this.capacity;
            }
        };
    }

    public void dataChanged() {
        version.incrementAndGet();
    }

    /** A request at a data version; compared by value, so any part that differs (a disclosure, a parameter) misses. */
    record Key(long version, Object request) {}

    Key key(Object request) {
        return new Key(version.get(), request);
    }

    synchronized byte[] get(Key key) {
        byte[] image = capacity > 0 ? images.get(key) : null;
        if (image == null) misses++; else hits++;
        return image;
    }

    synchronized void put(Key key, byte[] image) {
        if (capacity > 0) images.put(key, image);
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }
}
