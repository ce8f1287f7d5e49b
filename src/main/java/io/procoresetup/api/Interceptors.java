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

/** The client's behaviour in small OkHttp interceptors, one concern each. */
final class Interceptors {
    private Interceptors() {}

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
     * down when X-Rate-Limit-Remaining runs low, so a long listing never hits the wall.
     */
    static Interceptor rateLimit(Backoff backoff, Clock clock, RequestStats stats, int lowWater, int maxTries, Duration maxWait) {
        return chain -> {
            for (int attempt = 1; ; attempt++) {
                Response resp = chain.proceed(chain.request());
                if (resp.code() != 429) {
                    Long remaining = number(resp.header("X-Rate-Limit-Remaining"));
                    Long reset = number(resp.header("X-Rate-Limit-Reset"));
                    if (remaining != null && reset != null && remaining <= lowWater) {
                        Duration untilReset = Duration.ofSeconds(Math.max(0, reset - clock.instant().getEpochSecond()));
                        Duration spread = remaining > 0 ? untilReset.dividedBy(remaining + 1) : untilReset;
                        wait(backoff, stats, min(spread, maxWait));
                    }
                    return resp;
                }
                stats.rateLimited.incrementAndGet();
                Duration wait = waitFor(resp, clock);
                if (attempt >= maxTries || wait.compareTo(maxWait) > 0) return resp;
                resp.close();
                wait(backoff, stats, wait);
            }
        };
    }

    /** Idempotent GETs are retried on transport errors and 5xx with jittered back-off; 503's Retry-After is honoured. */
    static Interceptor retry(Backoff backoff, Clock clock, RequestStats stats, int maxTries, Duration base) {
        return chain -> {
            Request r = chain.request();
            boolean idempotent = r.method().equals("GET");
            for (int attempt = 1; ; attempt++) {
                try {
                    Response resp = chain.proceed(r);
                    if (!idempotent || resp.code() < 500 || attempt >= maxTries) return resp;
                    Duration wait = resp.code() == 503 && resp.header("Retry-After") != null ? waitFor(resp, clock)
                            : Backoff.jittered(attempt, base, Duration.ofSeconds(10));
                    resp.close();
                    stats.retries.incrementAndGet();
                    wait(backoff, stats, wait);
                } catch (IOException e) {
                    if (!idempotent || attempt >= maxTries) throw e;
                    stats.retries.incrementAndGet();
                    wait(backoff, stats, Backoff.jittered(attempt, base, Duration.ofSeconds(10)));
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
        if (retryAfter != null) return Duration.ofSeconds(Math.max(0, retryAfter));
        Long reset = number(resp.header("X-Rate-Limit-Reset"));
        if (reset != null) return Duration.ofSeconds(Math.max(1, reset - clock.instant().getEpochSecond()));
        return Duration.ofSeconds(1);
    }

    private static void wait(Backoff backoff, RequestStats stats, Duration d) {
        stats.waitedMillis.addAndGet(d.toMillis());
        backoff.pause(d);
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
