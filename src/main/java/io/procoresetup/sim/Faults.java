package io.procoresetup.sim;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Faults injected through the control API, consulted by every request. */
final class Faults {
    /**
     * A fault on requests whose path starts with {@code pathPrefix}, or matches {@code pathRegex} when given
     * (and method, when given). Status 0 means: expire the caller's session instead of answering an error.
     */
    record Rule(String method, String pathPrefix, String pathRegex, int status, AtomicInteger remaining, Integer retryAfter) {
        boolean matches(String m, String path) {
            boolean p = pathRegex != null ? path.matches(pathRegex) : path.startsWith(pathPrefix);
            return (method == null || method.equalsIgnoreCase(m)) && p && remaining.get() > 0;
        }
    }

    /** The last requests the simulator received (method and path), newest last, for tests that act mid-run. */
    final java.util.Deque<String> requests = new java.util.concurrent.ConcurrentLinkedDeque<>();

    void seen(String method, String path) {
        requests.addLast(method + " " + path);
        while (requests.size() > 500) requests.pollFirst();
    }

    final Map<String, Long> latencyMillis = new ConcurrentHashMap<>();
    final List<Rule> errors = new CopyOnWriteArrayList<>();
    final AtomicInteger rateLimitStorm = new AtomicInteger();
    volatile Integer addAllStallAt;
    /** UI variants: Service Accounts moved under App Management; an extra confirmation before the New form. */
    volatile boolean serviceAccountsUnderApps;
    volatile boolean confirmBeforeNew;
    volatile Integer addAllFailAt;
    /** App Management variants: its menu entry gone, its tabs gone, Install App without Install Custom App, no Permissions tab. */
    volatile boolean appManagementMissing;
    volatile boolean appTabsMissing;
    volatile boolean installCustomAppMissing;
    volatile boolean permissionsTabMissing;

    void clear() {
        latencyMillis.clear();
        errors.clear();
        requests.clear();
        rateLimitStorm.set(0);
        addAllStallAt = null;
        serviceAccountsUnderApps = false;
        confirmBeforeNew = false;
        addAllFailAt = null;
        appManagementMissing = false;
        appTabsMissing = false;
        installCustomAppMissing = false;
        permissionsTabMissing = false;
    }

    /** Latency per path prefix, or per regex when the key starts with '^'. */
    long latencyFor(String path) {
        return latencyMillis.entrySet().stream()
                .filter(e -> e.getKey().startsWith("^") ? path.matches(e.getKey()) : path.startsWith(e.getKey()))
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
