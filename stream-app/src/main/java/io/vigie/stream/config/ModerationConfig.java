package io.vigie.stream.config;

import io.vigie.core.assess.Policy;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every setting of the stream app, declared once in a {@link ConfigDef}: constant, doc, type, default,
 * validator, importance. Keys of the app start with {@code moderation.}; any other key is handed to the
 * Kafka clients (Streams, consumer, producer, admin), with the few that matter most declared here too so that
 * they have our defaults ({@code processing.guarantee=exactly_once_v2}) and appear in the generated docs.
 *
 * <p>Build one with {@link ConfigLoader}, which merges defaults &lt; file &lt; environment &lt; flags and
 * reports every problem at once. Immutable and thread-safe.
 */
public final class ModerationConfig extends AbstractConfig {

    private static final String DAY_MS = " 86400000 ms is one day.";

    // ---- policy: what the engine alerts on and how (the rule pack says what a message means)
    private static final Policy DEFAULT_POLICY = Policy.defaults();
    public static final String POLICY_MEDIUM_AT = "moderation.policy.medium.at";
    public static final String POLICY_HIGH_AT = "moderation.policy.high.at";
    public static final String POLICY_CRITICAL_AT = "moderation.policy.critical.at";
    public static final String POLICY_ALONE_AT = "moderation.policy.alone.at";
    private static final String POLICY_ALONE_AT_DOC = "Message score from which a conversation's first alert is"
            + " raised at once when it is MEDIUM and enforces nothing; below it the alert is held until a second"
            + " message of the conversation deserves one, which then carries the held categories and evidence"
            + " (one weak finding alone is what most look-alike conversations raise). 0 holds nothing back.";
    private static final String POLICY_THRESHOLD_DOC = "Effective risk score (0..100) from which an alert is %s; "
            + "needs medium.at <= high.at <= critical.at.";
    public static final String POLICY_RISK_HALF_LIFE_MINUTES = "moderation.policy.risk.half.life.minutes";
    private static final String POLICY_RISK_HALF_LIFE_MINUTES_DOC = "Event-time half-life of a conversation's "
            + "accumulated risk, in minutes.";
    public static final String POLICY_FANOUT_MINORS = "moderation.policy.fanout.minors";
    private static final String POLICY_FANOUT_MINORS_DOC = "Fan-out: a sender who is not a likely minor and "
            + "contacts this many distinct likely minors within the window gets a FAN_OUT alert (HIGH, REVIEW; "
            + "CRITICAL, HOLD from twice as many).";
    public static final String POLICY_FANOUT_WINDOW_MS = "moderation.policy.fanout.window.ms";
    private static final String POLICY_FANOUT_WINDOW_MS_DOC = "Fan-out window, event time." + DAY_MS;
    public static final String POLICY_BURST_CONTACTS = "moderation.policy.burst.contacts";
    private static final String POLICY_BURST_CONTACTS_DOC = "New-account burst: this many first contacts within "
            + "the burst window from an account younger than new.account.ms raise a NEW_ACCOUNT_BURST alert "
            + "(MEDIUM, REVIEW). Needs the account's creation time (accountCreatedAt).";
    public static final String POLICY_BURST_WINDOW_MS = "moderation.policy.burst.window.ms";
    private static final String POLICY_BURST_WINDOW_MS_DOC = "New-account burst window, event time.";
    public static final String POLICY_NEW_ACCOUNT_MS = "moderation.policy.new.account.ms";
    private static final String POLICY_NEW_ACCOUNT_MS_DOC = "An account younger than this (from accountCreatedAt "
            + "to the message's sentAt) is new." + DAY_MS;
    public static final String POLICY_GRACE_MS = "moderation.policy.grace.ms";
    private static final String POLICY_GRACE_MS_DOC = "A message older than its conversation's latest sentAt "
            + "minus this is late: counted in moderation.messages.late, and still scored.";
    public static final String POLICY_MAX_TRACKED = "moderation.policy.max.tracked";
    private static final String POLICY_MAX_TRACKED_DOC = "Contacts kept per sender and accounts kept per device "
            + "(most recent first); bounds the sender and device state.";
    public static final String POLICY_REDRESS = "moderation.policy.redress";
    private static final String POLICY_REDRESS_DOC = "How a user contests a measure: written into the statement "
            + "of reasons of every action (EU DSA art. 17). Put your appeal page here.";

    // ---- Kafka client settings with our defaults
    public static final String BOOTSTRAP_SERVERS = StreamsConfig.BOOTSTRAP_SERVERS_CONFIG;
    private static final String BOOTSTRAP_SERVERS_DOC = "Kafka brokers, host:port[,host:port...]. Also from "
            + "KAFKA_BOOTSTRAP_SERVERS or --bootstrap.";
    public static final String APPLICATION_ID = StreamsConfig.APPLICATION_ID_CONFIG;
    private static final String APPLICATION_ID_DOC = "Kafka Streams application id: consumer group, prefix of "
            + "internal topics and state directories. Every instance of one deployment uses the same id.";
    public static final String PROCESSING_GUARANTEE = StreamsConfig.PROCESSING_GUARANTEE_CONFIG;
    private static final String PROCESSING_GUARANTEE_DOC = "exactly_once_v2 (default): one input record gives "
            + "its alerts, actions and state changes once, across crashes and rebalances. at_least_once is faster "
            + "but may repeat an alert after a crash.";
    public static final String APPLICATION_SERVER = StreamsConfig.APPLICATION_SERVER_CONFIG;
    private static final String APPLICATION_SERVER_DOC = "host:port where other instances reach this instance's "
            + "HTTP API, for interactive queries of keys held elsewhere. Empty: single instance, no forwarding.";
    public static final String STATE_DIR = StreamsConfig.STATE_DIR_CONFIG;
    private static final String STATE_DIR_DOC = "Directory of the local state stores (RocksDB). Empty: Kafka "
            + "Streams' default under the system temp directory.";
    public static final String NUM_STREAM_THREADS = StreamsConfig.NUM_STREAM_THREADS_CONFIG;
    private static final String NUM_STREAM_THREADS_DOC = "Stream threads of this instance.";
    public static final String MAX_TASK_IDLE_MS = StreamsConfig.MAX_TASK_IDLE_MS_CONFIG;
    private static final String MAX_TASK_IDLE_MS_DOC = "How long a task waits for data on its empty input partitions "
            + "before processing the others. Every task of this topology reads a single topic partition, so there "
            + "is nothing to align by time and -1 (never wait; our default) behaves as Kafka's 0, without the log "
            + "line Kafka Streams 4.4 formats for every record with 0 (3-4 % of the pipeline's CPU on a backlog).";

    // ---- topics
    public static final String TOPIC_MESSAGES = "moderation.topics.messages";
    public static final String TOPIC_PROFILES = "moderation.topics.profiles";
    public static final String TOPIC_DECISIONS = "moderation.topics.decisions";
    public static final String TOPIC_ALERTS = "moderation.topics.alerts";
    public static final String TOPIC_ACTIONS = "moderation.topics.actions";
    public static final String TOPIC_DLQ = "moderation.topics.dlq";
    public static final String TOPIC_ERASURE = "moderation.topics.erasure";
    public static final String TOPIC_FACTS = "moderation.topics.facts";
    public static final String TOPIC_DISMISSALS = "moderation.topics.dismissals";
    public static final String TOPIC_BANNED_DEVICES = "moderation.topics.banned.devices";
    public static final String TOPIC_USER_EVENTS = "moderation.topics.user.events";
    public static final String TOPIC_SENDER_EVENTS = "moderation.topics.sender.events";
    public static final String TOPIC_DEVICE_EVENTS = "moderation.topics.device.events";
    public static final String TOPIC_INDEX_EVENTS = "moderation.topics.index.events";
    private static final String OWN_TOPIC_DOC = "The application's own topic of %s. Empty: "
            + "<application.id>.%s. Created at startup when missing%s.";
    public static final String TOPICS_CREATE = "moderation.topics.create";
    private static final String TOPICS_CREATE_DOC = "Create missing topics at startup (and wait until their "
            + "partitions are online). Off by default: in production topics are provisioned by the operator.";
    public static final String TOPICS_PARTITIONS = "moderation.topics.partitions";
    private static final String TOPICS_PARTITIONS_DOC = "Partitions of topics created by "
            + "moderation.topics.create.";
    public static final String TOPICS_REPLICATION_FACTOR = "moderation.topics.replication.factor";
    private static final String TOPICS_REPLICATION_FACTOR_DOC = "Replication factor of topics created by "
            + "moderation.topics.create; -1 for the broker default.";
    public static final String REPARTITION_PARTITIONS = "moderation.repartition.partitions";
    private static final String REPARTITION_PARTITIONS_DOC = "Partitions of the application's event topics "
            + "(user, sender, device and alert-index events) when it creates them. 0: as many as the messages "
            + "topic, read at startup.";

    // ---- engine and rules
    public static final String RULES_DIR = "moderation.rules.dir";
    private static final String RULES_DIR_DOC = "Rule pack directory. Empty: the embedded default pack.";
    public static final String LEXICON_DIR = "moderation.lexicon.dir";
    private static final String LEXICON_DIR_DOC = "Extra lexicon directory. Empty: embedded lexicons only.";
    public static final String HASHLIST_DIR = "moderation.hashlist.dir";
    private static final String HASHLIST_DIR_DOC = "Known-media hash list directory. Empty: no hash lists.";
    public static final String MODEL = "moderation.model";
    private static final String MODEL_DOC = "The statistical risk model behind the model.* cues: 'default' (the "
            + "embedded one), 'none' (those cues never fire), or a file written by 'moderation model train'. Read "
            + "once at startup.";
    public static final String MODEL_CONTEXT_GATE = "moderation.model.context.gate";
    private static final String MODEL_CONTEXT_GATE_DOC = "The conversation-context score from which the cue "
            + "model.context fires; most rules require it, so the conversation so far can hold their alerts "
            + "(docs/concepts.md, 'The risk model'). Empty: the gate calibrated with the model. Lower finds more and "
            + "alerts more often on benign conversations that use harm's words; higher the reverse. Ignored without a "
            + "model or with a model that has no context output.";
    public static final String RULES_RELOAD_INTERVAL_MS = "moderation.rules.reload.interval.ms";
    private static final String RULES_RELOAD_INTERVAL_MS_DOC = "How often the rule, lexicon and hash list "
            + "directories are checked for changes; a changed pack is compiled and swapped in without restart, a "
            + "bad one is refused and the running pack kept. 0 disables reloading.";

    // ---- input limits
    public static final String MESSAGE_MAX_BYTES = "moderation.message.max.bytes";
    private static final String MESSAGE_MAX_BYTES_DOC = "Largest input record read, in bytes; larger ones go to "
            + "the DLQ with reason too_large.";
    public static final String MESSAGE_TEXT_MAX_CHARS = "moderation.message.text.max.chars";
    private static final String MESSAGE_TEXT_MAX_CHARS_DOC = "Longest message text scored, in UTF-16 chars; "
            + "longer ones go to the DLQ with reason too_large (never truncated: evidence offsets must hold).";
    public static final String MESSAGE_RECIPIENTS_MAX = "moderation.message.recipients.max";
    private static final String MESSAGE_RECIPIENTS_MAX_DOC = "Most recipients of one message; more go to the "
            + "DLQ with reason too_large (a public room has none, a broadcast is not a chat message).";

    // ---- state
    public static final String STATE_RETENTION_MS = "moderation.state.retention.ms";
    private static final String STATE_RETENTION_MS_DOC = "Idle conversations, users, senders and devices are "
            + "deleted after this much event time without activity." + DAY_MS;
    public static final String STATE_REVIEW_RETENTION_MS = "moderation.state.review.retention.ms";
    private static final String STATE_REVIEW_RETENTION_MS_DOC = "How long after an alert was detected a "
            + "reviewer's decision on it still counts (the alert index keeps it that long); a decision on an older "
            + "alert is ignored and logged. Counted from the alert's detectedAt: the wall clock in live runs, so a "
            + "review of an alert about an old or late message is not lost; event time in replay." + DAY_MS;
    public static final String STATE_BAN_RETENTION_MS = "moderation.state.ban.retention.ms";
    private static final String STATE_BAN_RETENTION_MS_DOC = "Banned users are kept this long after their last "
            + "activity, so that a ban outlives ordinary retention." + DAY_MS;
    public static final String STATE_SWEEP_INTERVAL_MS = "moderation.state.sweep.interval.ms";
    private static final String STATE_SWEEP_INTERVAL_MS_DOC = "Wall-clock interval of the sweep that deletes "
            + "expired state to free space. Expiry itself is checked when an entry is read, against the event "
            + "time of the record reading it, so the sweep changes no result: it deletes entries older than the "
            + "retention (plus the grace) before the newest event time its task has processed, however much "
            + "event time a backlog spans between two sweeps.";
    public static final String FACTS_SCOPE = "moderation.facts.learned.scope";
    public static final String SCOPE_ALL = "all-conversations";
    public static final String SCOPE_OWN = "own-conversation";
    private static final String FACTS_SCOPE_DOC = "Where what is learned of a user in chat (a stated age, school "
            + "hints, the profile snapshot attached to their messages) counts besides the conversation it was said "
            + "in. all-conversations: in every conversation of the user, through the facts topic; live sees it "
            + "after the transaction that wrote it commits and every instance reads it back (about a second), "
            + "replay at once, so when replies race that round trip (a backlog drained in seconds) live and replay "
            + "can differ. own-conversation: only in that conversation (kept in its state), so live and replay "
            + "give the same alerts on any input; profiles and reviewers' confirmations and bans count everywhere "
            + "in both.";
    public static final String CLOCK_SKEW_MAX_MS = "moderation.clock.skew.max.ms";
    private static final String CLOCK_SKEW_MAX_MS_DOC = "How far ahead of this instance's clock a record's event "
            + "time (sentAt, updatedAt, decidedAt) may be. A message dated further ahead is counted in "
            + "moderation.messages.clock_skew and still scored with its own sentAt, but the Kafka timestamp it "
            + "gets inside the application (the stream time, and its changelog records) is capped at now plus "
            + "this: since Kafka 4.0 a broker refuses timestamps more than log.message.timestamp.after.max.ms "
            + "(1 hour by default) ahead of its clock. Keep it well below that broker setting. Every record the "
            + "application writes to a topic carries the processing time, so a topic's time-based retention "
            + "never deletes it early.";
    public static final String STATE_OBJECT_CACHE = "moderation.state.object.cache.entries";
    private static final String STATE_OBJECT_CACHE_DOC = "Conversation states each stream task keeps as objects "
            + "after reading or writing them, so that the next message of an active conversation skips "
            + "deserializing its state (writes always reach the store and its changelog). Heap: about 0.5 KB "
            + "per entry and per task. 0 turns it off.";
    public static final String STATE_STORE = "moderation.state.store";
    private static final String STATE_STORE_DOC = "rocksdb (persistent, default) or memory (replay and tests; "
            + "still changelogged when live).";
    public static final String STATE_CHANGELOG = "moderation.state.changelog";
    private static final String STATE_CHANGELOG_DOC = "Back local stores with changelog topics (required live, for "
            + "fail-over and exactly-once). replay turns it off: its state lives for one run only.";
    public static final String DETECTED_AT_CLOCK = "moderation.alerts.detected.at.clock";
    private static final String DETECTED_AT_CLOCK_DOC = "wall: detectedAt is the wall clock when the alert is "
            + "emitted (run). event: detectedAt stays the event time, so output is deterministic (replay).";

    // ---- HTTP
    public static final String HTTP_PORT = "moderation.http.port";
    private static final String HTTP_PORT_DOC = "Port of /health, /ready, /metrics and the state queries; 0 "
            + "picks a free port, -1 disables the HTTP server.";
    public static final String HTTP_BIND_ADDRESS = "moderation.http.bind.address";
    private static final String HTTP_BIND_ADDRESS_DOC = "Address the HTTP server binds to.";
    public static final String HTTP_TOKEN = "moderation.http.token";
    private static final String HTTP_TOKEN_DOC = "When set, /conversations and /users require "
            + "'Authorization: Bearer <token>' (they expose risk and evidence); /health, /ready and /metrics stay "
            + "open.";

    // ---- lifecycle
    public static final String SHUTDOWN_TIMEOUT_MS = "moderation.shutdown.timeout.ms";
    private static final String SHUTDOWN_TIMEOUT_MS_DOC = "How long a graceful shutdown may take.";
    public static final String STARTUP_RETRY_BACKOFF_MS = "moderation.startup.retry.backoff.ms";
    private static final String STARTUP_RETRY_BACKOFF_MS_DOC = "Wait between attempts to reach the brokers at "
            + "startup.";
    public static final String STARTUP_RETRIES = "moderation.startup.retries";
    private static final String STARTUP_RETRIES_DOC = "Attempts to reach the brokers at startup before giving "
            + "up; -1 retries forever.";

    /** Values of {@link #STATE_STORE}. */
    public static final String STORE_ROCKSDB = "rocksdb";
    public static final String STORE_MEMORY = "memory";
    /** Values of {@link #DETECTED_AT_CLOCK}. */
    public static final String CLOCK_WALL = "wall";
    public static final String CLOCK_EVENT = "event";

    /** Validates a Kafka topic name (also used by the review console's settings). */
    public static final ConfigDef.Validator TOPIC_NAME = new TopicName();
    private static final ConfigDef.Validator OWN_TOPIC_NAME = new ConfigDef.Validator() {
        @Override
        public void ensureValid(String name, Object value) {
            if (value != null && !((String) value).isEmpty()) {
                TOPIC_NAME.ensureValid(name, value);
            }
        }

        @Override
        public String toString() {
            return "empty, or a topic name";
        }
    };

    private static final class TopicName implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String s = (String) value;
            if (s == null || !s.matches("[a-zA-Z0-9._-]{1,249}")) {
                throw new ConfigException(name, value, "a topic name is 1 to 249 of [a-zA-Z0-9._-]");
            }
        }

        @Override
        public String toString() {
            return "topic name";
        }
    }

    private static final class NonEmptyList implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || ((List<?>) value).isEmpty()) {
                throw new ConfigException(name, value, "at least one host:port is needed");
            }
        }

        @Override
        public String toString() {
            return "non-empty list";
        }
    }

    /** The definition: the single source of the generated docs/configuration.md. */
    public static final ConfigDef CONFIG = new ConfigDef()
            .define(BOOTSTRAP_SERVERS, Type.LIST, "localhost:9092", new NonEmptyList(), Importance.HIGH, BOOTSTRAP_SERVERS_DOC)
            .define(APPLICATION_ID, Type.STRING, "vigie-moderation", new ConfigDef.NonEmptyString(),
                    Importance.HIGH, APPLICATION_ID_DOC)
            .define(PROCESSING_GUARANTEE, Type.STRING, StreamsConfig.EXACTLY_ONCE_V2,
                    ValidString.in(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE), Importance.HIGH,
                    PROCESSING_GUARANTEE_DOC)
            .define(TOPIC_MESSAGES, Type.STRING, "chat.messages", TOPIC_NAME, Importance.HIGH,
                    "Input: chat messages, key conversationId, any partition count.")
            .define(TOPIC_PROFILES, Type.STRING, "chat.profiles", TOPIC_NAME, Importance.HIGH,
                    "Input: user profiles, key userId, compacted.")
            .define(TOPIC_DECISIONS, Type.STRING, "moderation.decisions", TOPIC_NAME, Importance.HIGH,
                    "Input: reviewers' decisions, key alertId.")
            .define(TOPIC_ALERTS, Type.STRING, "moderation.alerts", TOPIC_NAME, Importance.HIGH,
                    "Output: alerts for review, key conversationId.")
            .define(TOPIC_ACTIONS, Type.STRING, "moderation.actions", TOPIC_NAME, Importance.HIGH,
                    "Output: enforcement commands, key userId.")
            .define(TOPIC_DLQ, Type.STRING, "chat.messages.dlq", TOPIC_NAME, Importance.HIGH,
                    "Output: input records that could not be read (any input topic), original key and bytes, "
                            + "reason and source coordinates in headers.")
            .define(TOPIC_ERASURE, Type.STRING, "moderation.erasure", TOPIC_NAME, Importance.MEDIUM,
                    "Input: erasure requests, key userId (value ignored): deletes that user's profile, facts, "
                            + "sender and device state.")
            .define(TOPIC_FACTS, Type.STRING, "moderation.user-facts", TOPIC_NAME, Importance.MEDIUM,
                    "Compacted topic of what was learned of each user from chat and reviewers (sender snapshots, "
                            + "stated ages, minor hints, confirmations, bans), written by this app and read back as "
                            + "a global store by every instance. Profiles are read directly from the profiles "
                            + "topic.")
            .define(TOPIC_DISMISSALS, Type.STRING, "moderation.dismissals", TOPIC_NAME, Importance.MEDIUM,
                    "Compacted topic of rules dismissed by reviewers per conversation, written by this app and "
                            + "read back as a global store.")
            .define(TOPIC_BANNED_DEVICES, Type.STRING, "", OWN_TOPIC_NAME, Importance.LOW,
                    String.format(Locale.ROOT, OWN_TOPIC_DOC, "devices carrying a reviewer's ban (compacted, read "
                            + "back as a global store)", "banned-devices", ""))
            .define(TOPIC_USER_EVENTS, Type.STRING, "", OWN_TOPIC_NAME, Importance.LOW,
                    String.format(Locale.ROOT, OWN_TOPIC_DOC, "facts learned about users, for the facts keeper",
                            "user-events", ", with as many partitions as the messages topic"))
            .define(TOPIC_SENDER_EVENTS, Type.STRING, "", OWN_TOPIC_NAME, Importance.LOW,
                    String.format(Locale.ROOT, OWN_TOPIC_DOC, "messages that matter for fan-out or bursts, by "
                            + "sender", "sender-events", ", with as many partitions as the messages topic"))
            .define(TOPIC_DEVICE_EVENTS, Type.STRING, "", OWN_TOPIC_NAME, Importance.LOW,
                    String.format(Locale.ROOT, OWN_TOPIC_DOC, "messages on banned devices and bans, by device",
                            "device-events", ", with as many partitions as the messages topic"))
            .define(TOPIC_INDEX_EVENTS, Type.STRING, "", OWN_TOPIC_NAME, Importance.LOW,
                    String.format(Locale.ROOT, OWN_TOPIC_DOC, "emitted alerts and reviewers' decisions, by alert",
                            "alert-index-events", ", with as many partitions as the messages topic"))
            .define(TOPICS_CREATE, Type.BOOLEAN, false, Importance.MEDIUM, TOPICS_CREATE_DOC)
            .define(TOPICS_PARTITIONS, Type.INT, 6, Range.between(1, 10_000), Importance.LOW,
                    TOPICS_PARTITIONS_DOC)
            .define(TOPICS_REPLICATION_FACTOR, Type.SHORT, (short) -1, Range.between(-1, 32), Importance.LOW,
                    TOPICS_REPLICATION_FACTOR_DOC)
            .define(REPARTITION_PARTITIONS, Type.INT, 0, Range.between(0, 10_000), Importance.MEDIUM,
                    REPARTITION_PARTITIONS_DOC)
            .define(RULES_DIR, Type.STRING, "", Importance.HIGH, RULES_DIR_DOC)
            .define(LEXICON_DIR, Type.STRING, "", Importance.MEDIUM, LEXICON_DIR_DOC)
            .define(HASHLIST_DIR, Type.STRING, "", Importance.MEDIUM, HASHLIST_DIR_DOC)
            .define(MODEL, Type.STRING, "default", Importance.MEDIUM, MODEL_DOC)
            .define(MODEL_CONTEXT_GATE, Type.STRING, "", new NumberOrEmpty(), Importance.LOW, MODEL_CONTEXT_GATE_DOC)
            .define(RULES_RELOAD_INTERVAL_MS, Type.LONG, 10_000L, Range.atLeast(0), Importance.MEDIUM,
                    RULES_RELOAD_INTERVAL_MS_DOC)
            .define(MESSAGE_MAX_BYTES, Type.INT, 65_536, Range.between(1024, 16 * 1024 * 1024),
                    Importance.MEDIUM, MESSAGE_MAX_BYTES_DOC)
            .define(MESSAGE_TEXT_MAX_CHARS, Type.INT, 16_384, Range.between(1, 16 * 1024 * 1024),
                    Importance.MEDIUM, MESSAGE_TEXT_MAX_CHARS_DOC)
            .define(MESSAGE_RECIPIENTS_MAX, Type.INT, 1_000, Range.between(1, 1_000_000), Importance.MEDIUM,
                    MESSAGE_RECIPIENTS_MAX_DOC)
            .define(STATE_RETENTION_MS, Type.LONG, 7L * 86_400_000, Range.atLeast(60_000), Importance.HIGH,
                    STATE_RETENTION_MS_DOC)
            .define(STATE_BAN_RETENTION_MS, Type.LONG, 365L * 86_400_000, Range.atLeast(60_000),
                    Importance.MEDIUM, STATE_BAN_RETENTION_MS_DOC)
            .define(STATE_REVIEW_RETENTION_MS, Type.LONG, 90L * 86_400_000, Range.atLeast(60_000),
                    Importance.MEDIUM, STATE_REVIEW_RETENTION_MS_DOC)
            .define(STATE_SWEEP_INTERVAL_MS, Type.LONG, 60_000L, Range.atLeast(1_000), Importance.LOW,
                    STATE_SWEEP_INTERVAL_MS_DOC)
            .define(STATE_OBJECT_CACHE, Type.INT, 4096, Range.between(0, 10_000_000), Importance.LOW,
                    STATE_OBJECT_CACHE_DOC)
            .define(STATE_STORE, Type.STRING, STORE_ROCKSDB, ValidString.in(STORE_ROCKSDB, STORE_MEMORY),
                    Importance.LOW, STATE_STORE_DOC)
            .define(STATE_CHANGELOG, Type.BOOLEAN, true, Importance.LOW, STATE_CHANGELOG_DOC)
            .define(DETECTED_AT_CLOCK, Type.STRING, CLOCK_WALL, ValidString.in(CLOCK_WALL, CLOCK_EVENT),
                    Importance.LOW, DETECTED_AT_CLOCK_DOC)
            .define(HTTP_PORT, Type.INT, 8080, Range.between(-1, 65_535), Importance.MEDIUM, HTTP_PORT_DOC)
            .define(HTTP_BIND_ADDRESS, Type.STRING, "0.0.0.0", new ConfigDef.NonEmptyString(), Importance.LOW,
                    HTTP_BIND_ADDRESS_DOC)
            .define(HTTP_TOKEN, Type.PASSWORD, null, Importance.MEDIUM, HTTP_TOKEN_DOC)
            .define(APPLICATION_SERVER, Type.STRING, "", Importance.MEDIUM, APPLICATION_SERVER_DOC)
            .define(STATE_DIR, Type.STRING, "",
                    Importance.MEDIUM, STATE_DIR_DOC)
            .define(NUM_STREAM_THREADS, Type.INT, 1, Range.between(1, 64), Importance.MEDIUM,
                    NUM_STREAM_THREADS_DOC)
            .define(FACTS_SCOPE, Type.STRING, SCOPE_ALL, ValidString.in(SCOPE_ALL, SCOPE_OWN), Importance.MEDIUM,
                    FACTS_SCOPE_DOC)
            .define(CLOCK_SKEW_MAX_MS, Type.LONG, 300_000L, Range.between(0, Long.MAX_VALUE / 2), Importance.LOW,
                    CLOCK_SKEW_MAX_MS_DOC)
            .define(MAX_TASK_IDLE_MS, Type.LONG, -1L, Range.atLeast(-1), Importance.LOW, MAX_TASK_IDLE_MS_DOC)
            .define(POLICY_MEDIUM_AT, Type.INT, DEFAULT_POLICY.thresholds().mediumAt(), Range.between(1, 100), Importance.MEDIUM,
                    String.format(Locale.ROOT, POLICY_THRESHOLD_DOC, "MEDIUM"))
            .define(POLICY_HIGH_AT, Type.INT, DEFAULT_POLICY.thresholds().highAt(), Range.between(1, 100), Importance.MEDIUM,
                    String.format(Locale.ROOT, POLICY_THRESHOLD_DOC, "HIGH"))
            .define(POLICY_CRITICAL_AT, Type.INT, DEFAULT_POLICY.thresholds().criticalAt(), Range.between(1, 100),
                    Importance.MEDIUM, String.format(Locale.ROOT, POLICY_THRESHOLD_DOC, "CRITICAL"))
            .define(POLICY_ALONE_AT, Type.INT, DEFAULT_POLICY.thresholds().aloneAt(), Range.between(0, 100),
                    Importance.MEDIUM, POLICY_ALONE_AT_DOC)
            .define(POLICY_RISK_HALF_LIFE_MINUTES, Type.DOUBLE, DEFAULT_POLICY.risk().halfLifeMinutes(),
                    Range.atLeast(0.001), Importance.LOW, POLICY_RISK_HALF_LIFE_MINUTES_DOC)
            .define(POLICY_FANOUT_MINORS, Type.INT, DEFAULT_POLICY.behaviour().fanOutMinors(), Range.between(1, 10_000),
                    Importance.MEDIUM, POLICY_FANOUT_MINORS_DOC)
            .define(POLICY_FANOUT_WINDOW_MS, Type.LONG, DEFAULT_POLICY.behaviour().fanOutWindowMs(), Range.atLeast(60_000),
                    Importance.MEDIUM, POLICY_FANOUT_WINDOW_MS_DOC)
            .define(POLICY_BURST_CONTACTS, Type.INT, DEFAULT_POLICY.behaviour().burstContacts(), Range.between(1, 10_000),
                    Importance.LOW, POLICY_BURST_CONTACTS_DOC)
            .define(POLICY_BURST_WINDOW_MS, Type.LONG, DEFAULT_POLICY.behaviour().burstWindowMs(), Range.atLeast(60_000),
                    Importance.LOW, POLICY_BURST_WINDOW_MS_DOC)
            .define(POLICY_NEW_ACCOUNT_MS, Type.LONG, DEFAULT_POLICY.behaviour().newAccountMs(), Range.atLeast(0),
                    Importance.LOW, POLICY_NEW_ACCOUNT_MS_DOC)
            .define(POLICY_GRACE_MS, Type.LONG, DEFAULT_POLICY.behaviour().graceMs(), Range.atLeast(0), Importance.LOW,
                    POLICY_GRACE_MS_DOC)
            .define(POLICY_MAX_TRACKED, Type.INT, DEFAULT_POLICY.bounds().maxTracked(), Range.between(1, 100_000),
                    Importance.LOW, POLICY_MAX_TRACKED_DOC)
            .define(POLICY_REDRESS, Type.STRING, Policy.DEFAULT_REDRESS, new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, POLICY_REDRESS_DOC)
            .define(SHUTDOWN_TIMEOUT_MS, Type.LONG, 30_000L, Range.atLeast(0), Importance.LOW,
                    SHUTDOWN_TIMEOUT_MS_DOC)
            .define(STARTUP_RETRY_BACKOFF_MS, Type.LONG, 5_000L, Range.atLeast(100), Importance.LOW,
                    STARTUP_RETRY_BACKOFF_MS_DOC)
            .define(STARTUP_RETRIES, Type.INT, -1, Range.atLeast(-1), Importance.LOW, STARTUP_RETRIES_DOC);

    /** Prefixes under which Kafka Streams accepts client settings. */
    private static final List<String> CLIENT_PREFIXES = List.of(StreamsConfig.CONSUMER_PREFIX,
            StreamsConfig.PRODUCER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX, StreamsConfig.MAIN_CONSUMER_PREFIX,
            StreamsConfig.RESTORE_CONSUMER_PREFIX, StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.TOPIC_PREFIX);

    private final Map<String, String> originalStrings;

    /**
     * Parses already-merged settings. Prefer {@link ConfigLoader}, which reports every problem at once.
     *
     * @throws ConfigException on the first bad value
     */
    public ModerationConfig(Map<String, ?> props) {
        super(CONFIG, props, false);
        Map<String, String> s = new TreeMap<>();
        props.forEach((k, v) -> s.put(k, v == null ? null : String.valueOf(v)));
        this.originalStrings = s;
        List<String> problems = crossChecks(this);
        if (!problems.isEmpty()) {
            throw new ConfigException(String.join("; ", problems));
        }
    }

    /** Checks that involve several keys; each message names both keys. */
    static List<String> crossChecks(AbstractConfig c) {
        List<String> problems = new ArrayList<>();
        Map<String, String> topics = new LinkedHashMap<>();
        for (String key : List.of(TOPIC_MESSAGES, TOPIC_PROFILES, TOPIC_DECISIONS, TOPIC_ALERTS, TOPIC_ACTIONS,
                TOPIC_DLQ, TOPIC_ERASURE, TOPIC_FACTS, TOPIC_DISMISSALS, TOPIC_BANNED_DEVICES, TOPIC_USER_EVENTS,
                TOPIC_SENDER_EVENTS, TOPIC_DEVICE_EVENTS, TOPIC_INDEX_EVENTS)) {
            String topic = c.getString(key);
            if (topic.isEmpty()) {
                continue; // named after the application id
            }
            String other = topics.putIfAbsent(topic, key);
            if (other != null) {
                problems.add(key + " and " + other + " name the same topic '" + topic + "'");
            }
        }
        if (c.getLong(STATE_SWEEP_INTERVAL_MS) > c.getLong(STATE_RETENTION_MS)) {
            problems.add(STATE_SWEEP_INTERVAL_MS + " must not exceed " + STATE_RETENTION_MS);
        }
        if (c.getLong(STATE_BAN_RETENTION_MS) < c.getLong(STATE_RETENTION_MS)) {
            problems.add(STATE_BAN_RETENTION_MS + " must not be shorter than " + STATE_RETENTION_MS);
        }
        if (c.getInt(POLICY_MEDIUM_AT) > c.getInt(POLICY_HIGH_AT)
                || c.getInt(POLICY_HIGH_AT) > c.getInt(POLICY_CRITICAL_AT)) {
            problems.add(POLICY_MEDIUM_AT + " <= " + POLICY_HIGH_AT + " <= " + POLICY_CRITICAL_AT + " must hold, got "
                    + c.getInt(POLICY_MEDIUM_AT) + ", " + c.getInt(POLICY_HIGH_AT) + ", "
                    + c.getInt(POLICY_CRITICAL_AT));
        }
        return problems;
    }

    /** True for a key this app or a Kafka client understands. */
    public static boolean isKnownKey(String key) {
        if (CONFIG.names().contains(key)) {
            return true;
        }
        if (key.startsWith("moderation.")) {
            return false;
        }
        for (String prefix : CLIENT_PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return KafkaKeys.ALL.contains(key);
    }

    /** Keys given that nobody understands (typos); the caller warns about them. */
    public Set<String> unknownKeys() {
        Set<String> unknown = new java.util.TreeSet<>();
        for (String key : originalStrings.keySet()) {
            if (!isKnownKey(key)) {
                unknown.add(key);
            }
        }
        return unknown;
    }

    /** True for a key whose value must never be printed. */
    public static boolean isSecret(String key) {
        ConfigDef.ConfigKey def = CONFIG.configKeys().get(key);
        if (def != null) {
            return def.type == Type.PASSWORD;
        }
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("jaas") || k.contains("token")
                || k.contains("credential") || k.endsWith(".key") || k.contains("key.password");
    }

    /** Effective settings, one {@code key = value} per line, secrets as {@code [hidden]}, sorted. */
    public List<String> describe() {
        Map<String, String> all = new TreeMap<>();
        for (String key : CONFIG.names()) {
            Object v = values().get(key);
            all.put(key, v == null ? "" : String.valueOf(v instanceof List<?> l ? String.join(",",
                    l.stream().map(String::valueOf).toList()) : v));
        }
        originalStrings.forEach((k, v) -> all.putIfAbsent(k, v));
        List<String> lines = new ArrayList<>();
        all.forEach((k, v) -> lines.add(k + " = " + (isSecret(k) && v != null && !v.isEmpty() ? Password.HIDDEN
                : v)));
        return lines;
    }

    /**
     * Settings for {@code new KafkaStreams(...)}: our declared Kafka keys with their defaults, and every other
     * non-{@code moderation.} key as given.
     */
    public Map<String, Object> streamsProperties() {
        Map<String, Object> p = new HashMap<>();
        originalStrings.forEach((k, v) -> {
            if (!k.startsWith("moderation.") && v != null) {
                p.put(k, v);
            }
        });
        p.put(BOOTSTRAP_SERVERS, String.join(",", getList(BOOTSTRAP_SERVERS)));
        p.put(APPLICATION_ID, getString(APPLICATION_ID));
        p.put(PROCESSING_GUARANTEE, getString(PROCESSING_GUARANTEE));
        if (!getString(STATE_DIR).isBlank()) {
            p.put(STATE_DIR, getString(STATE_DIR));
        }
        p.put(NUM_STREAM_THREADS, getInt(NUM_STREAM_THREADS));
        p.put(MAX_TASK_IDLE_MS, getLong(MAX_TASK_IDLE_MS));
        PRODUCER_DEFAULTS.forEach((key, value) -> {
            if (!p.containsKey(key) && !p.containsKey(StreamsConfig.producerPrefix(key))) {
                p.put(StreamsConfig.producerPrefix(key), value);
            }
        });
        if (!getString(APPLICATION_SERVER).isBlank()) {
            p.put(APPLICATION_SERVER, getString(APPLICATION_SERVER));
        }
        return p;
    }

    /**
     * The producer's batch size unless the operator sets {@code batch.size} or {@code producer.batch.size}
     * ({@code KAFKA_PRODUCER_BATCH_SIZE}): 256 KiB instead of Kafka's 16 KiB. Every message writes its
     * conversation state (about 1.4 KB) to a changelog, so between two exactly-once commits a changelog partition
     * gets hundreds of KB, which 16 KiB batches cut into many produce requests; a backlog drain measured 30 % less
     * CPU per message in the pipeline JVM and 50 % more messages per second with 256 KiB (docs/performance.md).
     * It does not delay anything: a batch is sent when full or at {@code linger.ms} and every commit, as before.
     */
    static final int DEFAULT_PRODUCER_BATCH_SIZE = 256 * 1024;

    /**
     * The producer's compression unless the operator sets {@code compression.type} or {@code
     * producer.compression.type} ({@code KAFKA_PRODUCER_COMPRESSION_TYPE}): lz4 instead of none. The conversation
     * states written to the changelog are mostly text; a 200 k-message backlog drained 6-12 % faster with it, the
     * pipeline JVM spending no more CPU per message (docs/performance.md). Every Kafka client reads lz4.
     */
    static final String DEFAULT_PRODUCER_COMPRESSION = "lz4";

    /** The Kafka producer settings whose default is the app's own, by their plain names. */
    static final Map<String, Object> PRODUCER_DEFAULTS = Map.of(
            ProducerConfig.BATCH_SIZE_CONFIG, DEFAULT_PRODUCER_BATCH_SIZE,
            ProducerConfig.COMPRESSION_TYPE_CONFIG, DEFAULT_PRODUCER_COMPRESSION);

    /** Settings for an Admin client next to Streams (topic creation, startup checks). */
    public Map<String, Object> adminProperties() {
        Map<String, Object> p = new HashMap<>();
        Set<String> adminKeys = AdminClientConfig.configNames();
        originalStrings.forEach((k, v) -> {
            if (v == null) {
                return;
            }
            if (adminKeys.contains(k)) {
                p.put(k, v);
            } else if (k.startsWith(StreamsConfig.ADMIN_CLIENT_PREFIX)) {
                p.put(k.substring(StreamsConfig.ADMIN_CLIENT_PREFIX.length()), v);
            }
        });
        p.put(BOOTSTRAP_SERVERS, String.join(",", getList(BOOTSTRAP_SERVERS)));
        return p;
    }

    /**
     * The engine's policy: the {@code moderation.policy.*} settings, every other field at its default. Every
     * engine of this app (run, demo, replay, score, hot reloads) is built with it.
     */
    public Policy policy() {
        Policy d = DEFAULT_POLICY;
        return d.withThresholds(new Policy.Thresholds(getInt(POLICY_MEDIUM_AT), getInt(POLICY_HIGH_AT),
                        getInt(POLICY_CRITICAL_AT), d.thresholds().alertMin(), getInt(POLICY_ALONE_AT)))
                .withRisk(new Policy.Risk(getDouble(POLICY_RISK_HALF_LIFE_MINUTES), d.risk().dismissedWeight(),
                        d.risk().repeatWeight()))
                .withBehaviour(new Policy.Behaviour(getInt(POLICY_FANOUT_MINORS), getLong(POLICY_FANOUT_WINDOW_MS),
                        getInt(POLICY_BURST_CONTACTS), getLong(POLICY_BURST_WINDOW_MS), getLong(POLICY_NEW_ACCOUNT_MS),
                        getLong(POLICY_GRACE_MS)))
                .withBounds(new Policy.Bounds(d.bounds().maxParticipants(), d.bounds().maxEvidence(),
                        getInt(POLICY_MAX_TRACKED)))
                .withRedress(getString(POLICY_REDRESS));
    }

    /** A path setting, or null when empty. */
    public Path path(String key) {
        String s = getString(key);
        return s == null || s.isBlank() ? null : Path.of(s);
    }

    /**
     * The risk model {@link #MODEL} names: the embedded one, none (null), or a model file.
     *
     * @throws io.vigie.core.load.LoadException naming the file and what is wrong with it
     */
    public io.vigie.core.model.RiskModel riskModel() throws io.vigie.core.load.LoadException {
        String s = getString(MODEL);
        io.vigie.core.model.RiskModel m;
        if (s == null || s.isBlank() || s.strip().equals("default")) {
            m = io.vigie.core.model.RiskModelLoader.embedded();
        } else {
            m = s.strip().equals("none") ? null : io.vigie.core.model.RiskModelLoader.load(Path.of(s.strip()));
        }
        String gate = getString(MODEL_CONTEXT_GATE);
        return m == null || gate == null || gate.isBlank() ? m : m.withContextGate(Float.parseFloat(gate.strip()));
    }

    /** The HTTP token, or null when none is set. */
    public String httpToken() {
        Password p = getPassword(HTTP_TOKEN);
        return p == null || p.value().isEmpty() ? null : p.value();
    }

    /** True when stores are in memory (replay, tests). */
    public boolean inMemoryStores() {
        return STORE_MEMORY.equals(getString(STATE_STORE));
    }

    /** True when local stores are changelogged (always live; off in replay). */
    public boolean changelogged() {
        return getBoolean(STATE_CHANGELOG);
    }

    /** True when detectedAt is restamped with the wall clock. */
    public boolean wallClockDetectedAt() {
        return CLOCK_WALL.equals(getString(DETECTED_AT_CLOCK));
    }

    /** Every Kafka client setting name (Streams, consumer, producer, admin). */
    static final class KafkaKeys {
        static final Set<String> ALL;

        static {
            Set<String> s = new java.util.HashSet<>();
            s.addAll(StreamsConfig.configDef().names());
            s.addAll(ConsumerConfig.configNames());
            s.addAll(ProducerConfig.configNames());
            s.addAll(AdminClientConfig.configNames());
            ALL = Set.copyOf(s);
        }

        private KafkaKeys() {
        }
    }

    /** A setting that is empty or a finite number (its docs say so). */
    private static final class NumberOrEmpty implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String v = value == null ? "" : value.toString().strip();
            if (v.isEmpty()) {
                return;
            }
            try {
                if (Float.isFinite(Float.parseFloat(v))) {
                    return;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new ConfigException(name, value, "a number, or empty for the model's own gate");
        }

        @Override
        public String toString() {
            return "empty or a number";
        }
    }
}
