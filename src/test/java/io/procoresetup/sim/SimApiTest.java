package io.procoresetup.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.procoresetup.support.Sim;
import io.procoresetup.support.Sim.Account;
import io.procoresetup.support.Sim.Reply;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertTrue;

/** The simulator's REST API: tokens, company header, pagination, rate limits, errors, 64-bit ids. */
public class SimApiTest {
    private Sim sim;
    private long cid;
    private Account standard;

    @BeforeClass
    public void start() {
        sim = new Sim();
        cid = sim.freshCompany(30, 4, 0, 3);
        sim.control("/config", Map.of("spikeLimit", 100000, "hourlyLimit", 100000));
        standard = sim.account(cid, "laborchart-integration", "Standard", true);
    }

    @AfterClass(alwaysRun = true)
    public void stop() { sim.close(); }

    @Test
    public void tokenByFormAndByJson() {
        Reply form = sim.token(standard.clientId(), standard.clientSecret());
        assertEquals(form.status(), 200);
        JsonNode t = form.json();
        assertEquals(t.get("token_type").asText(), "bearer");
        assertEquals(t.get("expires_in").asLong(), 5400);
        assertTrue(t.get("created_at").isIntegralNumber());
        Reply json = sim.send(new Request.Builder().url(sim.url() + "/oauth/token").post(RequestBody.create(
                "{\"grant_type\":\"client_credentials\",\"client_id\":\"" + standard.clientId() + "\",\"client_secret\":\""
                        + standard.clientSecret() + "\"}", MediaType.get("application/json"))).build());
        assertEquals(json.status(), 200);
        assertEquals(json.json().get("access_token").asText().length(), 64);
    }

    @Test
    public void tokenErrorsFollowTheOAuthShape() {
        Reply bad = sim.token(standard.clientId(), "wrong");
        assertEquals(bad.status(), 401);
        assertEquals(bad.json().get("error").asText(), "invalid_client");
        assertNotNull(bad.json().get("error_description"));
        Reply grant = sim.send(new Request.Builder().url(sim.url() + "/oauth/token")
                .post(new FormBody.Builder().add("grant_type", "password").build()).build());
        assertEquals(grant.status(), 400);
        assertEquals(grant.json().get("error").asText(), "unsupported_grant_type");
        Reply malformed = sim.send(new Request.Builder().url(sim.url() + "/oauth/token")
                .post(RequestBody.create("{not json", MediaType.get("application/json"))).build());
        assertEquals(malformed.status(), 400);
        assertEquals(malformed.json().get("error").asText(), "invalid_request");
    }

    @Test
    public void tokenInfoDescribesTheToken() {
        Reply r = sim.api("/oauth/token/info", standard.token(), null);
        assertEquals(r.status(), 200);
        assertEquals(r.json().get("resource_owner_id").asLong(), standard.userId());
        assertEquals(r.json().get("application").get("uid").asText(), standard.clientId());
        assertTrue(r.json().get("expires_in_seconds").asLong() > 5000);
    }

    @Test
    public void meIsTheAccountsDirectoryUser() {
        Reply r = sim.api("/rest/v1.0/me", standard.token(), cid);
        assertEquals(r.status(), 200);
        assertEquals(r.json().get("id").asLong(), standard.userId());
        assertEquals(r.json().get("name").asText(), "laborchart-integration-Granite Ridge Construction");
    }

    @Test
    public void idsExceed32Bits() {
        assertTrue(cid > Integer.MAX_VALUE);
        JsonNode projects = sim.api("/rest/v1.0/projects?company_id=" + cid, standard.token(), cid).json();
        assertTrue(projects.get(0).get("id").asLong() > Integer.MAX_VALUE);
        assertEquals(sim.api("/rest/v1.0/companies", standard.token(), cid).json().get(0).get("id").asLong(), cid);
    }

    @Test
    public void missingCompanyHeaderIsRefused() {
        for (String path : List.of("/rest/v1.0/me", "/rest/v1.0/companies", "/rest/v1.0/projects?company_id=" + cid)) {
            Reply r = sim.api(path, standard.token(), null);
            assertEquals(r.status(), 400, path);
            // in plain text, as Procore answers it (REFERENCE.md section 8), not in the JSON error shape
            assertTrue(String.valueOf(r.header("Content-Type")).startsWith("text/plain"), path + ": " + r.header("Content-Type"));
            assertTrue(r.body().startsWith("Missing Procore-Company-Id header! "), r.body());
        }
    }

    @Test
    public void companyBaseUrlNamesTheCompanysWebHost() {
        Reply r = sim.api("/rest/v1.0/company_base_url", standard.token(), cid);
        assertEquals(r.status(), 200, r.body());
        assertEquals(r.json().get("base_url").asText(), sim.url());
        assertEquals(r.json().get("company_id").asLong(), cid);
        assertEquals(sim.api("/rest/v1.0/company_base_url", null, cid).status(), 401);
    }

    @Test
    public void rateLimitHeadersDescribeTheSpikeWindowUntilTheHourlyOneIsNear() {
        sim.control("/config", Map.of("spikeLimit", 5, "hourlyLimit", 7));
        try {
            Account a = sim.account(cid, "near-hourly", "Standard", false);
            long now = System.currentTimeMillis() / 1000;
            Reply first = sim.api("/rest/v1.0/me", a.token(), cid);
            assertEquals(first.header("X-Rate-Limit-Limit"), "5", "the 10-second window while the hour has room");
            assertEquals(first.header("X-Rate-Limit-Remaining"), "4");
            assertTrue(Long.parseLong(first.header("X-Rate-Limit-Reset")) <= now + 11, "resets within the spike window");
            Reply second = sim.api("/rest/v1.0/me", a.token(), cid);
            assertEquals(second.header("X-Rate-Limit-Limit"), "7", "the hourly window once only a spike's worth is left");
            assertEquals(second.header("X-Rate-Limit-Remaining"), "5");
            assertTrue(Long.parseLong(second.header("X-Rate-Limit-Reset")) > now + 3000, "resets with the hour");
        } finally {
            sim.control("/config", Map.of("spikeLimit", 100000, "hourlyLimit", 100000));
        }
    }

    @Test
    public void badAndExpiredTokensGet401() {
        Reply none = sim.api("/rest/v1.0/me", null, cid);
        assertEquals(none.status(), 401);
        Reply bad = sim.api("/rest/v1.0/me", "nonsense", cid);
        assertEquals(bad.status(), 401);
        assertEquals(bad.json().get("error").get("message").asText(), "The access token is invalid");
        assertTrue(bad.header("WWW-Authenticate").contains("invalid_token"));
        String soon = sim.token(standard.clientId(), standard.clientSecret()).json().get("access_token").asText();
        sim.control("/faults/expire-tokens", Map.of());
        Reply expired = sim.api("/rest/v1.0/me", soon, cid);
        assertEquals(expired.status(), 401);
        assertEquals(expired.json().get("error").get("message").asText(), "The access token expired");
        standard = new Account(standard.clientId(), standard.clientSecret(), standard.userId(),
                sim.token(standard.clientId(), standard.clientSecret()).json().get("access_token").asText());
    }

    @Test
    public void tokenLifetimeIsConfigurable() {
        sim.control("/config", Map.of("tokenTtlSeconds", 60));
        try {
            assertEquals(sim.token(standard.clientId(), standard.clientSecret()).json().get("expires_in").asLong(), 60);
        } finally {
            sim.control("/config", Map.of("tokenTtlSeconds", 5400));
        }
    }

    @Test
    public void otherAndUnknownCompanies() {
        long other = sim.control("/companies", Map.of("name", "Other Co", "projects", 1)).json().get("id").asLong();
        assertEquals(sim.api("/rest/v1.0/me", standard.token(), other).status(), 403);
        assertEquals(sim.api("/rest/v1.0/me", standard.token(), other).json().get("error").get("message").asText(),
                "App is not connected to this company");
        assertEquals(sim.api("/rest/v1.0/me", standard.token(), 123456789L).status(), 404);
        assertEquals(sim.api("/rest/v1.0/companies/123456789/users", standard.token(), cid).status(), 404);
        assertEquals(sim.api("/rest/v1.0/projects?company_id=123456789", standard.token(), cid).status(), 404);
        assertEquals(sim.api("/rest/v1.0/projects?company_id=abc", standard.token(), cid).status(), 400);
        assertEquals(sim.api("/rest/v1.0/nothing/here", standard.token(), cid).status(), 404);
    }

    @Test
    public void nonAdminCallerSeesOnlyItsProjectsAndFiltersByStatus() {
        JsonNode active = sim.api("/rest/v1.0/projects?company_id=" + cid, standard.token(), cid).json();
        assertEquals(active.size(), 30, "Add All gave it the 30 active projects");
        JsonNode inactive = sim.api("/rest/v1.0/projects?company_id=" + cid + "&filters[by_status]=Inactive", standard.token(), cid).json();
        assertEquals(inactive.size(), 0, "it belongs to no inactive project");
        Account admin = sim.account(cid, "company-admin-account", "Admin", false);
        assertEquals(sim.api("/rest/v1.0/projects?company_id=" + cid + "&filters[by_status]=All", admin.token(), cid).json().size(), 34);
        assertEquals(sim.api("/rest/v1.0/projects?company_id=" + cid + "&filters[by_status]=Inactive", admin.token(), cid).json().size(), 4);
        assertEquals(sim.api("/rest/v1.0/projects?company_id=" + cid + "&filters[by_status]=Bogus", admin.token(), cid).status(), 400);
        assertEquals(sim.api("/rest/v1.1/projects?company_id=" + cid, standard.token(), cid).json().size(), 30);
    }

    @Test
    public void newAccountAtNoneGetsATokenButEveryCallFails() {
        Account none = sim.account(cid, "none-account", "None", false);
        assertEquals(sim.api("/rest/v1.0/projects?company_id=" + cid, none.token(), cid).status(), 403);
        assertEquals(sim.api("/rest/v1.0/companies", none.token(), cid).status(), 200, "the connection itself is not a tool");
        assertEquals(sim.api("/rest/v1.0/companies/" + cid + "/users", none.token(), cid).status(), 403);
        JsonNode perms = sim.api("/rest/v1.0/settings/permissions?company_id=" + cid, none.token(), cid).json();
        perms.get("tools").forEach(t -> assertEquals(t.get("user_access_level").get("name").asText(), "None"));
    }

    @Test
    public void settingsPermissionsShowsStandardOnEveryTool() {
        JsonNode tools = sim.api("/rest/v1.0/settings/permissions?company_id=" + cid, standard.token(), cid).json().get("tools");
        assertEquals(tools.size(), 10);
        tools.forEach(t -> assertEquals(t.get("user_access_level").get("name").asText(), "Standard"));
    }

    @Test
    public void usersAssignmentsProjectUsersAndTemplates() {
        JsonNode users = sim.api("/rest/v1.0/companies/" + cid + "/users", standard.token(), cid).json();
        assertTrue(users.size() >= 6);
        JsonNode assignments = sim.api("/rest/v1.0/companies/" + cid + "/users/" + standard.userId() + "/project_assignments",
                standard.token(), cid).json();
        assertEquals(assignments.size(), 34);
        long assigned = 0;
        for (JsonNode a : assignments) if (a.get("is_assigned").asBoolean()) assigned++;
        assertEquals(assigned, 30);
        long pid = sim.api("/rest/v1.0/projects?company_id=" + cid, standard.token(), cid).json().get(0).get("id").asLong();
        JsonNode members = sim.api("/rest/v1.0/projects/" + pid + "/users", standard.token(), cid).json();
        boolean found = false;
        for (JsonNode m : members) found |= m.get("id").asLong() == standard.userId();
        assertTrue(found);
        JsonNode templates = sim.api("/rest/v1.0/companies/" + cid + "/permission_templates?filters[type]=project_tools", standard.token(), cid).json();
        assertEquals(templates.size(), 4);
        assertEquals(sim.api("/rest/v1.0/companies/" + cid + "/users/" + standard.userId(), standard.token(), cid).json().get("id").asLong(), standard.userId());
        assertEquals(sim.api("/rest/v1.0/companies/" + cid + "/users/1", standard.token(), cid).status(), 404);
    }

    @Test
    public void bulkAddAddsPairsAndRefusesBadBodies() {
        Account admin = sim.account(cid, "bulk-admin", "Admin", false);
        long uid = sim.account(cid, "bulk-target", "Standard", false).userId();
        JsonNode projects = sim.api("/rest/v1.0/projects?company_id=" + cid + "&per_page=2", admin.token(), cid).json();
        long p1 = projects.get(0).get("id").asLong();
        int before = sim.audit().size();
        Reply r = sim.apiPost("/rest/v1.1/companies/" + cid + "/users/bulk_add", admin.token(), cid,
                "{\"users\":[{\"user_id\":" + uid + ",\"project_id\":" + p1 + ",\"permission_template_id\":null},"
                        + "{\"user_id\":" + uid + ",\"project_id\":1,\"permission_template_id\":null}]}");
        assertEquals(r.status(), 200);
        assertEquals(r.json().get(String.valueOf(uid)).get(String.valueOf(p1)).asText(), "success");
        assertEquals(r.json().get(String.valueOf(uid)).get("1").asText(), "Project not found");
        assertEquals(sim.audit().size(), before + 1);
        Reply malformed = sim.apiPost("/rest/v1.1/companies/" + cid + "/users/bulk_add", admin.token(), cid, "{oops");
        assertEquals(malformed.status(), 400);
        Reply tooMany = sim.apiPost("/rest/v1.1/companies/" + cid + "/users/bulk_add", admin.token(), cid,
                "{\"users\":[" + String.join(",", java.util.Collections.nCopies(1001, "{\"user_id\":1,\"project_id\":1}")) + "]}");
        assertEquals(tooMany.status(), 422);
        assertEquals(sim.apiPost("/rest/v1.1/companies/" + cid + "/users/bulk_add", standard.token(), cid, "{\"users\":[]}").status(), 403);
        assertEquals(sim.audit().size(), before + 1, "refused bodies changed nothing");
    }

    @Test
    public void perPageOutOfRangeIsRefused() {
        for (String pp : List.of("0", "100000", "-1", "abc")) {
            Reply r = sim.api("/rest/v1.0/projects?company_id=" + cid + "&per_page=" + pp, standard.token(), cid);
            assertEquals(r.status(), 400, "per_page=" + pp);
            assertTrue(r.json().get("error").get("message").asText().contains("per_page"));
        }
        assertEquals(sim.api("/rest/v1.1/projects?company_id=" + cid + "&per_page=301", standard.token(), cid).status(), 400);
        assertEquals(sim.api("/rest/v1.1/projects?company_id=" + cid + "&per_page=300", standard.token(), cid).status(), 200);
        assertEquals(sim.api("/rest/v1.0/projects?company_id=" + cid + "&page=0", standard.token(), cid).status(), 400);
    }

    @Test
    public void paginationOver10000ProjectsReturnsEveryIdOnce() {
        Sim big = new Sim();
        try {
            long t0 = System.nanoTime();
            long bigCid = big.freshCompany(10_000, 0, 0, 2_000);
            long seedMillis = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("seeded 10,000 projects and 2,000 users in " + seedMillis + " ms");
            big.control("/config", Map.of("spikeLimit", 100000));
            Account admin = big.account(bigCid, "auditor", "Admin", false);
            Set<Long> ids = new HashSet<>();
            int pages = 0;
            String next = big.url() + "/rest/v1.0/projects?company_id=" + bigCid + "&per_page=1000";
            while (next != null) {
                Reply r = big.send(new Request.Builder().url(next).header("Authorization", "Bearer " + admin.token())
                        .header("Procore-Company-Id", String.valueOf(bigCid)).build());
                assertEquals(r.status(), 200);
                assertEquals(r.header("Total"), "10000");
                assertEquals(r.header("Per-Page"), "1000");
                for (JsonNode p : r.json()) assertTrue(ids.add(p.get("id").asLong()), "id seen twice: " + p.get("id"));
                pages++;
                next = rel(r.header("Link"), "next");
                assertNotNull(rel(r.header("Link"), "last"));
            }
            assertEquals(ids.size(), 10_000);
            assertEquals(pages, 10);
            Reply users = big.api("/rest/v1.0/companies/" + bigCid + "/users?per_page=1000&page=3", admin.token(), bigCid);
            assertEquals(users.header("Total"), "2003");
            assertEquals(users.json().size(), 3);
            assertTrue(users.header("Link").contains("rel=\"prev\""));
            assertFalse(users.header("Link").contains("rel=\"next\""));
        } finally {
            big.close();
        }
    }

    @Test
    public void rateLimitHeadersAndSpikeWindow429() {
        sim.control("/config", Map.of("spikeLimit", 5, "hourlyLimit", 1000));
        try {
            Account a = sim.account(cid, "rate-limited", "Standard", false);
            Reply first = sim.api("/rest/v1.0/me", a.token(), cid);
            assertEquals(first.header("X-Rate-Limit-Limit"), "5", "the spike window: the hour is far from spent");
            assertEquals(first.header("X-Rate-Limit-Remaining"), "4");
            assertTrue(Long.parseLong(first.header("X-Rate-Limit-Reset")) > System.currentTimeMillis() / 1000);
            for (int i = 0; i < 4; i++) assertEquals(sim.api("/rest/v1.0/me", a.token(), cid).status(), 200);
            Reply limited = sim.api("/rest/v1.0/me", a.token(), cid);
            assertEquals(limited.status(), 429);
            assertEquals(limited.header("X-Rate-Limit-Remaining"), "0");
            assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
            assertEquals(limited.body(), "Rate Limit Exceeded");
        } finally {
            sim.control("/config", Map.of("spikeLimit", 100000, "hourlyLimit", 100000));
        }
    }

    @Test
    public void hourlyWindow429() {
        sim.control("/config", Map.of("spikeLimit", 1000, "hourlyLimit", 3));
        try {
            Account a = sim.account(cid, "hourly-limited", "Standard", false);
            for (int i = 0; i < 3; i++) assertEquals(sim.api("/rest/v1.0/me", a.token(), cid).status(), 200);
            Reply limited = sim.api("/rest/v1.0/me", a.token(), cid);
            assertEquals(limited.status(), 429);
            assertTrue(Long.parseLong(limited.header("Retry-After")) > 3000, "wait for the hour to end");
        } finally {
            sim.control("/config", Map.of("spikeLimit", 100000, "hourlyLimit", 100000));
        }
    }

    @Test
    public void faultsGive5xxWithRetryAfterAnd429Storms() {
        sim.control("/faults/error", Map.of("path", "/rest/v1.0/me", "status", 503, "count", 1, "retryAfter", 2));
        Reply r = sim.api("/rest/v1.0/me", standard.token(), cid);
        assertEquals(r.status(), 503);
        assertEquals(r.header("Retry-After"), "2");
        assertEquals(sim.api("/rest/v1.0/me", standard.token(), cid).status(), 200);
        sim.control("/faults/rate-limit-storm", Map.of("count", 2));
        assertEquals(sim.api("/rest/v1.0/me", standard.token(), cid).status(), 429);
        assertEquals(sim.api("/rest/v1.0/me", standard.token(), cid).status(), 429);
        assertEquals(sim.api("/rest/v1.0/me", standard.token(), cid).status(), 200);
    }

    @Test
    public void sunsetRefusesTraditionalAccountTokens() {
        sim.control("/config", Map.of("accountsState", "SUNSET"));
        try {
            Reply t = sim.token(standard.clientId(), standard.clientSecret());
            assertEquals(t.status(), 401);
            assertTrue(t.json().get("error_description").asText().contains("Developer Managed Service Account"));
            assertEquals(sim.api("/rest/v1.0/me", standard.token(), cid).status(), 401);
        } finally {
            sim.control("/config", Map.of("accountsState", "AVAILABLE"));
        }
    }

    @Test
    public void createdProjectGoesToAccountsThatAddToAllNewProjects() {
        long other = sim.control("/companies", Map.of("name", "New Projects Co", "projects", 2)).json().get("id").asLong();
        Account a = sim.account(other, "laborchart-integration", "Standard", true);
        long pid = sim.control("/companies/" + other + "/projects", Map.of("name", "Brand New Tower")).json().get("id").asLong();
        JsonNode mine = sim.api("/rest/v1.0/projects?company_id=" + other + "&per_page=1000", a.token(), other).json();
        assertEquals(mine.size(), 3);
        boolean found = false;
        for (JsonNode p : mine) found |= p.get("id").asLong() == pid;
        assertTrue(found, "the new project reached the account that ticked 'add to all new projects'");
    }

    static String rel(String link, String rel) {
        if (link == null) return null;
        Matcher m = Pattern.compile("<([^>]+)>; rel=\"" + rel + "\"").matcher(link);
        return m.find() ? m.group(1) : null;
    }
}
