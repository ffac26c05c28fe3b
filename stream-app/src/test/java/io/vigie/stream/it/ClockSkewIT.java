package io.vigie.stream.it;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import io.vigie.stream.broker.EmbeddedKafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, part 1, on the real broker (which, since Kafka 4.0, refuses record timestamps more than
 * {@code log.message.timestamp.after.max.ms}, 1 h by default, ahead of its clock, and deletes segments whose
 * newest timestamp is older than the topic's retention, 7 days by default, at every retention check: 1 s in this
 * test broker). A client with a wrong or hostile clock must neither switch moderation off nor make its alerts
 * disappear.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ClockSkewIT {

    private static final int HARMFUL = 38;
    /** Sextortion: an alert with an enforcing action under the default pack. */
    private static final String THREAT = "envoie 100€ sinon j'envoie tes photos à tout le monde";

    @Test
    void shouldKeepModeratingAfterAMessageDatedTwoDaysAhead(KafkaBroker broker, @TempDir Path dir) {
        // given the app running, one message whose sentAt is two days ahead of every clock here
        ItFixture f = ItFixture.create(broker.bootstrapServers(), Map.of(), dir, "skew-future");
        AppProcess.Settings settings = f.settings(ItFixture.EOS, Map.of());
        try (AppProcess app = AppProcess.start(settings, dir, "app")) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Conversations c = new Conversations(f.prefix);
            List<Conversations.Line> lines = new ArrayList<>();
            lines.add(c.msgAt("future", "f-1", "early", "other", now.plus(Duration.ofDays(2)), "salut ca va"));
            // when 38 harmful messages follow in other conversations
            for (int i = 0; i < HARMFUL; i++) {
                lines.add(c.msgAt("threat-" + i, "t-" + i, "sender-" + i, "target-" + i, now, THREAT));
            }
            f.produceBatch(lines);
            long producedAt = System.nanoTime();
            // then every alert is written within seconds, and the app is still running
            @SuppressWarnings("unchecked")
            List<ItFixture.AlertView>[] alerts = new List[1];
            ItKafka.awaitTrue(Duration.ofSeconds(60), () -> {
                alerts[0] = f.alerts();
                return alerts[0].size() >= HARMFUL || !app.isAlive();
            }, () -> "alerts so far: " + (alerts[0] == null ? 0 : alerts[0].size()) + "\n" + app.logTail());
            double seconds = (System.nanoTime() - producedAt) / 1e9;
            assertTrue(app.isAlive(), "the app stopped:\n" + app.logTail());
            assertEquals(HARMFUL, alerts[0].size(), "alerts: " + alerts[0]);
            assertTrue(seconds < 30, "the alerts took " + seconds + " s");
            assertTrue(app.log().lines().noneMatch(l -> l.contains("InvalidTimestampException")),
                    "the broker refused a timestamp:\n" + app.logTail());
            // and the skewed message was counted
            assertEquals(1.0, metric(app, "moderation_messages_clock_skew_total"), app::logTail);
            assertEquals(HARMFUL + 1.0, metric(app, "moderation_messages_scored_total"), app::logTail);
        }
    }

    @Test
    void shouldKeepAlertsAndActionsAboutMonthOldMessagesPastTheRetentionCheck(KafkaBroker broker,
                                                                             @TempDir Path dir) {
        // given the app running
        ItFixture f = ItFixture.create(broker.bootstrapServers(), Map.of(), dir, "skew-old");
        AppProcess.Settings settings = f.settings(ItFixture.EOS, Map.of());
        try (AppProcess app = AppProcess.start(settings, dir, "app")) {
            // when 38 threats dated 30 days ago arrive in 38 new conversations (a late delivery, a backlog)
            Instant old = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
            Conversations c = new Conversations(f.prefix);
            List<Conversations.Line> lines = new ArrayList<>();
            for (int i = 0; i < HARMFUL; i++) {
                lines.add(c.msgAt("threat-" + i, "t-" + i, "sender-" + i, "target-" + i, old, THREAT));
            }
            f.produceBatch(lines);
            f.awaitCaughtUp(settings.applicationId(), Duration.ofSeconds(90), app);
            List<ItFixture.AlertView> before = f.alerts();
            List<ItFixture.ActionView> actionsBefore = f.actions();
            assertEquals(HARMFUL, before.size(), "alerts: " + before);
            long enforcing = before.stream().filter(a -> !a.action().equals("REVIEW")).count();
            assertTrue(enforcing > 0, "no alert with an action: the check on actions would be empty");
            assertEquals(enforcing, actionsBefore.size(), "actions: " + actionsBefore);

            // and the broker's retention check has run since: a record dated like them on a control topic is gone
            awaitRetentionCheck(f, old);

            // then every alert and action is still readable, and nothing was deleted from their topics
            assertEquals(before, f.alerts());
            assertEquals(actionsBefore, f.actions());
            assertEquals(0, logStart(f, f.topics.alerts()), "alerts were deleted by the broker");
            assertEquals(0, logStart(f, f.topics.actions()), "actions were deleted by the broker");
        }
    }

    /** Writes a record dated {@code at} to a fresh topic and waits until the broker's retention deletes it. */
    private static void awaitRetentionCheck(ItFixture f, Instant at) {
        String control = f.prefix + ".retention-control";
        EmbeddedKafkaBroker.createTopics(admin(f), List.of(new NewTopic(control, 1, (short) 1)));
        try (var producer = new KafkaProducer<>(ItKafka.ackedProducerConfig(f.bootstrap, f.security),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(control, null, at.toEpochMilli(), null,
                    "old".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot write the control record", e);
        }
        ItKafka.awaitTrue(Duration.ofSeconds(60), () -> logStart(f, control) > 0,
                () -> "the broker's retention never deleted the control record");
        // one more check interval: the output topics are checked in the same pass or the next one
        sleep(3 * KafkaBrokerExtension.RETENTION_CHECK_MS);
    }

    /** The smallest log-start offset of the topic's partitions. */
    private static long logStart(ItFixture f, String topic) {
        try (Admin admin = Admin.create(admin(f))) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest()));
            long max = 0;
            for (var info : admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).values()) {
                max = Math.max(max, info.offset());
            }
            return max;
        } catch (Exception e) {
            throw new AssertionError("cannot read the log start of " + topic, e);
        }
    }

    private static Map<String, Object> admin(ItFixture f) {
        Map<String, Object> config = new LinkedHashMap<>(f.security);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, f.bootstrap);
        return config;
    }

    private static final Pattern HTTP_PORT = Pattern.compile("HTTP API on [^:\\s]+:(\\d+)");

    /** A counter's value from the app's Prometheus endpoint (its port from the app's log). */
    private static double metric(AppProcess app, String name) {
        Matcher m = HTTP_PORT.matcher(app.log());
        if (!m.find()) {
            throw new AssertionError("the app did not log its HTTP port:\n" + app.logTail());
        }
        try {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + m.group(1) + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            double sum = 0;
            boolean found = false;
            for (String line : body.lines().toList()) {
                if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    found = true;
                }
            }
            if (!found) {
                throw new AssertionError(name + " is not served");
            }
            return sum;
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot scrape the app", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
