package io.vigie.stream.console;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.Decision;
import io.vigie.core.contract.Severity;
import io.vigie.stream.serde.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's web side over real HTTP (Javalin on a free port), with the queue fed directly and writes applied in
 * memory: sign-in, cookies, CSRF, roles, claims, decisions, the alert page's evidence and lead-up, the lead's view
 * and export, the proxy header. The Kafka path and a real browser are {@code ConsoleBrowserIT}'s.
 */
class ConsoleWebTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path dir;

    private ReviewQueue queue;
    private InMemoryPublisher publisher;
    private ConsoleWeb web;
    private String base;

    @BeforeEach
    void start() throws Exception {
        Path users = dir.resolve("users.txt");
        Files.writeString(users, "# test users\n"
                + "alice reviewer " + PasswordHasher.hash("alice-pw".toCharArray(), 1000) + "\n"
                + "bob   reviewer " + PasswordHasher.hash("bob-pw".toCharArray(), 1000) + "\n"
                + "lea   lead     " + PasswordHasher.hash("lea-pw".toCharArray(), 1000) + "\n"
                + "sso   reviewer -\n");
        ConsoleConfig config = new ConsoleConfig(Map.of(ConsoleConfig.USERS_FILE, users.toString(),
                ConsoleConfig.HTTP_PORT, "0", ConsoleConfig.HTTP_BIND_ADDRESS, "127.0.0.1",
                ConsoleConfig.PROXY_HEADER, "X-Forwarded-User", ConsoleConfig.LOGIN_MAX_FAILURES, "3"));
        queue = new ReviewQueue(java.time.Clock.systemUTC(), 1000);
        publisher = new InMemoryPublisher(queue);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ConsoleMetrics metrics = new ConsoleMetrics(registry, queue::summary);
        web = new ConsoleWeb(config, queue, Users.load(users), new Sessions("a-test-secret-of-at-least-32-chars!",
                3_600_000, java.time.Clock.systemUTC()), publisher, metrics, RuleDescriptions.load(null), () -> true,
                registry::scrape, java.time.Clock.systemUTC(), "test");
        base = "http://127.0.0.1:" + web.start();
        queue.addAlert(Alerts.grooming("a-1", "c-1", Severity.HIGH, java.time.Instant.now()),
                java.time.Instant.now());
        queue.addAlert(withContext(Alerts.roomHate("a-2", "c-2", java.time.Instant.now())),
                java.time.Instant.now());
    }

    @AfterEach
    void stop() {
        web.close();
    }

    /** A browser-like client: its own cookies, no automatic redirects. */
    private final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, List<String>> form, String... headers) throws Exception {
            StringBuilder body = new StringBuilder();
            form.forEach((k, vs) -> vs.forEach(v -> body.append(body.length() == 0 ? "" : "&")
                    .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8))));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            for (int i = 0; i < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrf(String path) throws Exception {
            Matcher m = CSRF.matcher(get(path).body());
            assertTrue(m.find(), "no CSRF field on " + path);
            return m.group(1);
        }

        HttpResponse<String> login(String name, String password) throws Exception {
            return post("/login", Map.of("_csrf", List.of(csrf("/login")), "username", List.of(name), "password",
                    List.of(password)));
        }
    }

    private Browser signedIn(String name, String password) throws Exception {
        Browser b = new Browser();
        HttpResponse<String> r = b.login(name, password);
        assertEquals(302, r.statusCode(), r.body());
        return b;
    }

    @Test
    void shouldSendStrangersToSignInAndSetAStrictHttpOnlySessionCookie() throws Exception {
        Browser b = new Browser();
        HttpResponse<String> queuePage = b.get("/");
        assertEquals(302, queuePage.statusCode());
        assertEquals("/login", queuePage.headers().firstValue("Location").orElse(""));
        assertEquals(401, b.post("/alerts/a-1/claim", Map.of()).statusCode());

        assertEquals(401, b.login("alice", "wrong").statusCode());
        HttpResponse<String> ok = b.login("alice", "alice-pw");
        assertEquals(302, ok.statusCode());
        String cookie = ok.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Sessions.COOKIE))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        HttpResponse<String> page = b.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertTrue(page.body().contains("data-alert-id=\"a-1\""), "the queue lists the alert");
        HttpResponse<String> refresh = b.get("/queue/rows?scope=room");
        assertEquals(200, refresh.statusCode(), "the part the page refreshes");
        assertTrue(refresh.body().contains("data-alert-id=\"a-2\"") && !refresh.body().contains("data-alert-id=\"a-1\""),
                refresh.body());
        assertTrue(publisher.auditTypes().containsAll(List.of(AuditEvent.Type.LOGIN_FAILED, AuditEvent.Type.LOGIN)));
    }

    @Test
    void shouldRefuseASignInWithoutItsFormTokenAndLockOutRepeatedFailures() throws Exception {
        Browser b = new Browser();
        b.get("/login");
        assertEquals(403, b.post("/login", Map.of("username", List.of("alice"), "password", List.of("alice-pw")))
                .statusCode());
        for (int i = 0; i < 3; i++) {
            assertEquals(401, b.login("bob", "nope").statusCode());
        }
        assertEquals(429, b.login("bob", "bob-pw").statusCode(), "locked out after 3 failures");
        // a failed sign-in under a name that is no user never records that name
        b.login("my-password-typed-in-the-name-field", "x");
        assertTrue(publisher.audit.stream().noneMatch(e -> e.actor().contains("my-password")));
    }

    @Test
    void shouldRefuseAStateChangeWithoutTheCsrfTokenOrFromAnotherOrigin() throws Exception {
        Browser alice = signedIn("alice", "alice-pw");
        String token = alice.csrf("/alerts/a-1");

        HttpResponse<String> noToken = alice.post("/alerts/a-1/decide", Map.of("verdict", List.of("CONFIRMED"),
                "category", List.of("CHILD_GROOMING")));
        HttpResponse<String> wrongToken = alice.post("/alerts/a-1/decide", Map.of("_csrf", List.of("forged"),
                "verdict", List.of("CONFIRMED"), "category", List.of("CHILD_GROOMING")));
        HttpResponse<String> otherOrigin = alice.post("/alerts/a-1/decide", Map.of("_csrf", List.of(token),
                "verdict", List.of("CONFIRMED"), "category", List.of("CHILD_GROOMING")), "Origin",
                "http://evil.example");

        assertEquals(403, noToken.statusCode());
        assertEquals(403, wrongToken.statusCode());
        assertEquals(403, otherOrigin.statusCode());
        assertTrue(publisher.decisions.isEmpty(), "nothing decided");
        assertTrue(publisher.auditTypes().contains(AuditEvent.Type.REFUSED));
        // another session's token is no good either
        Browser bob = signedIn("bob", "bob-pw");
        assertEquals(403, alice.post("/alerts/a-1/claim", Map.of("_csrf", List.of(bob.csrf("/")))).statusCode());
    }

    @Test
    void shouldShowTheClaimToASecondReviewerAndRefuseTheirDecisionUnlessTheyOverride() throws Exception {
        // given alice claims a-1
        Browser alice = signedIn("alice", "alice-pw");
        HttpResponse<String> claimed = alice.post("/alerts/a-1/claim", Map.of("_csrf",
                List.of(alice.csrf("/alerts/a-1"))));
        assertEquals("/alerts/a-1?msg=claimed", claimed.headers().firstValue("Location").orElse(""));

        // when bob looks at it and tries to decide
        Browser bob = signedIn("bob", "bob-pw");
        assertTrue(bob.get("/").body().contains("alice until"), "the queue shows the claim");
        String page = bob.get("/alerts/a-1").body();
        assertTrue(page.contains("Claimed by <strong id=\"claim-holder\">alice</strong>"), page);
        String token = bob.csrf("/alerts/a-1");
        Map<String, List<String>> confirm = Map.of("_csrf", List.of(token), "verdict", List.of("CONFIRMED"),
                "action", List.of("BAN_USER"), "category", List.of("CHILD_GROOMING"), "note", List.of("secrecy"));
        HttpResponse<String> refused = bob.post("/alerts/a-1/decide", confirm);

        // then it is refused with the reason, until bob overrides knowingly
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("alice holds this alert"), refused.body());
        assertTrue(publisher.decisions.isEmpty());
        Map<String, List<String>> override = new java.util.HashMap<>(confirm);
        override.put("override", List.of("on"));
        assertEquals(302, bob.post("/alerts/a-1/decide", override).statusCode());
        ReviewDecision d = publisher.decisions.get(0);
        assertEquals("bob", d.reviewer());
        assertEquals(Decision.Verdict.CONFIRMED, d.verdict());
        assertTrue(d.ban());
        assertTrue(d.override());
        assertEquals("u-adult", d.userId());
        assertTrue(alice.get("/alerts/a-1").body().contains("Decided: <strong>CONFIRMED</strong> by bob"));
    }

    @Test
    void shouldValidateADecision() throws Exception {
        Browser alice = signedIn("alice", "alice-pw");
        String token = alice.csrf("/alerts/a-1");
        assertEquals(409, alice.post("/alerts/a-1/decide", Map.of("_csrf", List.of(token), "verdict",
                List.of("MAYBE"))).statusCode());
        assertEquals(409, alice.post("/alerts/a-1/decide", Map.of("_csrf", List.of(token), "verdict",
                List.of("CONFIRMED"))).statusCode(), "a confirmation needs a category");
        assertEquals(409, alice.post("/alerts/a-1/decide", Map.of("_csrf", List.of(token), "verdict",
                List.of("DISMISSED"), "action", List.of("BAN_USER"))).statusCode(), "a dismissal bans nobody");
        assertTrue(publisher.decisions.isEmpty());
        assertEquals(302, alice.post("/alerts/a-1/decide", Map.of("_csrf", List.of(token), "verdict",
                List.of("CONFIRMED"), "action", List.of("BAN_DEVICE"), "category",
                List.of("CHILD_GROOMING", "OFF_PLATFORM"))).statusCode());
        ReviewDecision d = publisher.decisions.get(0);
        assertEquals(ReviewDecision.Action.BAN_DEVICE, d.action());
        assertEquals("d-1", d.deviceId());
        assertEquals(List.of(Category.CHILD_GROOMING, Category.OFF_PLATFORM), d.categories());
        // the decision's JSON carries the contract's fields
        String json = Json.MAPPER.writeValueAsString(d);
        for (String field : List.of("\"alertId\":\"a-1\"", "\"reviewer\":\"alice\"", "\"verdict\":\"CONFIRMED\"",
                "\"ban\":true", "\"decidedAt\":\"")) {
            assertTrue(json.contains(field), json);
        }
    }

    @Test
    void shouldBlurTheTextAndHighlightTheEvidenceOfTheMessageAndOfItsLeadUp() throws Exception {
        Browser alice = signedIn("alice", "alice-pw");
        String page = alice.get("/alerts/a-2").body();

        assertTrue(page.contains("class=\"alert-page blurred\""), "blurred until revealed");
        assertTrue(page.contains("<mark class=\"evidence\" title=\"hate.slur\">f4ggot</mark>"), page);
        int first = page.indexOf("data-message-id=\"m-ctx-1\"");
        int second = page.indexOf("data-message-id=\"m-ctx-2\"");
        assertTrue(first > 0 && second > first, "lead-up oldest first");
        assertTrue(page.contains("<mark class=\"evidence\" title=\"ambush.come_alone\">viens seul</mark>"), page);
        assertTrue(page.contains("room room-lobby"));
        assertTrue(publisher.auditTypes().contains(AuditEvent.Type.VIEW));

        HttpResponse<String> reveal = alice.post("/alerts/a-2/reveal", Map.of(), ConsoleWeb.CSRF_HEADER,
                alice.csrf("/alerts/a-2"));
        assertEquals(204, reveal.statusCode());
        assertEquals(AuditEvent.Type.REVEAL, publisher.audit.get(publisher.audit.size() - 1).event());
        assertEquals("a-2", publisher.audit.get(publisher.audit.size() - 1).alertId());
    }

    @Test
    void shouldKeepTheLeadsViewAndExportForLeads() throws Exception {
        Browser alice = signedIn("alice", "alice-pw");
        alice.post("/alerts/a-2/decide", Map.of("_csrf", List.of(alice.csrf("/alerts/a-2")), "verdict",
                List.of("DISMISSED"), "note", List.of("reclaimed word among friends")));
        assertEquals(403, alice.get("/lead").statusCode());
        assertEquals(403, alice.get("/lead/labels.json").statusCode());

        Browser lea = signedIn("lea", "lea-pw");
        String lead = lea.get("/lead").body();
        assertTrue(lead.contains("<td>alice</td>"), lead);
        assertTrue(lead.contains("dismissed"), lead);
        HttpResponse<String> export = lea.get("/lead/labels.json");
        assertEquals(200, export.statusCode());
        var labels = Json.MAPPER.readTree(export.body());
        assertEquals(0, labels.path("c-2").path("labels").size(), export.body());
        assertTrue(labels.path("c-2").path("firstFlagMessageId").isNull());
        assertEquals("en", labels.path("c-2").path("language").asText());
        assertEquals("review-false-positive", labels.path("c-2").path("kind").asText());
        assertTrue(labels.path("c-2").path("notes").asText().contains("reclaimed word"));
        assertTrue(publisher.auditTypes().contains(AuditEvent.Type.EXPORT));
    }

    @Test
    void shouldBelieveTheProxyHeaderOnlyForKnownUsers() throws Exception {
        Browser b = new Browser();
        HttpResponse<String> known = b.http.send(HttpRequest.newBuilder(URI.create(base + "/"))
                .header("X-Forwarded-User", "sso").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, known.statusCode());
        assertTrue(known.body().contains("<span id=\"viewer\">sso</span>"));
        HttpResponse<String> unknown = new Browser().http.send(HttpRequest.newBuilder(URI.create(base + "/"))
                .header("X-Forwarded-User", "mallory").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, unknown.statusCode());
        // a proxy-only user has no password
        assertEquals(401, new Browser().login("sso", "").statusCode());
    }

    @Test
    void shouldServeProbesAndTheConsoleMetersWithoutSignIn() throws Exception {
        Browser b = new Browser();
        assertEquals(200, b.get("/health").statusCode());
        assertEquals(200, b.get("/ready").statusCode());
        String metrics = b.get("/metrics").body();
        for (String name : List.of("moderation_console_queue_size{severity=\"HIGH\"} 1",
                "moderation_console_queue_oldest_seconds", "moderation_console_decisions_total",
                "moderation_console_decision_time_seconds_bucket", "moderation_console_logins_total")) {
            assertTrue(metrics.contains(name), name + " in\n" + metrics);
        }
        assertFalse(metrics.contains("u-adult"), "no user id in metrics");
    }

    /** The room alert with a two-message lead-up, the second with its own evidence. */
    private static Alert withContext(Alert a) {
        List<Alert.ContextMessage> context = new ArrayList<>();
        context.add(new Alert.ContextMessage("m-ctx-2", "u-troll", a.sentAt().minusSeconds(30),
                "viens seul ce soir au parking",
                List.of(new Alert.Signal("ambush.come_alone", Category.AMBUSH, 20, "viens seul", 0, 10, "m-ctx-2"))));
        context.add(new Alert.ContextMessage("m-ctx-1", "u-other", a.sentAt().minusSeconds(60), "salut tout le monde",
                List.of()));
        return a.withContext(context);
    }
}
