package io.procoresetup.browser;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the browser as early as the settings are known (before TestNG and the simulator start), since
 * Chromium and its driver take about a second; the run picks the session up when it needs it.
 */
public final class BrowserWarmup {
    private record Pending(BrowserSettings settings, CompletableFuture<BrowserSessions.Session> session) {}

    private static final AtomicReference<Pending> PENDING = new AtomicReference<>();

    private BrowserWarmup() {}

    public static void start(BrowserSettings settings) {
        Timing.mark("cli");
        BrowserLocator.check(settings);        // fails here, on the caller's thread, before anything starts
        Pending p = new Pending(settings, CompletableFuture.supplyAsync(() -> BrowserSessions.open(settings)));
        Pending old = PENDING.getAndSet(p);
        if (old != null) old.session().thenAccept(BrowserSessions.Session::close);
    }

    /** The warmed-up session for these settings, else a session started now (in the background). */
    public static CompletableFuture<BrowserSessions.Session> take(BrowserSettings settings) {
        Pending p = PENDING.getAndSet(null);
        if (p != null && p.settings().equals(settings)) return p.session();
        if (p != null) p.session().thenAccept(BrowserSessions.Session::close);
        return CompletableFuture.supplyAsync(() -> BrowserSessions.open(settings));
    }

    public static BrowserSessions.Session join(CompletableFuture<BrowserSessions.Session> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
