package io.procoresetup.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.procoresetup.api.Dto;
import io.procoresetup.api.ProcoreClient;
import io.procoresetup.secrets.Secret;
import io.procoresetup.support.Sim;
import io.procoresetup.verify.Check;
import io.procoresetup.verify.Observation;
import io.procoresetup.verify.Verification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Benchmark, not a test: verify a company with 10,000 projects and 2,000 users under a 25-requests-per-
 * 10-seconds spike limit; writes requests, wall time and bytes to target/bench/verify.json.
 * Run: bench/run verify
 */
public final class VerifyBenchmark {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (Sim sim = new Sim()) {
            long seed0 = System.nanoTime();
            long cid = sim.freshCompany(10_000, 100, 0, 2_000);
            long seedMs = (System.nanoTime() - seed0) / 1_000_000;
            sim.control("/config", Map.of("spikeLimit", 100_000));
            Sim.Account admin = sim.account(cid, "bench-admin", "Admin", false);
            Sim.Account account = sim.account(cid, "laborchart-integration", "Standard", false);
            ProcoreClient adminApi = new ProcoreClient(sim.url(), sim.url(), cid, admin.clientId(), Secret.of(admin.clientSecret()),
                    ProcoreClient.Options.defaults());
            List<Dto.Project> active = adminApi.projects("Active");
            for (int from = 0; from < active.size(); from += 1000) {          // Add All stops at 2,000: bulk add, as Procore advises
                StringBuilder body = new StringBuilder("{\"users\":[");
                for (int i = from; i < Math.min(from + 1000, active.size()); i++) {
                    if (i > from) body.append(',');
                    body.append("{\"user_id\":").append(account.userId()).append(",\"project_id\":").append(active.get(i).id()).append('}');
                }
                sim.apiPost("/rest/v1.1/companies/" + cid + "/users/bulk_add", admin.token(), cid, body.append("]}").toString());
            }
            List<String> labels = active.stream().map(Dto.Project::label).toList();
            sim.control("/config", Map.of("spikeLimit", 25, "spikeWindowSeconds", 10, "hourlyLimit", 3600));

            ArrayNode samples = Sim.JSON.createArrayNode();
            long worstMs = 0;
            long maxListing = 0;
            long failures = 0;
            for (int run = 0; run < runs; run++) {
                sim.control("/config", Map.of("spikeLimit", 25));                // fresh windows per run
                ProcoreClient api = new ProcoreClient(sim.url(), sim.url(), cid, account.clientId(), Secret.of(account.clientSecret()),
                        ProcoreClient.Options.defaults());
                Observation ui = new Observation(cid, "Granite Ridge Construction", account.clientId(),
                        "laborchart-integration-Granite Ridge Construction", labels, true);
                long t0 = System.nanoTime();
                List<Check> checks = Verification.run(api, ui, null);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                long listing = api.stats().byPath.get("/rest/v1.0/projects").get();
                boolean passed = Verification.allPassed(checks);
                if (!passed) failures++;
                worstMs = Math.max(worstMs, ms);
                maxListing = Math.max(maxListing, listing);
                ObjectNode s = samples.addObject();
                s.put("wall_ms", ms);
                s.put("requests", api.stats().requests.get());
                s.put("project_listing_requests", listing);
                s.put("bytes", api.stats().bytes.get());
                s.put("rate_limited", api.stats().rateLimited.get());
                s.put("waited_ms", api.stats().waitedMillis.get());
                s.put("all_checks_passed", passed);
                System.out.println("run " + (run + 1) + ": " + s);
            }
            ObjectNode out = Sim.JSON.createObjectNode();
            out.put("what", "harness verify API stage: 10,000 active projects, 2,000 users, spike limit 25 per 10 s, against the simulator");
            out.put("seed_ms", seedMs);
            out.put("runs", runs);
            out.put("worst_wall_ms", worstMs);
            out.put("max_project_listing_requests", maxListing);
            out.put("failures", failures);
            out.put("goal", "<= 12 listing requests, < 2000 ms, 0 failures");
            out.put("goal_met", maxListing <= 12 && worstMs < 2000 && failures == 0);
            out.set("samples", samples);
            Path file = Path.of("target/bench/verify.json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, Sim.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
            System.out.println("wrote " + file.toAbsolutePath() + ": worst " + worstMs + " ms, " + maxListing + " listing requests, "
                    + failures + " failures");
        }
    }
}
