package io.vigie.stream.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.core.contract.Action;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.Severity;
import io.vigie.core.contract.Stage;
import io.vigie.stream.app.ModerationApp;
import io.vigie.stream.broker.EmbeddedKafkaBroker;
import io.vigie.stream.config.ConfigLoader;
import io.vigie.stream.config.ModerationConfig;
import io.vigie.stream.it.ItKafka;
import io.vigie.stream.it.KafkaBroker;
import io.vigie.stream.it.KafkaBrokerExtension;
import io.vigie.stream.serde.Json;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The review console end to end in a real browser: the real broker, the moderation app (the {@code run} code path,
 * in this JVM), the console, and headless Chromium driven by Selenium. A harmful conversation is produced; its
 * alert appears in the queue; a reviewer signs in, claims, reveals and confirms with a ban; the Decision is on the
 * decisions topic with the reviewer's id and the audit topic says who viewed and decided; the banned user's next
 * message is BLOCKed; a second reviewer sees the claim; a request without a CSRF token is refused. A second test
 * renders an alert that carries the conversation's lead-up (produced to the alerts topic as the engine will write it)
 * and checks the filters. Screenshots of the queue and of alert pages go to {@code target/console-screenshots}
 * (and to {@code docs/console/} with {@code -Dconsole.screenshots.update=true}).
 *
 * <p>Needs the Debian packages {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs them); fails,
 * never skips, without them. Paths can be overridden with {@code -Dvigie.chromium=...} and
 * {@code -Dvigie.chromedriver=...}.
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Path SHOTS = Path.of("target", "console-screenshots");
    private static final Path DOCS_SHOTS = Path.of("..", "docs", "console");
    /**
     * When the conversation was sent: eight days before the run, so the reviewer decides longer after the messages
     * than the state retention (7 days), as a reviewer with a backlog does; the decision must still ban.
     */
    private static final Instant T0 = Instant.now().minus(java.time.Duration.ofDays(8))
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    private String bootstrap;
    private String prefix;
    private Map<String, String> topics;
    private ModerationApp app;
    private Thread appThread;
    private ConsoleServer console;
    private final List<WebDriver> drivers = new ArrayList<>();
    private Path dir;

    @BeforeAll
    void startEverything(KafkaBroker broker, @TempDir Path tmp) throws Exception {
        dir = tmp;
        bootstrap = broker.bootstrapServers();
        prefix = "console-" + UUID.randomUUID().toString().substring(0, 8);
        topics = new LinkedHashMap<>();
        for (String t : List.of("messages", "profiles", "decisions", "alerts", "actions", "dlq")) {
            topics.put(t, prefix + "." + t);
        }
        EmbeddedKafkaBroker.createTopics(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), List.of(
                new NewTopic(topics.get("messages"), 2, (short) 1),
                new NewTopic(topics.get("profiles"), 1, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                new NewTopic(topics.get("decisions"), 1, (short) 1),
                new NewTopic(topics.get("alerts"), 2, (short) 1),
                new NewTopic(topics.get("actions"), 2, (short) 1),
                new NewTopic(topics.get("dlq"), 1, (short) 1)));

        // the engine, as `run` starts it
        Map<String, String> engine = new HashMap<>();
        engine.put(ModerationConfig.BOOTSTRAP_SERVERS, bootstrap);
        engine.put(ModerationConfig.APPLICATION_ID, prefix + "-app");
        engine.put(ModerationConfig.STATE_DIR, tmp.resolve("state").toString());
        engine.put("commit.interval.ms", "200");
        engine.put(ModerationConfig.TOPIC_MESSAGES, topics.get("messages"));
        engine.put(ModerationConfig.TOPIC_PROFILES, topics.get("profiles"));
        engine.put(ModerationConfig.TOPIC_DECISIONS, topics.get("decisions"));
        engine.put(ModerationConfig.TOPIC_ALERTS, topics.get("alerts"));
        engine.put(ModerationConfig.TOPIC_ACTIONS, topics.get("actions"));
        engine.put(ModerationConfig.TOPIC_DLQ, topics.get("dlq"));
        engine.put(ModerationConfig.TOPIC_ERASURE, prefix + ".erasure");
        engine.put(ModerationConfig.TOPIC_FACTS, prefix + ".facts");
        engine.put(ModerationConfig.TOPIC_DISMISSALS, prefix + ".dismissals");
        engine.put(ModerationConfig.TOPICS_CREATE, "true");
        engine.put(ModerationConfig.HTTP_PORT, "-1");
        app = new ModerationApp(ConfigLoader.load(null, Map.of(), engine), new PrintStream(
                java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        appThread = new Thread(() -> {
            try {
                app.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "it-moderation-app");
        appThread.start();

        // the console, with two reviewers and a lead
        Path users = tmp.resolve("users.txt");
        Files.writeString(users, "alice reviewer " + PasswordHasher.hash("alice-pw".toCharArray()) + "\n"
                + "bob reviewer " + PasswordHasher.hash("bob-pw".toCharArray()) + "\n"
                + "lea lead " + PasswordHasher.hash("lea-pw".toCharArray()) + "\n");
        Map<String, String> c = new HashMap<>();
        c.put(ConsoleConfig.BOOTSTRAP_SERVERS, bootstrap);
        c.put(ConsoleConfig.TOPIC_ALERTS, topics.get("alerts"));
        c.put(ConsoleConfig.TOPIC_DECISIONS, topics.get("decisions"));
        c.put(ConsoleConfig.TOPIC_CLAIMS, prefix + ".console.claims");
        c.put(ConsoleConfig.TOPIC_AUDIT, prefix + ".console.audit");
        c.put(ConsoleConfig.TOPICS_CREATE, "true");
        c.put(ConsoleConfig.GROUP_ID, prefix + "-console");
        c.put(ConsoleConfig.USERS_FILE, users.toString());
        c.put(ConsoleConfig.HTTP_PORT, "0");
        c.put(ConsoleConfig.HTTP_BIND_ADDRESS, "127.0.0.1");
        c.put(ConsoleConfig.SESSION_SECRET, "it-secret-" + UUID.randomUUID());
        // the engine creates the alerts and decisions topics... they exist already here
        console = ConsoleServer.start(ConsoleConfig.load(null, Map.of(), c), System.err);
        awaitTrue(() -> console.ready(), "the console never rebuilt its queue");
    }

    @AfterAll
    void stopEverything() throws InterruptedException {
        drivers.forEach(d -> {
            try {
                d.quit();
            } catch (RuntimeException e) {
                System.err.println("quitting a browser: " + e);
            }
        });
        if (console != null) {
            console.close();
        }
        if (app != null) {
            app.stop();
            appThread.join(TimeUnit.SECONDS.toMillis(60));
        }
    }

    @Test
    @Order(1)
    void shouldTakeAHarmfulConversationFromAlertToBanInTheBrowser() throws Exception {
        // given a grooming conversation on the chat bus
        String conv = prefix + "-groom";
        String adult = prefix + "-adult";
        String teen = prefix + "-teen";
        produce(topics.get("profiles"), adult, profile(adult, 34));
        produce(topics.get("profiles"), teen, profile(teen, 18));
        String[][] script = {
            {"g1", adult, teen, "slt ca va ? tu as quel age ?"},
            {"g2", teen, adult, "j'ai 13 ans et toi"},
            {"g3", adult, teen, "t'es mature pour ton age, je suis le seul qui te comprend"},
            {"g4", adult, teen, "tes parents sont la ? dis rien a tes parents, c'est notre secret"},
            {"g5", adult, teen, "ajoute moi sur snap, ici c'est pas prive"},
            {"g6", adult, teen, "on se voit samedi ? je viens te chercher a la sortie du college"}};
        int second = 0;
        for (String[] m : script) {
            second += 45;
            produce(topics.get("messages"), conv, message(prefix + "-" + m[0], conv, m[1], m[2], m[3],
                    T0.plusSeconds(second)));
        }

        // when alice signs in, the alert shows up in her queue within seconds
        WebDriver alice = browser();
        signIn(alice, "alice", "alice-pw");
        WebElement row = waitFor(alice, By.cssSelector("tr.row[data-conversation-id='" + conv + "']"));
        String alertId = row.getAttribute("data-alert-id");
        screenshot(alice, "queue.png");

        // alice claims it
        alice.get(console.url() + "alerts/" + alertId);
        alice.findElement(By.id("claim-button")).click();
        waitText(alice, By.id("claim-state"), "You hold this alert");

        // a second reviewer sees the claim in the queue and on the page, and cannot claim over it
        WebDriver bob = browser();
        signIn(bob, "bob", "bob-pw");
        WebElement bobRow = waitFor(bob, By.cssSelector("tr.row[data-alert-id='" + alertId + "']"));
        assertTrue(bobRow.findElement(By.cssSelector("td.claim")).getText().startsWith("alice until"),
                bobRow.getText());
        bob.get(console.url() + "alerts/" + alertId);
        assertEquals("alice", bob.findElement(By.id("claim-holder")).getText());
        assertFalse(bob.findElement(By.id("claim-button")).isEnabled(), "bob cannot claim over alice");

        // alice reveals the text (blurred until then) and sees the evidence on it
        alice.get(console.url() + "alerts/" + alertId);
        WebElement article = alice.findElement(By.id("alert"));
        assertTrue(article.getAttribute("class").contains("blurred"), "text blurred until revealed");
        alice.findElement(By.id("reveal")).click();
        new WebDriverWait(alice, WAIT).until(d -> !d.findElement(By.id("alert")).getAttribute("class")
                .contains("blurred"));
        List<WebElement> marks = alice.findElements(By.cssSelector("#message-text mark.evidence"));
        assertFalse(marks.isEmpty(), "evidence highlighted on the message");
        assertTrue(alice.findElement(By.id("people")).getText().contains("likely minor"), "the teen is flagged");
        assertTrue(alice.findElement(By.id("evidence")).findElements(By.cssSelector("td.description")).stream()
                .anyMatch(td -> !td.getText().isBlank()), "rules come with their description");
        screenshot(alice, "alert.png");

        // a decision without the page's CSRF token, with alice's own session cookie, is refused
        String cookie = alice.manage().getCookieNamed(Sessions.COOKIE).getValue();
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(console.url() + "alerts/" + alertId + "/decide"))
                .header("Cookie", Sessions.COOKIE + "=" + cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("verdict=DISMISSED")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forged.statusCode());
        assertTrue(records("decisions").isEmpty(), "the forged request wrote no decision");

        // alice confirms with a ban
        alice.findElement(By.id("verdict-confirmed")).click();
        new Select(alice.findElement(By.id("action"))).selectByValue("BAN_USER");
        alice.findElement(By.id("note")).sendKeys("age asked, secrecy, move to snap, meeting at school");
        alice.findElement(By.id("decide-button")).click();
        waitText(alice, By.id("flash"), "Decision recorded");

        // then the Decision is on the decisions topic with alice's id
        List<ConsumerRecord<String, byte[]>> decisions = records("decisions");
        assertEquals(1, decisions.size());
        JsonNode d = Json.MAPPER.readTree(decisions.get(0).value());
        assertEquals(alertId, decisions.get(0).key());
        assertEquals(alertId, d.path("alertId").asText());
        assertEquals("alice", d.path("reviewer").asText());
        assertEquals("CONFIRMED", d.path("verdict").asText());
        assertTrue(d.path("ban").asBoolean());
        assertEquals("BAN_USER", d.path("action").asText());
        assertFalse(d.path("decidedAt").asText().isEmpty());

        // and the audit topic says who viewed, revealed, claimed and decided it
        List<String> audit = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records("audit")) {
            JsonNode e = Json.MAPPER.readTree(r.value());
            if (alertId.equals(e.path("alertId").asText())) {
                audit.add(e.path("actor").asText() + ":" + e.path("event").asText());
            }
        }
        for (String expected : List.of("alice:VIEW", "alice:CLAIM", "bob:VIEW", "alice:REVEAL", "alice:REFUSED",
                "alice:DECIDE")) {
            assertTrue(audit.contains(expected), expected + " in " + audit);
        }

        // and the banned user's next message is BLOCKed by the engine because of the ban (at least BLOCK: ESCALATE is
        // BLOCK and a report, which the message may also earn in this conversation), and the statement says so
        ItKafka.awaitCaughtUp(bootstrap, Map.of(), prefix + "-app", topics.get("decisions"), WAIT);
        Thread.sleep(1000); // the ban travels through the user-facts topic into every instance's global store
        String next = prefix + "-g7";
        produce(topics.get("messages"), conv, message(next, conv, adult, teen, "tu es la ?",
                T0.plusSeconds(second + 600)));
        awaitTrue(() -> records("actions").stream().map(r -> tree(r.value())).anyMatch(a ->
                adult.equals(a.path("userId").asText()) && next.equals(a.path("messageId").asText())
                        && Action.valueOf(a.path("action").asText()).compareTo(Action.BLOCK) >= 0
                        && a.path("statement").path("facts").toString().contains("banned")),
                "no BLOCK on the banned user's next message: " + records("actions").size() + " actions");

        // the lead sees alice's decision in the throughput table
        WebDriver lea = browser();
        signIn(lea, "lea", "lea-pw");
        lea.get(console.url() + "lead");
        assertTrue(lea.findElement(By.id("throughput")).getText().contains("alice"));
    }

    @Test
    @Order(2)
    void shouldRenderTheLeadUpWithItsEvidenceAndFilterRoomsLanguagesAndMinors() throws Exception {
        // given an alert whose conversation lead-up the engine attached (room, English), and a private French one
        String roomAlert = prefix + "-a-room";
        String privateAlert = prefix + "-a-private";
        produce(topics.get("alerts"), prefix + "-room-conv", Json.MAPPER.writeValueAsBytes(roomAlertWithContext(
                roomAlert, prefix + "-room-conv")));
        produce(topics.get("alerts"), prefix + "-dm-conv", Json.MAPPER.writeValueAsBytes(Alerts.grooming(
                privateAlert, prefix + "-dm-conv", Severity.HIGH, Instant.now())));
        WebDriver alice = browser();
        signIn(alice, "alice", "alice-pw");
        waitFor(alice, By.cssSelector("tr.row[data-alert-id='" + roomAlert + "']"));
        waitFor(alice, By.cssSelector("tr.row[data-alert-id='" + privateAlert + "']"));

        // when she filters the queue
        assertEquals(List.of(roomAlert), filtered(alice, "scope=room"));
        assertFalse(filtered(alice, "scope=private").contains(roomAlert));
        assertTrue(filtered(alice, "scope=private").contains(privateAlert));
        assertEquals(List.of(roomAlert), filtered(alice, "language=en"));
        assertTrue(filtered(alice, "minor=1").contains(privateAlert));
        assertFalse(filtered(alice, "minor=1").contains(roomAlert));
        // and through the form, as a reviewer does
        alice.get(console.url());
        new Select(alice.findElement(By.id("f-scope"))).selectByValue("room");
        alice.findElement(By.id("f-apply")).click();
        waitFor(alice, By.cssSelector("tr.row[data-alert-id='" + roomAlert + "']"));
        assertTrue(alice.getCurrentUrl().contains("scope=room"), alice.getCurrentUrl());

        // then the room alert's page shows its lead-up oldest first, each message with its own evidence
        alice.get(console.url() + "alerts/" + roomAlert);
        assertTrue(alice.findElements(By.id("no-context")).isEmpty());
        List<WebElement> lead = alice.findElements(By.cssSelector("#context li.context-message"));
        assertEquals(List.of(roomAlert + "-m1", roomAlert + "-m2", roomAlert + "-m3"), lead.stream()
                .map(e -> e.getAttribute("data-message-id")).toList());
        assertTrue(lead.get(0).findElements(By.cssSelector("mark.evidence")).isEmpty(), "nothing found in m1");
        assertEquals("viens seul", lead.get(1).findElement(By.cssSelector("mark.evidence"))
                .getAttribute("textContent"));
        assertEquals("ambush.come_alone", lead.get(1).findElement(By.cssSelector("mark.evidence")).getAttribute("title"));
        assertEquals("parking derriere la gare", lead.get(2).findElement(By.cssSelector("mark.evidence"))
                .getAttribute("textContent"));
        assertEquals("room " + prefix + "-lobby", alice.findElement(By.id("alert-scope")).getText());
        assertEquals("en", alice.findElement(By.id("alert-language")).getText());
        alice.findElement(By.id("reveal")).click();
        new WebDriverWait(alice, WAIT).until(d -> !d.findElement(By.id("alert")).getAttribute("class")
                .contains("blurred"));
        screenshot(alice, "alert-context.png");
    }

    // ---------------------------------------------------------------- browser

    private WebDriver browser() throws IOException {
        Path chromium = Path.of(System.getProperty("vigie.chromium", "/usr/bin/chromium"));
        Path driver = Path.of(System.getProperty("vigie.chromedriver", "/usr/bin/chromedriver"));
        assertTrue(Files.isExecutable(chromium) && Files.isExecutable(driver), "the browser test needs Chromium ("
                + chromium + ") and its driver (" + driver + "): apt-get install -y chromium chromium-driver "
                + "(.ci/run installs them), or point -Dvigie.chromium and -Dvigie.chromedriver at them");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1100",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile-"));
        // the driver's path is given: Selenium Manager is never asked to download one
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .withLogFile(dir.resolve("chromedriver-" + drivers.size() + ".log").toFile()).build();
        WebDriver d = new ChromeDriver(service, options);
        d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        drivers.add(d);
        return d;
    }

    private void signIn(WebDriver d, String name, String password) {
        d.get(console.url() + "login");
        d.findElement(By.id("username")).sendKeys(name);
        d.findElement(By.id("password")).sendKeys(password);
        d.findElement(By.id("sign-in")).click();
        waitText(d, By.id("viewer"), name);
    }

    private List<String> filtered(WebDriver d, String query) {
        d.get(console.url() + "?" + query);
        return d.findElements(By.cssSelector("tr.row")).stream().map(e -> e.getAttribute("data-alert-id"))
                .filter(id -> id.startsWith(prefix)).toList();
    }

    private static WebElement waitFor(WebDriver d, By by) {
        return new WebDriverWait(d, WAIT).until(x -> {
            List<WebElement> found = x.findElements(by);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private static void waitText(WebDriver d, By by, String text) {
        // the page re-renders the element when the claim lands: a reference found just before is stale, look again
        new WebDriverWait(d, WAIT).ignoring(StaleElementReferenceException.class).until(x -> {
            List<WebElement> found = x.findElements(by);
            return !found.isEmpty() && found.get(0).getText().contains(text);
        });
    }

    private static void screenshot(WebDriver d, String name) throws IOException {
        File shot = ((ChromeDriver) d).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SHOTS);
        Files.copy(shot.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        if (Boolean.getBoolean("console.screenshots.update")) {
            Files.createDirectories(DOCS_SHOTS);
            Files.copy(shot.toPath(), DOCS_SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    // ---------------------------------------------------------------- Kafka

    private void produce(String topic, String key, byte[] value) {
        Map<String, Object> config = ItKafka.ackedProducerConfig(bootstrap, Map.of());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("a test record was not acknowledged", e);
        }
    }

    private List<ConsumerRecord<String, byte[]>> records(String role) {
        String topic = switch (role) {
            case "audit" -> prefix + ".console.audit";
            default -> topics.get(role);
        };
        return ItKafka.readAll(bootstrap, Map.of(), topic);
    }

    private static JsonNode tree(byte[] json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String why) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(why);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    // ---------------------------------------------------------------- synthetic data

    private static byte[] profile(String user, int declaredAge) throws IOException {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("type", "profile");
        v.put("userId", user);
        v.put("declaredAge", declaredAge);
        v.put("accountCreatedAt", T0.minusSeconds(86_400L * 30).toString());
        v.put("deviceId", user + "-device");
        v.put("updatedAt", T0.toString());
        return Json.MAPPER.writeValueAsBytes(v);
    }

    private static byte[] message(String id, String conv, String sender, String recipient, String text, Instant at)
            throws IOException {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("type", "message");
        v.put("messageId", id);
        v.put("conversationId", conv);
        v.put("senderId", sender);
        v.put("recipientIds", List.of(recipient));
        v.put("sentAt", at.toString());
        v.put("text", text);
        return Json.MAPPER.writeValueAsBytes(v);
    }

    /** An ambush lure in a public room, with the two earlier messages that led to it and their evidence. */
    private Alert roomAlertWithContext(String id, String conv) {
        Instant at = Instant.now();
        String text = "on sera plusieurs, viens a 23h";
        List<Alert.ContextMessage> context = List.of(
                new Alert.ContextMessage(id + "-m1", prefix + "-lure", at.minusSeconds(180), "salut, t'es dispo ce soir ?",
                        List.of()),
                new Alert.ContextMessage(id + "-m2", prefix + "-lure", at.minusSeconds(120), "viens seul, personne doit savoir",
                        List.of(new Alert.Signal("ambush.come_alone", Category.AMBUSH, 20, "viens seul", 0, 10, id + "-m2"))),
                new Alert.ContextMessage(id + "-m3", prefix + "-lure", at.minusSeconds(60),
                        "rdv au parking derriere la gare",
                        List.of(new Alert.Signal("ambush.alone_place", Category.AMBUSH, 20,
                                "parking derriere la gare", 7, 31, id + "-m3"))));
        return new Alert(id, id + "-m4", conv, prefix + "-lure", List.of(), at.minusSeconds(1), at, Severity.HIGH,
                Action.REVIEW, 65, List.of(Category.AMBUSH),
                List.of(new Alert.Signal("ambush.group", Category.AMBUSH, 25, "on sera plusieurs", 0, 17),
                        new Alert.Signal("ambush.come_alone", Category.AMBUSH, 20, "viens seul", 0, 10, id + "-m2")),
                new Alert.AgeInfo(new Alert.PersonAge(null, 22, null, false), List.of()),
                new Alert.ConversationInfo(4, 65, List.of(Stage.MEETING)), "default@it", text, Alert.Kind.MESSAGE,
                List.of(), context, prefix + "-lobby", "en", prefix + "-lure-device", null, null);
    }
}
