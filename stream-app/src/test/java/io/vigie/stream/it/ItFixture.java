package io.vigie.stream.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.stream.broker.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One integration test's world on a shared broker: a unique prefix for ids and topics, its topics created and
 * online, the settings of its app, and readers of what the app wrote.
 */
final class ItFixture {

    static final String EOS = "exactly_once_v2";
    /** How long the app's global-store thread gets to apply a committed facts record. */
    static final long GLOBAL_FACTS_SETTLE_MS = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    final String prefix;
    final String bootstrap;
    final Map<String, Object> security;
    final AppProcess.Topics topics;
    final Path dir;

    private ItFixture(String prefix, String bootstrap, Map<String, Object> security, Path dir) {
        this.prefix = prefix;
        this.bootstrap = bootstrap;
        this.security = Map.copyOf(security);
        this.topics = AppProcess.Topics.prefixed(prefix);
        this.dir = dir;
    }

    /** A fixture whose topics exist (3 partitions for messages and outputs) and are online. */
    static ItFixture create(String bootstrap, Map<String, Object> security, Path dir, String name) {
        String prefix = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        ItFixture f = new ItFixture(prefix, bootstrap, security, dir);
        Map<String, Object> admin = new HashMap<>(security);
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        AppProcess.Topics t = f.topics;
        EmbeddedKafkaBroker.createTopics(admin, List.of(
                new NewTopic(t.messages(), 3, (short) 1),
                new NewTopic(t.profiles(), 1, (short) 1).configs(Map.of("cleanup.policy", "compact")),
                new NewTopic(t.decisions(), 1, (short) 1),
                new NewTopic(t.alerts(), 3, (short) 1),
                new NewTopic(t.actions(), 3, (short) 1),
                new NewTopic(t.dlq(), 1, (short) 1)));
        return f;
    }

    AppProcess.Settings settings(String guarantee, Map<String, String> extra) {
        return new AppProcess.Settings(bootstrap, prefix + "-app", dir.resolve("state"), topics, guarantee, extra);
    }

    /** Produces every line in order (profiles to the profiles topic, messages to the messages topic). */
    void produce(List<Conversations.Line> lines) {
        for (Conversations.Line line : lines) {
            String topic = line.topic().equals("profiles") ? topics.profiles() : topics.messages();
            ItKafka.produce(bootstrap, security, topic, List.of(line));
        }
    }

    /** Produces many lines quickly: profiles first, then every message in one batch. */
    void produceBatch(List<Conversations.Line> lines) {
        List<Conversations.Line> profiles = lines.stream().filter(l -> l.topic().equals("profiles")).toList();
        List<Conversations.Line> messages = lines.stream().filter(l -> l.topic().equals("messages")).toList();
        ItKafka.produce(bootstrap, security, topics.profiles(), profiles);
        ItKafka.produce(bootstrap, security, topics.messages(), messages);
    }

    /**
     * Produces the profiles, then each round, waiting after each until the app has committed it and its global
     * user facts have had time to follow; the way a real chat paces replies.
     */
    void producePaced(Workload w, List<List<Conversations.Line>> rounds, boolean withProfiles,
                      String applicationId, AppProcess... apps) {
        if (withProfiles) {
            produceBatch(w.profiles());
            settle(applicationId, apps);
        }
        for (List<Conversations.Line> round : rounds) {
            produceBatch(round);
            settle(applicationId, apps);
        }
    }

    private void settle(String applicationId, AppProcess... apps) {
        awaitCaughtUp(applicationId, Duration.ofSeconds(90), apps);
        try {
            // the global facts store follows a committed facts topic; nothing outside the app can observe it
            Thread.sleep(GLOBAL_FACTS_SETTLE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    void awaitCaughtUp(String applicationId, Duration timeout, AppProcess... apps) {
        try {
            ItKafka.awaitCaughtUp(bootstrap, security, applicationId, topics.messages(), timeout,
                    () -> apps.length > 0 && java.util.Arrays.stream(apps).noneMatch(AppProcess::isAlive));
        } catch (AssertionError e) {
            StringBuilder sb = new StringBuilder(e.getMessage());
            for (AppProcess app : apps) {
                sb.append("\n--- app log (alive=").append(app.isAlive()).append(") ---\n").append(app.logTail());
            }
            throw new AssertionError(sb.toString(), e);
        }
    }

    List<AlertView> alerts() {
        List<AlertView> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : ItKafka.readAll(bootstrap, security, topics.alerts())) {
            out.add(AlertView.of(tree(r.value())));
        }
        return out;
    }

    List<ActionView> actions() {
        List<ActionView> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : ItKafka.readAll(bootstrap, security, topics.actions())) {
            JsonNode a = tree(r.value());
            out.add(new ActionView(a.path("userId").asText(), a.path("action").asText(),
                    a.path("messageId").asText(null), a.path("alertId").asText(null)));
        }
        return out;
    }

    List<ConsumerRecord<String, byte[]>> dlq() {
        return ItKafka.readAll(bootstrap, security, topics.dlq());
    }

    /** Alerts keyed by messageId, each with its sorted categories (kinds other than MESSAGE included). */
    static Map<String, TreeSet<String>> categoriesByMessage(List<AlertView> alerts) {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        for (AlertView a : alerts) {
            out.computeIfAbsent(a.messageId() + "/" + a.kind(), k -> new TreeSet<>()).addAll(a.categories());
        }
        return out;
    }

    /**
     * Runs {@code ModerationCli replay} in a child JVM on the same profiles and well-formed messages, in file order:
     * the contract's offline oracle for what the live topology must emit.
     */
    List<AlertView> replay(List<Conversations.Line> lines) {
        return replay(lines, List.of());
    }

    /** As {@link #replay(List)}, with more command-line arguments (e.g. {@code --set key=value}). */
    List<AlertView> replay(List<Conversations.Line> lines, List<String> args) {
        try {
            Path in = dir.resolve("replay-in.jsonl");
            Path out = dir.resolve("replay-out.jsonl");
            StringBuilder sb = new StringBuilder();
            for (Conversations.Line l : lines) {
                sb.append(l.text()).append('\n');
            }
            Files.writeString(in, sb.toString(), StandardCharsets.UTF_8);
            Path log = dir.resolve("replay.log");
            List<String> command = new ArrayList<>(List.of(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                    System.getProperty("java.class.path"), AppProcess.CLI, "replay", "--input", in.toString(),
                    "--output", out.toString()));
            command.addAll(args);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("replay did not finish in 120 s");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("replay exited " + p.exitValue() + ": " + Files.readString(log));
            }
            List<AlertView> alerts = new ArrayList<>();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    alerts.add(AlertView.of(tree(line.getBytes(StandardCharsets.UTF_8))));
                }
            }
            return alerts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Deletes a file or a directory tree. */
    static void deleteTree(Path path) {
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("the app wrote a record that is not JSON: "
                    + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    /** What the tests check of an alert. */
    record AlertView(String alertId, String messageId, String conversationId, String senderId,
                     List<String> categories, String kind, String action, String severity) {
        static AlertView of(JsonNode a) {
            List<String> categories = new ArrayList<>();
            a.path("categories").forEach(c -> categories.add(c.asText()));
            return new AlertView(a.path("alertId").asText(), a.path("messageId").asText(),
                    a.path("conversationId").asText(), a.path("senderId").asText(), categories,
                    a.path("kind").asText("MESSAGE"), a.path("action").asText(), a.path("severity").asText());
        }
    }

    /** What the tests check of an action. */
    record ActionView(String userId, String action, String messageId, String alertId) {
    }
}
