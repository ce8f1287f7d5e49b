package io.procoresetup.api;

import io.procoresetup.evidence.Category;
import io.procoresetup.evidence.HarnessFailure;

/** A REST call Procore answered with an error: what kind, the status, and Procore's own message. */
public final class ProcoreApiException extends HarnessFailure {
    public enum Kind {
        AUTHENTICATION(Category.PROCORE_REFUSED), FORBIDDEN(Category.PERMISSION_DENIED), NOT_FOUND(Category.PROCORE_REFUSED),
        RATE_LIMITED(Category.RATE_LIMITED), SERVER(Category.NETWORK), BAD_REQUEST(Category.BAD_INPUT), NETWORK(Category.NETWORK);

        final Category category;

        Kind(Category category) { this.category = category; }
    }

    private final Kind kind;
    private final int status;
    private final String procoreMessage;

    public ProcoreApiException(Kind kind, int status, String call, String procoreMessage) {
        super(kind.category, call + " -> " + (status > 0 ? "HTTP " + status + ": " : "") + procoreMessage);
        this.kind = kind;
        this.status = status;
        this.procoreMessage = procoreMessage;
    }

    public Kind kind() { return kind; }

    public int status() { return status; }

    public String procoreMessage() { return procoreMessage; }

    static Kind kindOf(int status) {
        if (status == 401) return Kind.AUTHENTICATION;
        if (status == 403) return Kind.FORBIDDEN;
        if (status == 404) return Kind.NOT_FOUND;
        if (status == 429) return Kind.RATE_LIMITED;
        if (status >= 500) return Kind.SERVER;
        return Kind.BAD_REQUEST;
    }
}
