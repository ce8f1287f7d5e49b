package io.procoresetup.api;

import io.procoresetup.secrets.Secret;
import io.procoresetup.support.Sim;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

/** The client against the simulator over HTTP: pagination at scale, renewal after expiry, 429 storms. */
public class ProcoreClientSimTest {
    private Sim sim;
    private long cid;
    private Sim.Account admin;
    private final List<Duration> pauses = new ArrayList<>();

    @BeforeClass
    public void start() {
        sim = new Sim();
        cid = sim.freshCompany(10_000, 50, 0, 0);
        sim.control("/config", Map.of("spikeLimit", 25, "hourlyLimit", 3600));
        admin = sim.account(cid, "auditor", "Admin", false);
    }

    @AfterClass(alwaysRun = true)
    public void stop() { sim.close(); }

    private ProcoreClient client(Sim.Account a) {
        return new ProcoreClient(sim.url(), sim.url(), cid, a.clientId(), Secret.of(a.clientSecret()),
                ProcoreClient.Options.defaults().with((Backoff) pauses::add));
    }

    @Test
    public void paginationOver10000ProjectsYieldsEachIdOnceInTenRequests() {
        ProcoreClient c = client(admin);
        List<Dto.Project> projects = c.projects("Active");
        Set<Long> ids = new HashSet<>();
        for (Dto.Project p : projects) assertTrue(ids.add(p.id()), "id seen twice: " + p.id());
        assertEquals(ids.size(), 10_000);
        assertEquals(c.stats().byPath.get("/rest/v1.0/projects").get(), 10L, "per_page 1000 over 10,000 projects");
        assertTrue(ids.stream().allMatch(id -> id > Integer.MAX_VALUE), "64-bit ids");
    }

    @Test
    public void renewsAfterTheSimulatorExpiresTheToken() {
        ProcoreClient c = client(admin);
        c.me();
        sim.control("/faults/expire-tokens", Map.of());
        assertEquals(c.me().name(), "auditor-Granite Ridge Construction");
        assertEquals(c.tokensIssued(), 2);
    }

    @Test
    public void rideOutA429Storm() {
        ProcoreClient c = client(admin);
        c.me();
        pauses.clear();
        sim.control("/faults/rate-limit-storm", Map.of("count", 3));
        assertEquals(c.me().name(), "auditor-Granite Ridge Construction");
        assertEquals(pauses.size(), 3);
        assertEquals(c.stats().rateLimited.get(), 3L);
    }

    @Test
    public void badSecretIsAnAuthenticationError() {
        ProcoreClient c = new ProcoreClient(sim.url(), sim.url(), cid, admin.clientId(), Secret.of("not-the-secret-000000"),
                ProcoreClient.Options.defaults().with((Backoff) pauses::add));
        ProcoreApiException e = expectThrows(ProcoreApiException.class, c::me);
        assertEquals(e.kind(), ProcoreApiException.Kind.AUTHENTICATION);
        assertTrue(e.procoreMessage().startsWith("invalid_client"), e.procoreMessage());
    }
}
