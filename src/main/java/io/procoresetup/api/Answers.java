package io.procoresetup.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Procore's JSON strictly: every field a check relies on must be there with the type Procore documents.
 * What does not fit is described as received ("no access level in the answer"), never replaced by a default.
 */
final class Answers {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Answers() {}

    /** An answer that came but cannot be used; the message says what it was. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) { super(message, null, false, false); }
    }

    /** The body as JSON, or a description of what it was instead. */
    static JsonNode parse(int status, String contentType, String body) {
        String t = body == null ? "" : body.strip();
        if (t.isEmpty()) throw new Malformed("the answer was empty (status " + status + ")");
        if (t.startsWith("<")) throw new Malformed("the answer was HTML, not JSON (status " + status + ")");
        if (contentType != null && !contentType.isBlank() && !contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
            throw new Malformed("the answer was " + contentType.split(";")[0].strip() + ", not JSON (status " + status + ")");
        }
        try {
            return JSON.readTree(t);
        } catch (JsonEOFException e) {
            throw new Malformed("the answer's JSON was cut off after " + t.length() + " characters (status " + status + ")");
        } catch (JsonProcessingException e) {
            throw new Malformed("the answer was not valid JSON (status " + status + ", at character "
                    + e.getLocation().getCharOffset() + ")");
        }
    }

    static boolean looksLikeHtml(String body) { return body != null && body.strip().startsWith("<"); }

    static Dto.Token token(JsonNode n) {
        object(n, "the token answer");
        String access = text(n, "access_token", "", true);
        if (access.isBlank()) throw new Malformed("the access_token in the token answer was empty");
        return new Dto.Token(access, text(n, "token_type", "", false), number(n, "expires_in", ""), number(n, "created_at", ""));
    }

    static Dto.Me me(JsonNode n) {
        object(n, "the answer");
        return new Dto.Me(id(n, ""), text(n, "login", "", false), text(n, "name", "", true));
    }

    static Dto.Company company(JsonNode n, String where) {
        object(n, where);
        Boolean active = bool(n, "is_active", where);
        return new Dto.Company(id(n, where), text(n, "name", where, true), active == null || active);
    }

    static Dto.Project project(JsonNode n, String where) {
        object(n, where);
        Boolean active = bool(n, "active", where);
        return new Dto.Project(id(n, where), text(n, "name", where, true), text(n, "display_name", where, false),
                text(n, "project_number", where, false), active == null || active);
    }

    static Dto.Permissions permissions(JsonNode n) {
        object(n, "the answer");
        JsonNode tools = n.get("tools");
        if (tools == null || tools.isNull()) throw new Malformed("no list of tools in the answer");
        if (!tools.isArray()) throw new Malformed("tools in the answer was " + describe(tools) + ", not a list");
        if (tools.isEmpty()) throw new Malformed("the answer listed no company tools");
        List<Dto.Tool> out = new ArrayList<>();
        for (int i = 0; i < tools.size(); i++) {
            JsonNode t = tools.get(i);
            String where = " (tool " + (i + 1) + ")";
            object(t, "tool " + (i + 1));
            String name = text(t, "name", where, true);
            String friendly = text(t, "friendly_name", where, false);
            String shown = " for " + (friendly != null ? friendly : name);
            JsonNode level = t.get("user_access_level");
            if (level == null || level.isNull()) throw new Malformed("no access level in the answer" + shown);
            if (!level.isObject()) throw new Malformed("the access level in the answer" + shown + " was " + describe(level) + ", not an object");
            JsonNode levelName = level.get("name");
            if (levelName == null || levelName.isNull()) throw new Malformed("no access level name in the answer" + shown);
            if (!levelName.isTextual()) throw new Malformed("the access level name in the answer" + shown + " was " + describe(levelName) + ", not text");
            Long levelId = number(level, "id", shown);
            out.add(new Dto.Tool(t.has("id") ? id(t, where) : 0, name, friendly, new Dto.AccessLevel(levelId == null ? 0 : levelId, levelName.asText())));
        }
        return new Dto.Permissions(List.copyOf(out));
    }

    private static void object(JsonNode n, String what) {
        if (n == null || !n.isObject()) throw new Malformed(what + " was " + describe(n) + ", not a JSON object");
    }

    private static long id(JsonNode n, String where) {
        JsonNode v = n.get("id");
        if (v == null || v.isNull()) throw new Malformed("no id in the answer" + where);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw new Malformed("the id in the answer" + where + " was " + describe(v) + ", not a whole number");
        return v.asLong();
    }

    private static Long number(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || !v.canConvertToLong()) throw new Malformed(field + " in the answer" + where + " was " + describe(v) + ", not a whole number");
        return v.asLong();
    }

    private static String text(JsonNode n, String field, String where, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new Malformed("no " + field + " in the answer" + where);
            return null;
        }
        if (!v.isTextual()) throw new Malformed(field + " in the answer" + where + " was " + describe(v) + ", not text");
        return v.asText();
    }

    private static Boolean bool(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isBoolean()) throw new Malformed(field + " in the answer" + where + " was " + describe(v) + ", not true or false");
        return v.asBoolean();
    }

    /** The JSON type of a value, never the value itself (it could be a token). */
    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) return "missing";
        if (v.isNull()) return "null";
        if (v.isTextual()) return "text";
        if (v.isNumber()) return v.isIntegralNumber() ? "a whole number" : "a decimal number";
        if (v.isBoolean()) return "true/false";
        if (v.isArray()) return "a list";
        if (v.isObject()) return "a JSON object";
        return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
