package io.procoresetup.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procoresetup.support.Sim;
import io.procoresetup.support.Sim.Account;
import io.procoresetup.support.Sim.Reply;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.fail;

/**
 * Every API answer of the simulator walked against Procore's own field names and JSON types
 * (src/test/resources/procore/api-schema.json, from Procore's public OpenAPI document).
 */
public class ApiSchemaConformanceTest {
    private Sim sim;
    private JsonNode schema;
    private long cid;
    private Account admin;
    private Account standard;
    private long projectId;

    @BeforeClass
    public void start() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/procore/api-schema.json")) {
            schema = Sim.JSON.readTree(in).get("endpoints");
        }
        sim = new Sim();
        cid = sim.freshCompany(12, 3, 0, 4);
        sim.control("/config", Map.of("spikeLimit", 100000));
        standard = sim.account(cid, "laborchart-integration", "Standard", true);
        admin = sim.account(cid, "schema-admin", "Admin", false);
        projectId = sim.api("/rest/v1.0/projects?company_id=" + cid, standard.token(), cid).json().get(0).get("id").asLong();
    }

    @AfterClass(alwaysRun = true)
    public void stop() { sim.close(); }

    /** The calls that exercise each endpoint of the schema file. */
    private Map<String, Reply> answers() {
        Map<String, Reply> a = new LinkedHashMap<>();
        a.put("POST /oauth/token", sim.token(standard.clientId(), standard.clientSecret()));
        a.put("GET /oauth/token/info", sim.api("/oauth/token/info", standard.token(), null));
        a.put("GET /rest/v1.0/me", sim.api("/rest/v1.0/me", standard.token(), cid));
        a.put("GET /rest/v1.0/companies", sim.api("/rest/v1.0/companies", standard.token(), cid));
        a.put("GET /rest/v1.0/projects", sim.api("/rest/v1.0/projects?company_id=" + cid + "&filters[by_status]=All", admin.token(), cid));
        a.put("GET /rest/v1.1/projects", sim.api("/rest/v1.1/projects?company_id=" + cid, admin.token(), cid));
        a.put("GET /rest/v1.0/companies/{company_id}/users", sim.api("/rest/v1.0/companies/" + cid + "/users", standard.token(), cid));
        a.put("GET /rest/v1.0/companies/{company_id}/users/{id}",
                sim.api("/rest/v1.0/companies/" + cid + "/users/" + standard.userId(), standard.token(), cid));
        a.put("GET /rest/v1.0/companies/{company_id}/users/{user_id}/project_assignments",
                sim.api("/rest/v1.0/companies/" + cid + "/users/" + standard.userId() + "/project_assignments", standard.token(), cid));
        a.put("GET /rest/v1.0/projects/{project_id}/users", sim.api("/rest/v1.0/projects/" + projectId + "/users", standard.token(), cid));
        a.put("GET /rest/v1.0/companies/{company_id}/permission_templates",
                sim.api("/rest/v1.0/companies/" + cid + "/permission_templates", standard.token(), cid));
        a.put("GET /rest/v1.0/settings/permissions", sim.api("/rest/v1.0/settings/permissions?company_id=" + cid, standard.token(), cid));
        a.put("POST /rest/v1.1/companies/{company_id}/users/bulk_add", sim.apiPost("/rest/v1.1/companies/" + cid + "/users/bulk_add",
                admin.token(), cid, "{\"users\":[{\"user_id\":" + admin.userId() + ",\"project_id\":" + projectId + "}]}"));
        return a;
    }

    @Test
    public void everyEndpointInTheSchemaIsServedAndConforms() {
        Map<String, Reply> answers = answers();
        List<String> schemaEndpoints = new ArrayList<>();
        schema.fieldNames().forEachRemaining(schemaEndpoints::add);
        assertEquals(new java.util.TreeSet<>(answers.keySet()), new java.util.TreeSet<>(schemaEndpoints), "every schema endpoint is exercised");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Reply> e : answers.entrySet()) {
            Reply r = e.getValue();
            assertEquals(r.status(), 200, e.getKey() + ": " + r.body());
            JsonNode s = schema.get(e.getKey()).get("schema");
            if (e.getKey().endsWith("bulk_add")) s = bulkAddShape();
            JsonNode body = r.json();
            assertTrue(!body.isArray() || body.size() > 0, e.getKey() + " answered an empty list: nothing was checked");
            walk(e.getKey(), body, s, problems);
        }
        if (!problems.isEmpty()) fail("fields that are not Procore's:\n  " + String.join("\n  ", problems));
    }

    @Test
    public void theWalkerCatchesWrongTypesAndUnknownFields() {
        JsonNode me = schema.get("GET /rest/v1.0/me").get("schema");
        List<String> problems = new ArrayList<>();
        ObjectNode bad = Sim.JSON.createObjectNode().put("id", "not-a-number").put("nickname", "x");
        walk("me", bad, me, problems);
        assertEquals(problems.size(), 2, problems.toString());
        List<String> none = new ArrayList<>();
        walk("me", Sim.JSON.createObjectNode().put("id", 5_000_000_000L).put("login", "a").put("name", "b"), me, none);
        assertTrue(none.isEmpty(), none.toString());
    }

    /**
     * Procore's generated model names the keys of bulk_add's answer "user_id" and "project_id", but they
     * stand for ids: the answer maps each user id to its project ids and a status string.
     */
    private static JsonNode bulkAddShape() {
        ObjectNode inner = Sim.JSON.createObjectNode().put("map", "string");
        ObjectNode outer = Sim.JSON.createObjectNode();
        outer.set("map", inner);
        return outer;
    }

    static void walk(String where, JsonNode value, JsonNode type, List<String> problems) {
        if (value == null || value.isNull()) return;            // every field in the schema is optional
        if (type.isTextual()) {
            String t = type.asText();
            boolean ok = switch (t) {
                case "integer" -> value.isIntegralNumber();
                case "number" -> value.isNumber();
                case "string" -> value.isTextual();
                case "boolean" -> value.isBoolean();
                case "any" -> true;
                default -> false;
            };
            if (!ok) problems.add(where + ": expected " + t + ", got " + value.getNodeType() + " " + value);
            return;
        }
        if (type.has("array")) {
            if (!value.isArray()) {
                problems.add(where + ": expected an array, got " + value.getNodeType());
                return;
            }
            int i = 0;
            for (JsonNode v : value) walk(where + "[" + i++ + "]", v, type.get("array"), problems);
            return;
        }
        if (type.has("map")) {
            if (!value.isObject()) {
                problems.add(where + ": expected an object, got " + value.getNodeType());
                return;
            }
            value.fields().forEachRemaining(e -> walk(where + "." + e.getKey(), e.getValue(), type.get("map"), problems));
            return;
        }
        if (type.has("fields")) {
            if (!value.isObject()) {
                problems.add(where + ": expected object " + type.path("model").asText() + ", got " + value.getNodeType());
                return;
            }
            JsonNode fields = type.get("fields");
            Iterator<Map.Entry<String, JsonNode>> it = value.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode f = fields.get(e.getKey());
                if (f == null) problems.add(where + "." + e.getKey() + ": not a field of " + type.path("model").asText());
                else walk(where + "." + e.getKey(), e.getValue(), f.get("type"), problems);
            }
            return;
        }
        problems.add(where + ": schema type not understood: " + type);
    }
}
