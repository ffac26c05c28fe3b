package io.vigie.stream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/prometheus and deploy/grafana: the files parse, the alerts cover what they must, the panels too. */
class MonitoringFilesTest {

    /** Prometheus alerting rules file, strictly (prometheus.io/docs/prometheus/latest/configuration/alerting_rules). */
    record RuleFile(List<Group> groups) {
        record Group(String name, String interval, List<Rule> rules) {
        }

        record Rule(String alert, String expr, String record, String keep_firing_for,
                    @com.fasterxml.jackson.annotation.JsonProperty("for") String forDuration,
                    Map<String, String> labels, Map<String, String> annotations) {
        }
    }

    static RuleFile alertRules() {
        try {
            return DeployFiles.YAML.readValue(DeployFiles.deploy("prometheus/alerts.yml").toFile(), RuleFile.class);
        } catch (Exception e) {
            throw new AssertionError("alerts.yml does not parse as a Prometheus rule file: " + e.getMessage(), e);
        }
    }

    static JsonNode dashboard() {
        try {
            return DeployFiles.JSON.readTree(DeployFiles.deploy("grafana/vigie-dashboard.json").toFile());
        } catch (Exception e) {
            throw new AssertionError("the dashboard is not JSON: " + e.getMessage(), e);
        }
    }

    /** Every PromQL expression of the dashboard (panel targets and query variables), with where it is. */
    static Map<String, String> dashboardExpressions() {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode panel : dashboard().path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                out.put("panel '" + panel.path("title").asText() + "' " + target.path("refId").asText(),
                        target.path("expr").asText());
            }
        }
        for (JsonNode variable : dashboard().path("templating").path("list")) {
            String q = variable.path("query").path("query").asText();
            // label_values(metric, label): the metric is the first argument
            if (q.startsWith("label_values(")) {
                out.put("variable " + variable.path("name").asText(),
                        q.substring("label_values(".length(), q.indexOf(',')).trim());
            }
        }
        return out;
    }

    /** Every metric name that the alert rules and the dashboard read, to where it is read. */
    static Map<String, Set<String>> metricNamesUsed() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (RuleFile.Group g : alertRules().groups()) {
            for (RuleFile.Rule r : g.rules()) {
                for (String name : PromQl.metricNames(r.expr())) {
                    out.computeIfAbsent(name, k -> new TreeSet<>()).add("alert " + r.alert());
                }
            }
        }
        dashboardExpressions().forEach((where, expr) -> {
            for (String name : PromQl.metricNames(expr)) {
                out.computeIfAbsent(name, k -> new TreeSet<>()).add(where);
            }
        });
        return out;
    }

    @Test
    void shouldParseTheAlertRulesWithSeveritySummaryAndDescription() {
        RuleFile file = alertRules();
        Set<String> names = new HashSet<>();
        for (RuleFile.Group g : file.groups()) {
            assertNotNull(g.name());
            assertFalse(g.rules().isEmpty(), g.name());
            for (RuleFile.Rule r : g.rules()) {
                assertNotNull(r.alert(), "only alerting rules here");
                assertTrue(names.add(r.alert()), "duplicate alert " + r.alert());
                assertTrue(Set.of("page", "ticket").contains(r.labels().get("severity")), r.alert());
                assertNotNull(r.annotations().get("summary"), r.alert());
                assertNotNull(r.annotations().get("description"), r.alert());
                assertBalanced(r.expr(), r.alert());
                if (r.forDuration() != null) {
                    assertTrue(r.forDuration().matches("\\d+[smh]"), r.alert() + " for: " + r.forDuration());
                }
            }
        }
    }

    @Test
    void shouldAlertOnLagDlqCriticalBurstsAndStoppedInstances() {
        Map<String, String> byMetric = new TreeMap<>();
        for (RuleFile.Group g : alertRules().groups()) {
            for (RuleFile.Rule r : g.rules()) {
                PromQl.metricNames(r.expr()).forEach(m -> byMetric.merge(m, r.alert() + ":" + r.expr(), String::concat));
            }
        }
        assertTrue(byMetric.containsKey("kafka_consumer_fetch_manager_records_lag"), "consumer lag growing");
        assertTrue(byMetric.containsKey("moderation_dlq_records_total"), "DLQ rate");
        assertTrue(byMetric.getOrDefault("moderation_alerts_total", "").contains("severity=\"CRITICAL\""),
                "burst of CRITICAL alerts");
        assertTrue(byMetric.containsKey("moderation_streams_running"), "an instance not running");
        assertTrue(byMetric.containsKey("up"), "an instance that cannot be scraped");
    }

    @Test
    void shouldUnitTestEveryAlertRuleFiringAndSilent() {
        // alerts-test.yml runs under promtool (deploy/prometheus/check.sh); here: it covers every alert
        JsonNode tests = DeployFiles.yamlDocuments(DeployFiles.deploy("prometheus/alerts-test.yml")).get(0);
        assertEquals("alerts.yml", tests.path("rule_files").get(0).asText());
        Set<String> firing = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        for (JsonNode test : tests.path("tests")) {
            for (JsonNode case_ : test.path("alert_rule_test")) {
                (case_.path("exp_alerts").isEmpty() ? silent : firing).add(case_.path("alertname").asText());
            }
        }
        Set<String> alerts = new TreeSet<>();
        alertRules().groups().forEach(g -> g.rules().forEach(r -> alerts.add(r.alert())));
        assertEquals(alerts, firing, "every alert has a case where it fires");
        assertTrue(silent.containsAll(Set.of("VigieCriticalAlertBurst", "VigieConsumerLagGrowing",
                "VigieDeadLetterRate", "VigieNoInstanceRunning")), "and the main ones a case where they stay quiet");
    }

    @Test
    void shouldLoadTheRuleFileFromThePrometheusConfig() {
        JsonNode config = DeployFiles.yamlDocuments(DeployFiles.deploy("prometheus/prometheus.yml")).get(0);
        List<String> ruleFiles = new ArrayList<>();
        config.path("rule_files").forEach(f -> ruleFiles.add(f.asText()));
        assertEquals(List.of("/etc/prometheus/alerts.yml"), ruleFiles);
        JsonNode job = config.path("scrape_configs").get(0);
        assertEquals("vigie", job.path("job_name").asText(), "the alert rules select job=\"vigie\"");
        assertEquals("/metrics", job.path("metrics_path").asText());
        assertTrue(DeployFiles.read(DeployFiles.deploy("prometheus/alerts.yml")).contains("job=\"vigie\""));
    }

    @Test
    void shouldBuildTheDashboardOnTheProvisionedDatasource() {
        JsonNode d = dashboard();
        assertEquals("vigie-moderation", d.path("uid").asText());
        String uid = DeployFiles.yamlDocuments(DeployFiles.deploy("grafana/provisioning/datasources/prometheus.yml"))
                .get(0).path("datasources").get(0).path("uid").asText();
        Set<Integer> ids = new HashSet<>();
        int queries = 0;
        for (JsonNode panel : d.path("panels")) {
            assertTrue(ids.add(panel.path("id").asInt()), "duplicate panel id " + panel.path("id"));
            JsonNode pos = panel.path("gridPos");
            assertTrue(pos.path("x").asInt() + pos.path("w").asInt() <= 24, panel.path("title").asText());
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            assertEquals(uid, panel.path("datasource").path("uid").asText(), panel.path("title").asText());
            assertFalse(panel.path("targets").isEmpty(), panel.path("title").asText());
            for (JsonNode t : panel.path("targets")) {
                assertEquals(uid, t.path("datasource").path("uid").asText());
                assertBalanced(t.path("expr").asText(), panel.path("title").asText());
                queries++;
            }
        }
        assertTrue(queries >= 20, "queries: " + queries);
    }

    @Test
    void shouldShowThroughputAlertsActionsDlqLagLatencyStateAndJvm() {
        Set<String> used = metricNamesUsed().keySet();
        for (String required : List.of("moderation_messages_scored_total", "moderation_alerts_total",
                "moderation_actions_total", "moderation_dlq_records_total",
                "kafka_consumer_fetch_manager_records_lag", "moderation_e2e_lag_seconds_bucket",
                "moderation_state_entries", "jvm_memory_used_bytes")) {
            assertTrue(used.contains(required), required + " not on the dashboard or in the alerts");
        }
        String alertsPanels = dashboardExpressions().values().stream()
                .filter(e -> e.contains("moderation_alerts_total")).reduce("", String::concat);
        assertTrue(alertsPanels.contains("by (category)"), "alerts by category");
        assertTrue(alertsPanels.contains("by (severity)"), "alerts by severity");
    }

    private static void assertBalanced(String expr, String where) {
        int depth = 0;
        for (char c : expr.toCharArray()) {
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            }
            assertTrue(depth >= 0, where + ": unbalanced " + expr);
        }
        assertEquals(0, depth, where + ": unbalanced " + expr);
    }
}
