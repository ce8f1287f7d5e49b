package io.procoresetup.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Procore's two windows per application: an hourly allowance and a 10-second spike window. */
final class RateLimiter {
    /** What one request was granted: the headers to send, and whether it is refused. */
    record Decision(boolean allowed, int limit, int remaining, long resetEpochSeconds, long retryAfterSeconds) {}

    private static final class Window {
        long hourStartMillis;
        int hourCount;
        final Deque<Long> spike = new ArrayDeque<>();
    }

    private final SimConfig config;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    RateLimiter(SimConfig config) { this.config = config; }

    void clear() { windows.clear(); }

    Decision take(String key, long nowMillis) {
        Window w = windows.computeIfAbsent(key, k -> new Window());
        synchronized (w) {
            if (w.hourStartMillis == 0 || nowMillis - w.hourStartMillis >= 3_600_000) {
                w.hourStartMillis = nowMillis;
                w.hourCount = 0;
            }
            long spikeMillis = config.spikeWindowSeconds * 1000L;
            while (!w.spike.isEmpty() && nowMillis - w.spike.peekFirst() >= spikeMillis) w.spike.pollFirst();
            long hourReset = (w.hourStartMillis + 3_600_000) / 1000;
            if (w.hourCount >= config.hourlyLimit) {
                return new Decision(false, config.hourlyLimit, 0, hourReset, Math.max(1, hourReset - nowMillis / 1000));
            }
            if (w.spike.size() >= config.spikeLimit) {
                long free = w.spike.peekFirst() + spikeMillis;
                long retry = Math.max(1, (free - nowMillis + 999) / 1000);
                return new Decision(false, config.spikeLimit, 0, (free + 999) / 1000, retry);
            }
            w.hourCount++;
            w.spike.addLast(nowMillis);
            int hourLeft = config.hourlyLimit - w.hourCount;
            int spikeLeft = config.spikeLimit - w.spike.size();
            // Procore's headers describe the 10-second spike window, until the hourly allowance is nearly spent
            if (hourLeft > config.spikeLimit) {
                return new Decision(true, config.spikeLimit, spikeLeft, (w.spike.peekFirst() + spikeMillis + 999) / 1000, 0);
            }
            return new Decision(true, config.hourlyLimit, hourLeft, hourReset, 0);
        }
    }
}
