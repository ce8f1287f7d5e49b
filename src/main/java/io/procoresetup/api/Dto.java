package io.procoresetup.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** Procore's answers, as records that ignore fields they do not name. Ids are long: they exceed 32 bits. */
public final class Dto {
    private Dto() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Token(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                        @JsonProperty("expires_in") Long expiresIn, @JsonProperty("created_at") Long createdAt) {
        /** expires_in is null when the answer gave none (OAuth makes it optional): never replaced by a guess. */
        @Override
        public String toString() { return "Token[****, expires_in=" + (expiresIn == null ? "not given" : expiresIn) + "]"; }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Me(long id, String login, String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Company(long id, String name, @JsonProperty("is_active") boolean active) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Project(long id, String name, @JsonProperty("display_name") String displayName,
                          @JsonProperty("project_number") String number, boolean active) {
        /** How the UI lists it. */
        public String label() { return displayName != null && !displayName.isBlank() ? displayName : name; }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AccessLevel(long id, String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Tool(long id, String name, @JsonProperty("friendly_name") String friendlyName,
                       @JsonProperty("user_access_level") AccessLevel level) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Permissions(List<Tool> tools) {}
}
