package io.procoresetup.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what a client sent and received: for the benchmark and the report. */
public final class RequestStats {
    public final AtomicLong requests = new AtomicLong();
    public final AtomicLong bytes = new AtomicLong();
    public final AtomicLong retries = new AtomicLong();
    public final AtomicLong rateLimited = new AtomicLong();
    public final AtomicLong waitedMillis = new AtomicLong();
    public final Map<String, AtomicLong> byPath = new ConcurrentHashMap<>();

    /** Response bytes are added by the caller that reads the body. */
    void count(String path) {
        requests.incrementAndGet();
        byPath.computeIfAbsent(path, k -> new AtomicLong()).incrementAndGet();
    }
}
