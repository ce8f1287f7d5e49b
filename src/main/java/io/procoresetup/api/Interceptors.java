package io.procoresetup.api;

import io.procoresetup.secrets.Redactor;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;

/** The client's behaviour in small OkHttp interceptors, one concern each. */
final class Interceptors {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** A year: any longer Retry-After is nonsense, and the time to retry must still be a date. */
    private static final long MAX_SECONDS = 366L * 24 * 3600;

    private Interceptors() {}

    /** Every timed wait goes through here: counted, said out loud, and never past the deadline. */
    record Waits(Backoff backoff, Clock clock, RequestStats stats, Deadline deadline, Consumer<String> notices) {
        void pause(Duration d, String why) {
            if (d.isZero() || d.isNegative()) return;
            if (!why.isEmpty()) notices.accept(why);
            stats.waitedMillis.addAndGet(d.toMillis());
            backoff.pause(d);
        }
    }

    /** A wait the harness will not make: the call ends with this failure (an IOException so OkHttp passes it through). */
    static final class GaveUp extends IOException {
        final transient ProcoreApiException failure;

        GaveUp(ProcoreApiException failure) {
            super(failure.getMessage(), null);
            this.failure = failure;
        }
    }

    /** Procore-Company-Id on every call (service accounts need it even for /me). */
    static Interceptor companyHeader(long companyId) {
        return chain -> {
            Request r = chain.request();
            if (r.header("Procore-Company-Id") == null) r = r.newBuilder().header("Procore-Company-Id", String.valueOf(companyId)).build();
            return chain.proceed(r);
        };
    }

    /** The cached bearer token; a 401 drops it and the call is tried once more with a fresh one. */
    static Interceptor auth(TokenProvider tokens) {
        return chain -> {
            String token = tokens.token();
            Response resp = chain.proceed(chain.request().newBuilder().header("Authorization", "Bearer " + token).build());
            if (resp.code() != 401) return resp;
            resp.close();
            tokens.refused(token);
            return chain.proceed(chain.request().newBuilder().header("Authorization", "Bearer " + tokens.token()).build());
        };
    }

    /**
     * Rate limits: waits for Retry-After or X-Rate-Limit-Reset on 429 and tries again (bounded), and slows
     * down when X-Rate-Limit-Remaining runs low, so a long listing never hits the wall. A wait longer than
     * the harness allows, or past the deadline, ends the call at once with the time to retry.
     */
    static Interceptor rateLimit(Waits w, int lowWater, int maxTries, Duration maxWait) {
        return chain -> {
            String call = chain.request().method() + " " + chain.request().url().encodedPath();
            for (int attempt = 1; ; attempt++) {
                Response resp = chain.proceed(chain.request());
                if (resp.code() != 429) {
                    Long remaining = number(resp.header("X-Rate-Limit-Remaining"));
                    Long reset = number(resp.header("X-Rate-Limit-Reset"));
                    if (remaining != null && reset != null && remaining >= 0 && remaining <= lowWater) {
                        Duration untilReset = Duration.ofSeconds(Math.max(0, reset - w.clock().instant().getEpochSecond()));
                        Duration spread = remaining > 0 ? untilReset.dividedBy(remaining + 1) : untilReset;
                        Duration pause = min(spread, maxWait);
                        if (pause.compareTo(w.deadline().remaining()) >= 0) return resp;      // pacing past the deadline helps nobody
                        w.pause(pause, pause.toSeconds() >= 1 ? "Procore's rate limit has " + remaining + " requests left until its reset: waiting "
                                + seconds(pause) + " before the next request" : "");
                    }
                    return resp;
                }
                w.stats().rateLimited.incrementAndGet();
                Duration wait = waitFor(resp, w.clock());
                int left = maxTries - attempt;
                if (wait.compareTo(maxWait) > 0 || wait.compareTo(w.deadline().remaining()) > 0) {
                    resp.close();
                    Instant at = w.clock().instant().plus(wait);
                    String why = wait.compareTo(maxWait) > 0 ? "longer than the harness waits (" + seconds(maxWait) + ")"
                            : "past the cross-check's deadline (" + seconds(w.deadline().remaining()) + " left)";
                    throw new GaveUp(new ProcoreApiException(ProcoreApiException.Kind.RATE_LIMITED, 429, call,
                            "Procore asked to wait " + seconds(wait) + " (429), " + why + ": try again after " + AT.format(at), at));
                }
                if (left <= 0) return resp;
                resp.close();
                w.pause(wait, "Procore asked to wait " + seconds(wait) + " (429) before " + call + "; " + left + " of " + maxTries + " tries left");
            }
        };
    }

    /** Idempotent GETs are retried on transport errors and 5xx with jittered back-off; 503's Retry-After is honoured. */
    static Interceptor retry(Waits w, int maxTries, Duration base) {
        return chain -> {
            Request r = chain.request();
            String call = r.method() + " " + r.url().encodedPath();
            boolean idempotent = r.method().equals("GET");
            for (int attempt = 1; ; attempt++) {
                int left = maxTries - attempt;
                try {
                    Response resp = chain.proceed(r);
                    if (!idempotent || resp.code() < 500 || left <= 0 || w.deadline().passed()) return resp;
                    Duration wait = resp.code() == 503 && resp.header("Retry-After") != null ? waitFor(resp, w.clock())
                            : Backoff.jittered(attempt, base, Duration.ofSeconds(10));
                    if (wait.compareTo(w.deadline().remaining()) >= 0) return resp;
                    resp.close();
                    w.stats().retries.incrementAndGet();
                    String asked = resp.code() == 503 && resp.header("Retry-After") != null ? "Procore asked to wait " + seconds(wait) + " (503)"
                            : "Procore answered " + resp.code() + " to " + call + ": trying again in " + seconds(wait);
                    w.pause(wait, asked + "; " + left + " of " + maxTries + " tries left");
                } catch (GaveUp e) {
                    throw e;
                } catch (IOException e) {
                    if (!idempotent || left <= 0 || w.deadline().passed() || chain.call().isCanceled()) throw e;
                    Duration wait = Backoff.jittered(attempt, base, Duration.ofSeconds(10));
                    if (wait.compareTo(w.deadline().remaining()) >= 0) throw e;
                    w.stats().retries.incrementAndGet();
                    w.pause(wait, "no answer to " + call + " (" + e.getClass().getSimpleName() + "): trying again in " + seconds(wait) + "; "
                            + left + " of " + maxTries + " tries left");
                }
            }
        };
    }

    /** Counts each request that goes out and logs it without headers, query secrets or tokens. */
    static Interceptor log(RequestStats stats) {
        Logger log = LoggerFactory.getLogger("procore.api");
        return chain -> {
            Request r = chain.request();
            long t0 = System.nanoTime();
            Response resp = chain.proceed(r);
            stats.count(r.url().encodedPath());
            if (log.isDebugEnabled()) {
                log.debug(Redactor.global().redact(r.method() + " " + r.url().encodedPath() + " -> " + resp.code() + " ("
                        + (System.nanoTime() - t0) / 1_000_000 + " ms)"));
            }
            return resp;
        };
    }

    static Duration waitFor(Response resp, Clock clock) {
        Long retryAfter = number(resp.header("Retry-After"));
        if (retryAfter != null) return Duration.ofSeconds(Math.min(MAX_SECONDS, Math.max(0, retryAfter)));
        Long reset = number(resp.header("X-Rate-Limit-Reset"));
        if (reset != null) return Duration.ofSeconds(Math.min(MAX_SECONDS, Math.max(1, reset - clock.instant().getEpochSecond())));
        return Duration.ofSeconds(1);
    }

    /** "30 s", "0.4 s". */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms >= 10_000 || ms % 1000 == 0 ? (ms + 500) / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static Duration min(Duration a, Duration b) { return a.compareTo(b) <= 0 ? a : b; }

    static Long number(String s) {
        if (s == null) return null;
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
