package io.procoresetup.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.procoresetup.secrets.Redactor;
import io.procoresetup.secrets.Secret;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Client-credentials tokens: asked for once, cached, and renewed before they expire. Renewal is under
 * one lock, so threads that race for an expired token cause a single renewal.
 */
final class TokenProvider {
    /** Renew when less than this is left. */
    static final Duration MARGIN = Duration.ofSeconds(60);

    private final OkHttpClient http;
    private final String tokenUrl;
    private final String clientId;
    private final Secret secret;
    private final Clock clock;
    private final ObjectMapper json;
    private String token;
    private Instant expiresAt = Instant.EPOCH;
    private int issued;

    TokenProvider(OkHttpClient http, String tokenUrl, String clientId, Secret secret, Clock clock, ObjectMapper json) {
        this.http = http;
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.secret = secret;
        this.clock = clock;
        this.json = json;
    }

    synchronized String token() {
        if (token == null || clock.instant().isAfter(expiresAt.minus(MARGIN))) renew();
        return token;
    }

    /** Drops the token if it is still the one that was refused, so the next call renews it. */
    synchronized void refused(String used) {
        if (used != null && used.equals(token)) token = null;
    }

    synchronized int issued() { return issued; }

    synchronized Duration remaining() { return token == null ? Duration.ZERO : Duration.between(clock.instant(), expiresAt); }

    private void renew() {
        Request r = new Request.Builder().url(tokenUrl).post(new FormBody.Builder().add("grant_type", "client_credentials")
                .add("client_id", clientId).add("client_secret", secret.reveal()).build()).build();
        try (Response resp = http.newCall(r).execute()) {
            String body = resp.body().string();
            if (!resp.isSuccessful()) {
                String msg = body;
                try {
                    JsonNode e = json.readTree(body);
                    msg = e.path("error").asText("") + ": " + e.path("error_description").asText(body);
                } catch (IOException ignored) {
                    // not JSON: keep Procore's text as it is
                }
                throw new ProcoreApiException(ProcoreApiException.Kind.AUTHENTICATION, resp.code(), "POST /oauth/token",
                        Redactor.global().redact(msg));
            }
            Dto.Token t = json.readValue(body, Dto.Token.class);
            Secret.of(t.accessToken());                   // the redactor now scrubs the token too
            token = t.accessToken();
            long ttl = t.expiresIn() > 0 ? t.expiresIn() : 5400;
            expiresAt = clock.instant().plusSeconds(ttl);
            issued++;
        } catch (IOException e) {
            throw new ProcoreApiException(ProcoreApiException.Kind.NETWORK, 0, "POST /oauth/token",
                    "could not reach " + tokenUrl + ": " + e.getClass().getSimpleName());
        }
    }
}
