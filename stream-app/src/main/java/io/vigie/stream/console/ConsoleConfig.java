package io.vigie.stream.console;

import io.vigie.core.assess.Policy;
import io.vigie.stream.config.ConfigLoader;
import io.vigie.stream.config.ModerationConfig;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every setting of the review console ({@code bin/moderation console}), declared once in a {@link ConfigDef} of its
 * own. Its keys start with {@code moderation.console.}; it also reads the few engine keys it shares with
 * {@code run} under the same names (brokers, the alerts and decisions topics, the rule pack directory for rule
 * descriptions, the redress text, startup retries), so one properties file can serve both. Any other
 * non-{@code moderation.} key is handed to the console's Kafka clients (e.g. {@code security.protocol}).
 *
 * <p>Sources, each overriding the one before: defaults &lt; {@code --config FILE} &lt; environment
 * ({@code MODERATION_CONSOLE_HTTP_PORT}, {@code KAFKA_BOOTSTRAP_SERVERS}) &lt; flags. Immutable and thread-safe.
 */
public final class ConsoleConfig extends AbstractConfig {

    // ---- shared with the engine (same keys, same defaults)
    public static final String BOOTSTRAP_SERVERS = ModerationConfig.BOOTSTRAP_SERVERS;
    public static final String TOPIC_ALERTS = ModerationConfig.TOPIC_ALERTS;
    public static final String TOPIC_DECISIONS = ModerationConfig.TOPIC_DECISIONS;
    public static final String RULES_DIR = ModerationConfig.RULES_DIR;
    public static final String REDRESS = ModerationConfig.POLICY_REDRESS;
    public static final String STARTUP_RETRIES = ModerationConfig.STARTUP_RETRIES;
    public static final String STARTUP_RETRY_BACKOFF_MS = ModerationConfig.STARTUP_RETRY_BACKOFF_MS;

    // ---- the console's own
    public static final String TOPIC_CLAIMS = "moderation.console.topics.claims";
    private static final String TOPIC_CLAIMS_DOC = "Compacted topic of claims, key alertId: who holds an alert and "
            + "until when. Every console instance reads it, so a claim is seen by all and survives restarts.";
    public static final String TOPIC_AUDIT = "moderation.console.topics.audit";
    private static final String TOPIC_AUDIT_DOC = "Audit topic, key alertId (or the reviewer for sign-ins): who "
            + "viewed, revealed, claimed and decided which alert, when, and who signed in or was refused. Give it "
            + "the retention your audit policy requires.";
    public static final String TOPICS_CREATE = "moderation.console.topics.create";
    private static final String TOPICS_CREATE_DOC = "Create the claims and audit topics at startup when missing "
            + "(the alerts and decisions topics must exist). Off by default: in production the operator provisions "
            + "topics.";
    public static final String TOPICS_REPLICATION_FACTOR = "moderation.console.topics.replication.factor";
    private static final String TOPICS_REPLICATION_FACTOR_DOC = "Replication factor of the topics created by "
            + TOPICS_CREATE + "; -1 for the broker default.";
    public static final String GROUP_ID = "moderation.console.group.id";
    private static final String GROUP_ID_DOC = "The console's consumer group, apart from the engine's. Every "
            + "instance reads every partition of the alerts, decisions and claims topics from the beginning (they are "
            + "the changelog its queue is rebuilt from); the group only carries its committed positions, so the "
            + "usual tools show how far behind the console is.";
    public static final String INSTANCE_ID = "moderation.console.instance.id";
    private static final String INSTANCE_ID_DOC = "Stable name of this console instance, part of its transactional "
            + "id (a restarted instance aborts its own unfinished transaction at once). Empty: host name and HTTP "
            + "port.";
    public static final String HTTP_PORT = "moderation.console.http.port";
    private static final String HTTP_PORT_DOC = "Port of the web console, /health, /ready and /metrics; 0 picks a "
            + "free port.";
    public static final String HTTP_BIND_ADDRESS = "moderation.console.http.bind.address";
    private static final String HTTP_BIND_ADDRESS_DOC = "Address the web console binds to.";
    public static final String USERS_FILE = "moderation.console.users.file";
    private static final String USERS_FILE_DOC = "File of reviewers and leads, one per line: 'name role hash' with "
            + "role reviewer or lead and a hash from 'bin/moderation console hash-password' ('-' for a user who "
            + "only signs in through the proxy header). Re-read when it changes. Required.";
    public static final String SESSION_SECRET = "moderation.console.session.secret";
    private static final String SESSION_SECRET_DOC = "Key that signs session cookies and CSRF tokens (at least 32 "
            + "characters). Give every instance the same one so that a reviewer's session works on all of them and "
            + "survives restarts. Empty: a random key per process (one instance; everyone signs in again after a "
            + "restart).";
    public static final String SESSION_TTL_MS = "moderation.console.session.ttl.ms";
    private static final String SESSION_TTL_MS_DOC = "How long a session lasts after sign-in.";
    public static final String COOKIE_SECURE = "moderation.console.cookie.secure";
    private static final String COOKIE_SECURE_DOC = "Mark the session cookie Secure (sent over HTTPS only). Turn "
            + "it on whenever the console is served over HTTPS, e.g. behind a TLS-terminating proxy.";
    public static final String PROXY_HEADER = "moderation.console.auth.proxy.header";
    private static final String PROXY_HEADER_DOC = "Header in which a trusted reverse proxy names the authenticated "
            + "reviewer (e.g. X-Forwarded-User). The name must be in the users file, which gives the role. Empty: "
            + "sign-in with a password only.";
    public static final String PROXY_ADDRESSES = "moderation.console.auth.proxy.addresses";
    private static final String PROXY_ADDRESSES_DOC = "Remote addresses from which the proxy header is believed; "
            + "from any other address it is ignored.";
    public static final String CLAIM_TTL_MS = "moderation.console.claim.ttl.ms";
    private static final String CLAIM_TTL_MS_DOC = "How long a claim holds an alert for its reviewer before it "
            + "expires and anyone may take it.";
    public static final String MAX_ALERTS = "moderation.console.max.alerts";
    private static final String MAX_ALERTS_DOC = "Alerts kept in memory. Past it the oldest decided alerts are "
            + "forgotten (they stay on the topics); open alerts are never dropped.";
    public static final String LOGIN_MAX_FAILURES = "moderation.console.login.max.failures";
    private static final String LOGIN_MAX_FAILURES_DOC = "Failed sign-ins of one name within the lockout period "
            + "after which that name is locked out for the rest of the period (per instance).";
    public static final String LOGIN_LOCKOUT_MS = "moderation.console.login.lockout.ms";
    private static final String LOGIN_LOCKOUT_MS_DOC = "Lockout period of repeated failed sign-ins.";

    private static final ConfigDef.Validator TOPIC_NAME = ModerationConfig.TOPIC_NAME;

    /** The definition: the single source of the settings table in docs/console.md. */
    public static final ConfigDef CONFIG = new ConfigDef()
            .define(BOOTSTRAP_SERVERS, Type.LIST, "localhost:9092", Importance.HIGH,
                    "Kafka brokers, host:port[,host:port...]. Also from KAFKA_BOOTSTRAP_SERVERS or --bootstrap.")
            .define(TOPIC_ALERTS, Type.STRING, "moderation.alerts", TOPIC_NAME, Importance.HIGH,
                    "The engine's alerts, read read_committed into the queue.")
            .define(TOPIC_DECISIONS, Type.STRING, "moderation.decisions", TOPIC_NAME, Importance.HIGH,
                    "Reviewers' decisions: written by the console, and read back (with those of any other tool).")
            .define(TOPIC_CLAIMS, Type.STRING, "moderation.console.claims", TOPIC_NAME, Importance.HIGH,
                    TOPIC_CLAIMS_DOC)
            .define(TOPIC_AUDIT, Type.STRING, "moderation.console.audit", TOPIC_NAME, Importance.HIGH,
                    TOPIC_AUDIT_DOC)
            .define(USERS_FILE, Type.STRING, "", Importance.HIGH, USERS_FILE_DOC)
            .define(SESSION_SECRET, Type.PASSWORD, null, Importance.HIGH, SESSION_SECRET_DOC)
            .define(HTTP_PORT, Type.INT, 8090, Range.between(0, 65_535), Importance.HIGH, HTTP_PORT_DOC)
            .define(HTTP_BIND_ADDRESS, Type.STRING, "0.0.0.0", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    HTTP_BIND_ADDRESS_DOC)
            .define(COOKIE_SECURE, Type.BOOLEAN, false, Importance.MEDIUM, COOKIE_SECURE_DOC)
            .define(PROXY_HEADER, Type.STRING, "", Importance.MEDIUM, PROXY_HEADER_DOC)
            .define(PROXY_ADDRESSES, Type.LIST, "127.0.0.1,0:0:0:0:0:0:0:1", Importance.MEDIUM, PROXY_ADDRESSES_DOC)
            .define(GROUP_ID, Type.STRING, "vigie-console", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    GROUP_ID_DOC)
            .define(INSTANCE_ID, Type.STRING, "", Importance.LOW, INSTANCE_ID_DOC)
            .define(TOPICS_CREATE, Type.BOOLEAN, false, Importance.MEDIUM, TOPICS_CREATE_DOC)
            .define(TOPICS_REPLICATION_FACTOR, Type.SHORT, (short) -1, Range.between(-1, 32), Importance.LOW,
                    TOPICS_REPLICATION_FACTOR_DOC)
            .define(CLAIM_TTL_MS, Type.LONG, 15 * 60_000L, Range.atLeast(10_000), Importance.MEDIUM,
                    CLAIM_TTL_MS_DOC)
            .define(SESSION_TTL_MS, Type.LONG, 8 * 3_600_000L, Range.atLeast(60_000), Importance.MEDIUM,
                    SESSION_TTL_MS_DOC)
            .define(MAX_ALERTS, Type.INT, 100_000, Range.between(100, 10_000_000), Importance.LOW, MAX_ALERTS_DOC)
            .define(LOGIN_MAX_FAILURES, Type.INT, 5, Range.between(1, 1000), Importance.LOW, LOGIN_MAX_FAILURES_DOC)
            .define(LOGIN_LOCKOUT_MS, Type.LONG, 10 * 60_000L, Range.atLeast(0), Importance.LOW,
                    LOGIN_LOCKOUT_MS_DOC)
            .define(RULES_DIR, Type.STRING, "", Importance.MEDIUM, "The engine's rule pack directory, read for the "
                    + "rule descriptions shown to reviewers. Empty: the embedded default pack.")
            .define(REDRESS, Type.STRING, Policy.DEFAULT_REDRESS, new ConfigDef.NonEmptyString(), Importance.LOW,
                    "How a user contests a measure, shown in the statement of reasons on the alert page (the same "
                            + "setting as the engine's).")
            .define(STARTUP_RETRIES, Type.INT, -1, Range.atLeast(-1), Importance.LOW,
                    "Attempts to reach the brokers at startup before giving up; -1 retries forever.")
            .define(STARTUP_RETRY_BACKOFF_MS, Type.LONG, 5_000L, Range.atLeast(100), Importance.LOW,
                    "Wait between attempts to reach the brokers at startup.");

    private final Map<String, String> originals;

    /**
     * Parses already-merged settings; prefer {@link #load}, which reports every problem at once.
     *
     * @throws ConfigException on a bad value
     */
    public ConsoleConfig(Map<String, String> props) {
        super(CONFIG, props, false);
        this.originals = Map.copyOf(new TreeMap<>(props));
        Password secret = getPassword(SESSION_SECRET);
        if (secret != null && !secret.value().isEmpty() && secret.value().length() < 32) {
            throw new ConfigException(SESSION_SECRET + " must be at least 32 characters");
        }
        Set<String> topics = new TreeSet<>();
        for (String key : List.of(TOPIC_ALERTS, TOPIC_DECISIONS, TOPIC_CLAIMS, TOPIC_AUDIT)) {
            if (!topics.add(getString(key))) {
                throw new ConfigException(key + " names the same topic as another console topic: " + getString(key));
            }
        }
    }

    /**
     * Loads defaults &lt; file &lt; environment &lt; {@code flags}, checking every key and reporting all problems.
     *
     * @param file  properties file, null for none
     * @param env   environment variables
     * @param flags settings from the command line, highest precedence
     * @throws ConfigLoader.ConfigProblems with one line per problem
     */
    public static ConsoleConfig load(Path file, Map<String, String> env, Map<String, String> flags)
            throws ConfigLoader.ConfigProblems {
        List<String> problems = new ArrayList<>();
        Map<String, String> merged = ConfigLoader.merge(file, env, flags, problems);
        ConfigLoader.check(CONFIG, merged, problems);
        if (!problems.isEmpty()) {
            throw new ConfigLoader.ConfigProblems(problems);
        }
        try {
            return new ConsoleConfig(merged);
        } catch (ConfigException e) {
            throw new ConfigLoader.ConfigProblems(List.of(e.getMessage()));
        }
    }

    /** Keys given that neither the console, the engine nor a Kafka client understands (typos). */
    public Set<String> unknownKeys() {
        Set<String> unknown = new TreeSet<>();
        for (String key : originals.keySet()) {
            if (!CONFIG.names().contains(key) && !ModerationConfig.isKnownKey(key)) {
                unknown.add(key);
            }
        }
        return unknown;
    }

    /** Effective settings, one {@code key = value} per line, secrets as {@code [hidden]}, sorted. */
    public List<String> describe() {
        Map<String, String> all = new TreeMap<>();
        for (String key : CONFIG.names()) {
            Object v = values().get(key);
            all.put(key, v == null ? "" : v instanceof List<?> l
                    ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(v));
        }
        originals.forEach(all::putIfAbsent);
        List<String> lines = new ArrayList<>();
        all.forEach((k, v) -> lines.add(k + " = " + (ModerationConfig.isSecret(k) && v != null && !v.isEmpty()
                ? Password.HIDDEN : v)));
        return lines;
    }

    /** The brokers as one {@code bootstrap.servers} value. */
    public String bootstrap() {
        return String.join(",", getList(BOOTSTRAP_SERVERS));
    }

    /** Client settings given for Kafka (security, SASL...) that {@code names} accepts, plus the brokers. */
    private Map<String, Object> clientProperties(Set<String> names) {
        Map<String, Object> p = new HashMap<>();
        originals.forEach((k, v) -> {
            if (!k.startsWith("moderation.") && v != null && names.contains(k)) {
                p.put(k, v);
            }
        });
        p.put(BOOTSTRAP_SERVERS, bootstrap());
        return p;
    }

    /** Settings of the console's consumer (the caller adds its own fixed ones). */
    public Map<String, Object> consumerProperties() {
        return clientProperties(ConsumerConfig.configNames());
    }

    /** Settings of the console's producer (the caller adds its own fixed ones). */
    public Map<String, Object> producerProperties() {
        return clientProperties(ProducerConfig.configNames());
    }

    /** Settings of an Admin client. */
    public Map<String, Object> adminProperties() {
        return clientProperties(AdminClientConfig.configNames());
    }

    /** The users file; never null (the console does not start without one). */
    public Path usersFile() {
        return Path.of(getString(USERS_FILE));
    }

    /** The session secret, or null for a random per-process key. */
    public String sessionSecret() {
        Password p = getPassword(SESSION_SECRET);
        return p == null || p.value().isEmpty() ? null : p.value();
    }

    /** The rule pack directory for descriptions, or null for the embedded pack. */
    public Path rulesDir() {
        String s = getString(RULES_DIR);
        return s.isBlank() ? null : Path.of(s);
    }
}
