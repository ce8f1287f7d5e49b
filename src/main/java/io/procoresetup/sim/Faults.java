package io.procoresetup.sim;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Faults injected through the control API, consulted by every request. */
final class Faults {
    /** A fault on requests whose path starts with {@code pathPrefix} (and method, when given). */
    record Rule(String method, String pathPrefix, int status, AtomicInteger remaining, Integer retryAfter) {
        boolean matches(String m, String path) {
            return (method == null || method.equalsIgnoreCase(m)) && path.startsWith(pathPrefix) && remaining.get() > 0;
        }
    }

    final Map<String, Long> latencyMillis = new ConcurrentHashMap<>();
    final List<Rule> errors = new CopyOnWriteArrayList<>();
    final AtomicInteger rateLimitStorm = new AtomicInteger();
    volatile Integer addAllStallAt;
    volatile Integer addAllFailAt;

    void clear() {
        latencyMillis.clear();
        errors.clear();
        rateLimitStorm.set(0);
        addAllStallAt = null;
        addAllFailAt = null;
    }

    long latencyFor(String path) {
        return latencyMillis.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                .mapToLong(Map.Entry::getValue).max().orElse(0);
    }

    /** The error rule that fires for this request, consuming one of its uses; null when none. */
    Rule fire(String method, String path) {
        for (Rule r : errors) {
            if (r.matches(method, path) && r.remaining().getAndDecrement() > 0) return r;
        }
        return null;
    }
}
