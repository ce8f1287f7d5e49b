package io.procoresetup.api;

import io.procoresetup.secrets.Redactor;
import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;

import java.time.Instant;

/** A REST call Procore answered with an error, or could not be used: what kind, the status, and what was received. */
public final class ProcoreApiException extends HarnessFailure {
    public enum Kind {
        AUTHENTICATION(Category.PROCORE_REFUSED), FORBIDDEN(Category.PERMISSION_DENIED), NOT_FOUND(Category.PROCORE_REFUSED),
        RATE_LIMITED(Category.RATE_LIMITED), SERVER(Category.NETWORK), BAD_REQUEST(Category.BAD_INPUT), NETWORK(Category.NETWORK),
        /** An answer came, but not one a check can use: not JSON, cut off, wrong shape, pages that contradict themselves. */
        UNUSABLE(Category.NETWORK),
        /** The cross-check's deadline passed before a usable answer came. */
        DEADLINE(Category.NETWORK);

        final Category category;

        Kind(Category category) { this.category = category; }

        /** Whether Procore itself spoke about the account (as opposed to not answering usably). */
        public boolean isProcoresAnswer() { return this == AUTHENTICATION || this == FORBIDDEN || this == NOT_FOUND; }
    }

    private final Kind kind;
    private final int status;
    private final String procoreMessage;
    private final Instant retryAt;

    public ProcoreApiException(Kind kind, int status, String call, String procoreMessage) {
        this(kind, status, call, procoreMessage, null);
    }

    public ProcoreApiException(Kind kind, int status, String call, String procoreMessage, Instant retryAt) {
        // what Procore (or a proxy) answered may echo the token or the secret: scrubbed before it is kept anywhere
        this(kind, status, Redactor.global().redact(call), Redactor.global().redact(procoreMessage), retryAt, true);
    }

    private ProcoreApiException(Kind kind, int status, String call, String procoreMessage, Instant retryAt, boolean redacted) {
        super(kind.category, call + " -> " + prefix(status, procoreMessage) + procoreMessage);
        this.kind = kind;
        this.status = status;
        this.procoreMessage = procoreMessage;
        this.retryAt = retryAt;
    }

    public Kind kind() { return kind; }

    /** The HTTP status, or 0 when no HTTP answer came. */
    public int status() { return status; }

    public String procoreMessage() { return procoreMessage; }

    /** What was received, in words: "HTTP 500: boom", "the answer was HTML, not JSON (status 200)", "no answer from ...". */
    public String received() {
        return prefix(status, procoreMessage) + procoreMessage;
    }

    /** An error status is part of what was received; a 2xx whose body was unusable needs no "HTTP 200". */
    private static String prefix(int status, String message) {
        return status >= 300 && !message.contains("status " + status) && !message.contains("(" + status + ")") ? "HTTP " + status + ": " : "";
    }

    /** When Procore said to try again (429 past the deadline), or null. */
    public Instant retryAt() { return retryAt; }

    static Kind kindOf(int status) {
        if (status == 401) return Kind.AUTHENTICATION;
        if (status == 403) return Kind.FORBIDDEN;
        if (status == 404) return Kind.NOT_FOUND;
        if (status == 429) return Kind.RATE_LIMITED;
        if (status >= 500) return Kind.SERVER;
        return Kind.BAD_REQUEST;
    }
}
