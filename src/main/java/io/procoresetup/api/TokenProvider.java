package io.procoresetup.api;

import io.procoresetup.secrets.Redactor;
import io.procoresetup.secrets.Secret;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Client-credentials tokens: asked for once, cached, and renewed before they expire. Renewal is under
 * one lock, so threads that race for an expired token cause a single renewal. A token given without
 * expires_in is kept until Procore refuses it (a 401), never given an invented lifetime.
 */
final class TokenProvider {
    /** Renew when less than this is left. */
    static final Duration MARGIN = Duration.ofSeconds(60);
    private static final String CALL = "POST /oauth/token";

    private final OkHttpClient http;
    private final String tokenUrl;
    private final String clientId;
    private final Secret secret;
    private final Deadline deadline;
    private String token;
    private Instant expiresAt;
    private int issued;

    TokenProvider(OkHttpClient http, String tokenUrl, String clientId, Secret secret, Deadline deadline) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.secret = secret;
        this.deadline = deadline;
    }

    synchronized String token() {
        if (token == null || (expiresAt != null && deadline.now().isAfter(expiresAt.minus(MARGIN)))) renew();
        return token;
    }

    /** Drops the token if it is still the one that was refused, so the next call renews it. */
    synchronized void refused(String used) {
        if (used != null && used.equals(token)) token = null;
    }

    synchronized int issued() { return issued; }

    /** How long the token is valid, if the token answer said; empty when it gave no expires_in. */
    synchronized Optional<Duration> remaining() {
        if (token == null || expiresAt == null) return Optional.empty();
        return Optional.of(Duration.between(deadline.now(), expiresAt));
    }

    private void renew() {
        if (deadline.passed()) throw deadline.exceeded(CALL);
        Request r = new Request.Builder().url(tokenUrl).post(new FormBody.Builder().add("grant_type", "client_credentials")
                .add("client_id", clientId).add("client_secret", secret.reveal()).build()).build();
        Call call = http.newCall(r);
        call.timeout().timeout(Math.max(1, deadline.remaining().toMillis()), TimeUnit.MILLISECONDS);
        try (Response resp = call.execute()) {
            String body = resp.body().string();
            String type = resp.header("Content-Type");
            if (deadline.passed()) throw deadline.exceeded(CALL);
            if (!resp.isSuccessful()) throw ProcoreClient.error(resp.code(), body, CALL, true);
            Dto.Token t;
            try {
                t = Answers.token(Answers.parse(resp.code(), type, body));
            } catch (Answers.Malformed m) {
                throw new ProcoreApiException(ProcoreApiException.Kind.UNUSABLE, resp.code(), CALL, m.getMessage());
            }
            Secret.of(t.accessToken());                   // the redactor now scrubs the token too
            token = t.accessToken();
            expiresAt = t.expiresIn() == null ? null : deadline.now().plusSeconds(t.expiresIn());
            issued++;
        } catch (Interceptors.GaveUp e) {
            throw e.failure;
        } catch (IOException e) {
            if (deadline.passed()) throw deadline.exceeded(CALL);
            throw new ProcoreApiException(ProcoreApiException.Kind.NETWORK, 0, CALL,
                    Redactor.global().redact("no answer from " + tokenUrl + " (" + e.getClass().getSimpleName() + ")"));
        }
    }
}
