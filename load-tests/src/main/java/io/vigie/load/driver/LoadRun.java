package io.vigie.load.driver;

import io.vigie.stream.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One measured run: fresh topics and a fresh pipeline JVM, profiles first, then a readiness probe, a warm-up
 * and the measurement window at the target rate, then a drain. Open loop: message n is due at
 * {@code start + n / rate}; its latency counts from that due time, so when the producer or the pipeline falls
 * behind, the backlog shows up in the percentiles instead of silently lowering the send rate. Not reusable.
 */
final class LoadRun {

    private static final int MAX_RATE_CAPACITY_PER_SEC = 400_000;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final int MAX_DRAIN_SEC = 20;

    private final DriverOptions options;
    private final FeedPool pool;
    private final String bootstrap;
    private final Pipeline pipeline;
    private final String guarantee;
    private final int rate;
    private final String runId;
    private final Map<String, String> topics = new HashMap<>();
    private final List<String> notes = new ArrayList<>();

    private long[] intendedNanos;
    private volatile long measureFromSeq = Long.MAX_VALUE;
    private volatile long measureToSeq = Long.MAX_VALUE;
    private volatile boolean running = true;
    private volatile long sentCount;
    private final AtomicLong outputs = new AtomicLong();
    private final AtomicLong repeated = new AtomicLong();
    private final AtomicLong alertCount = new AtomicLong();
    private final Recorder latency = new Recorder(3_600_000_000L, 3);
    private final Recorder alertLatency = new Recorder(3_600_000_000L, 3);
    private final Map<String, LongAdder> alertsByCategory = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> alertsThisSecond = new ConcurrentHashMap<>();
    private final AtomicLong outputsThisSecond = new AtomicLong();

    LoadRun(DriverOptions options, FeedPool pool, String bootstrap, Pipeline pipeline, String guarantee, int rate,
            int index) {
        this.options = options;
        this.pool = pool;
        this.bootstrap = bootstrap;
        this.pipeline = pipeline;
        this.guarantee = pipeline == Pipeline.RAW ? "none" : guarantee;
        this.rate = rate;
        this.runId = "r" + index + "-" + pipeline.cliName() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        for (String t : List.of("messages", "profiles", "decisions", "alerts", "actions", "dlq", "erasure", "facts",
                "dismissals")) {
            topics.put(t, "bench." + runId + "." + t);
        }
    }

    private long commitIntervalMs() {
        if (pipeline == Pipeline.RAW) {
            return -1;
        }
        if (guarantee.equals("exactly_once_v2")) {
            return options.commitIntervalMs() == null ? 100 : options.commitIntervalMs();
        }
        // ALOS defaults to 30 s, far too coarse to read the committed position each second; commits are cheap
        return 1000;
    }

    RunResult execute() throws Exception {
        int warmup = options.warmupSec();
        int duration = options.durationSec();
        long capacity = (rate == 0 ? MAX_RATE_CAPACITY_PER_SEC : (long) (rate * 1.2) + 1_000)
                * (warmup + duration + 5L) + 200_000;
        intendedNanos = new long[(int) Math.min(Integer.MAX_VALUE - 8, capacity)];
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            createTopics(admin);
            PipelineProcess app = startPipeline();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig())) {
                sendProfiles(producer);
                Thread actionsReader = consumerThread(outputTopic(), options.actionsIsolation(), false);
                Thread alertsReader = pipeline == Pipeline.MODERATION
                        ? consumerThread(topics.get("alerts"), "read_committed", true) : null;
                String group = pipeline == Pipeline.RAW ? "bench-raw-" + runId : applicationId();
                try {
                    if (!awaitReady(producer, admin, group, app)) {
                        notes.add("the pipeline did not consume anything within " + READY_TIMEOUT.toSeconds()
                                + " s; see " + logFile());
                        return result(0, 0, 0, 0, 0, 0, new Histogram(3), new Histogram(3), List.of(), 0, 0, 0, 0);
                    }
                    return measure(producer, admin, group, app, warmup, duration);
                } finally {
                    running = false;
                    actionsReader.join(5_000);
                    if (alertsReader != null) {
                        alertsReader.join(5_000);
                    }
                }
            } finally {
                if (app != null) {
                    app.close();
                }
            }
        }
    }

    private String outputTopic() {
        return pipeline == Pipeline.RAW ? topics.get("messages") : topics.get("actions");
    }

    private String applicationId() {
        return "vigie-bench-" + runId;
    }

    private Path logFile() {
        return options.out().resolve(runId + ".log");
    }

    private void createTopics(Admin admin) {
        List<NewTopic> list = new ArrayList<>();
        for (String t : List.of("messages", "alerts", "actions")) {
            list.add(new NewTopic(topics.get(t), options.partitions(), (short) 1));
        }
        list.add(new NewTopic(topics.get("profiles"), options.partitions(), (short) 1)
                .configs(Map.of("cleanup.policy", "compact")));
        for (String t : List.of("decisions", "dlq", "erasure", "facts", "dismissals")) {
            list.add(new NewTopic(topics.get(t), 1, (short) 1));
        }
        // waits until every partition answers, so the first sends do not race leader election (KAFKA-15591)
        EmbeddedKafkaBroker.createTopics(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), list);
    }

    private PipelineProcess startPipeline() throws IOException {
        if (pipeline == Pipeline.RAW) {
            return null;
        }
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("KAFKA_APPLICATION_ID", applicationId());
        env.put("KAFKA_PROCESSING_GUARANTEE", guarantee);
        env.put("KAFKA_COMMIT_INTERVAL_MS", Long.toString(commitIntervalMs()));
        env.put("KAFKA_STATE_DIR", options.out().resolve("state").resolve(runId).toAbsolutePath().toString());
        topics.forEach((k, v) -> env.put("MODERATION_TOPICS_" + k.toUpperCase(java.util.Locale.ROOT), v));
        env.put("MODERATION_HTTP_PORT", "0");
        env.putAll(options.appEnv());
        Files.createDirectories(options.out());
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(List.of(options.appJavaOpts().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), pipeline == Pipeline.PASSTHROUGH
                ? PassthroughTopology.class.getName() : MODERATION_MAIN));
        if (pipeline == Pipeline.MODERATION) {
            command.add("run");
        }
        return PipelineProcess.start(command, env, logFile());
    }

    /** The contract's command-line entry point; {@code run} is the stream processor. */
    static final String MODERATION_MAIN = "io.vigie.stream.cli.ModerationCli";

    /** True when this build holds the moderation application. */
    static boolean moderationAppAvailable() {
        try {
            Class.forName(MODERATION_MAIN);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Map<String, Object> producerConfig() {
        return producerConfig(bootstrap, 2, 128 * 1024);
    }

    /** The driver's producer: acks=all, batches of {@code batchBytes} lingering {@code lingerMs}. */
    static Map<String, Object> producerConfig(String bootstrap, int lingerMs, int batchBytes) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, batchBytes);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024 * 1024);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    private void sendProfiles(KafkaProducer<byte[], byte[]> producer) {
        for (FeedPool.Keyed p : pool.profiles()) {
            producer.send(new ProducerRecord<>(topics.get("profiles"), p.key(), p.value()));
        }
        producer.flush();
    }

    private Thread consumerThread(String topic, String isolation, boolean alerts) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        boolean raw = pipeline == Pipeline.RAW && !alerts;
        config.put(ConsumerConfig.GROUP_ID_CONFIG, raw ? "bench-raw-" + runId : "bench-reader-" + runId
                + (alerts ? "-alerts" : "-actions"));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, raw);
        config.put(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, 200);
        Thread thread = new Thread(() -> {
            BitSet seen = new BitSet();
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
                consumer.subscribe(List.of(topic));
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                        long now = System.nanoTime();
                        long seq = FeedPool.sequenceOf(record.value());
                        if (seq < 0 || seq >= intendedNanos.length) {
                            continue;
                        }
                        long due = intendedNanos[(int) seq];
                        if (due == 0 || seq < measureFromSeq || seq >= measureToSeq) {
                            continue;
                        }
                        long micros = Math.max(0, (now - due) / 1_000);
                        if (alerts) {
                            alertLatency.recordValue(Math.min(micros, 3_600_000_000L));
                            alertCount.incrementAndGet();
                            for (String c : categories(record.value())) {
                                alertsByCategory.computeIfAbsent(c, k -> new LongAdder()).increment();
                                alertsThisSecond.computeIfAbsent(c, k -> new LongAdder()).increment();
                            }
                        } else {
                            latency.recordValue(Math.min(micros, 3_600_000_000L));
                            outputs.incrementAndGet();
                            outputsThisSecond.incrementAndGet();
                            if (seen.get((int) seq)) {
                                repeated.incrementAndGet();
                            } else {
                                seen.set((int) seq);
                            }
                        }
                    }
                }
            }
        }, alerts ? "bench-alerts-reader" : "bench-actions-reader");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The values of the {@code "categories":[...]} array of an alert, by byte scan. */
    static List<String> categories(byte[] json) {
        byte[] field = "\"categories\":[".getBytes(StandardCharsets.US_ASCII);
        int at = FeedPool.indexOf(json, field);
        if (at < 0) {
            return List.of();
        }
        int end = at + field.length;
        while (end < json.length && json[end] != ']') {
            end++;
        }
        String inner = new String(json, at + field.length, end - at - field.length, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (String part : inner.split(",")) {
            String c = part.strip().replace("\"", "");
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    private long seq;

    private void sendOne(KafkaProducer<byte[], byte[]> producer, long dueNanos, long dueWallMs) {
        int i = (int) (seq % pool.size());
        if (seq < intendedNanos.length) {
            intendedNanos[(int) seq] = dueNanos;
        }
        producer.send(new ProducerRecord<>(topics.get("messages"), pool.key(i), pool.value(i, seq, dueWallMs)));
        seq++;
        sentCount = seq;
    }

    /** Sends a trickle until the pipeline has committed something (its JVM and Streams are up). */
    private boolean awaitReady(KafkaProducer<byte[], byte[]> producer, Admin admin, String group,
                               PipelineProcess app) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        long lastProbe = 0;
        while (System.nanoTime() < deadline) {
            if (app != null && !app.alive()) {
                notes.add("the pipeline JVM exited with " + app.exitCode() + " before consuming; see " + logFile());
                return false;
            }
            for (int k = 0; k < 20; k++) {
                long now = System.nanoTime();
                sendOne(producer, now, System.currentTimeMillis());
            }
            producer.flush();
            Thread.sleep(100);
            if (System.nanoTime() - lastProbe > 500_000_000L) {
                lastProbe = System.nanoTime();
                if (committed(admin, group) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private long committed(Admin admin, String group) throws Exception {
        return committed(admin, group, topics.get("messages"));
    }

    /** Input records of {@code topic} that consumer group {@code group} has committed, over its partitions. */
    static long committed(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        long sum = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
            if (e.getKey().topic().equals(topic) && e.getValue() != null) {
                sum += e.getValue().offset();
            }
        }
        return sum;
    }

    private long endOffsets(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < options.partitions(); p++) {
            request.put(new TopicPartition(topics.get("messages"), p), OffsetSpec.latest());
        }
        long sum = 0;
        for (var info : admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).values()) {
            sum += info.offset();
        }
        return sum;
    }

    private RunResult measure(KafkaProducer<byte[], byte[]> producer, Admin admin, String group, PipelineProcess app,
                              int warmup, int duration) throws Exception {
        // let the readiness trickle drain before the schedule starts
        long settle = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < settle && endOffsets(admin) - committed(admin, group) > 0) {
            Thread.sleep(100);
        }
        latency.reset();
        alertLatency.reset();
        Histogram total = new Histogram(3_600_000_000L, 3);
        Histogram alertTotal = new Histogram(3_600_000_000L, 3);
        List<RunResult.Second> seconds = new ArrayList<>();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        long startNanos = System.nanoTime();
        long startWallMs = System.currentTimeMillis();
        long measureStartNanos = startNanos + warmup * 1_000_000_000L;
        long measureEndNanos = measureStartNanos + duration * 1_000_000_000L;
        long firstSeq = seq;
        long nextTick = startNanos + 1_000_000_000L;
        int t = 0;
        long lastSent = seq;
        long lastCommitted = committed(admin, group);
        long committedAtStart = -1;
        long committedAtEnd = -1;
        long endLag = 0;
        long sentInWindow = 0;
        long driverCpu0 = 0;
        long appCpu0 = 0;
        long appJit0 = 0;
        String label = "[" + pipeline.cliName() + " " + guarantee + " " + (rate == 0 ? "max" : rate + "/s") + "]";
        boolean measuring = false;
        boolean sending = true;
        long drainStart = 0;
        double caughtUpSec = -1;
        long caughtUpCommitted = 0;
        int quietSeconds = 0;
        while (true) {
            long now = System.nanoTime();
            if (sending) {
                if (!measuring && now >= measureStartNanos) {
                    measuring = true;
                    measureFromSeq = seq;
                    committedAtStart = committed(admin, group);
                    driverCpu0 = os.getProcessCpuTime();
                    appCpu0 = app == null ? 0 : app.cpuNanos();
                    appJit0 = app == null ? 0 : app.jitCpuNanos();
                }
                if (now >= measureEndNanos) {
                    sending = false;
                    measureToSeq = seq;
                    sentInWindow = seq - measureFromSeq;
                    producer.flush();
                    committedAtEnd = committed(admin, group);
                    endLag = endOffsets(admin) - committedAtEnd;
                    drainStart = System.nanoTime();
                } else if (rate == 0) {
                    sendOne(producer, now, startWallMs + (now - startNanos) / 1_000_000);
                } else {
                    long n = seq - firstSeq;
                    long due = startNanos + (long) (n * (1e9 / rate));
                    if (due > now) {
                        long wait = due - now;
                        if (wait > 200_000) {
                            LockSupport.parkNanos(wait - 100_000);
                        } else {
                            Thread.onSpinWait();
                        }
                    } else {
                        sendOne(producer, due, startWallMs + (due - startNanos) / 1_000_000);
                    }
                }
            }
            if (now >= nextTick || !sending) {
                if (!sending && now < nextTick) {
                    Thread.sleep(Math.max(1, (nextTick - now) / 1_000_000));
                    continue;
                }
                nextTick += 1_000_000_000L;
                t++;
                Histogram interval = latency.getIntervalHistogram();
                Histogram alertInterval = alertLatency.getIntervalHistogram();
                String phase = !sending ? "drain" : measuring ? "measure" : "warmup";
                if (measuring || !sending) {
                    total.add(interval);
                    alertTotal.add(alertInterval);
                }
                long committedNow = committed(admin, group);
                long lag = endOffsets(admin) - committedNow;
                Map<String, Long> alertsNow = new TreeMap<>();
                alertsThisSecond.forEach((k, v) -> alertsNow.put(k, v.sumThenReset()));
                long out = outputsThisSecond.getAndSet(0);
                seconds.add(new RunResult.Second(t, phase, seq - lastSent, committedNow - lastCommitted, lag, out,
                        ms(interval, 50), ms(interval, 99), interval.getTotalCount() == 0 ? -1
                        : interval.getMaxValue() / 1000.0, alertsNow));
                System.err.printf(java.util.Locale.ROOT,
                        "%s t=%ds %s sent/s=%d processed/s=%d lag=%d outputs/s=%d p99=%.1fms%n",
                        label, t, phase, seq - lastSent, committedNow - lastCommitted, lag, out, ms(interval, 99));
                lastSent = seq;
                lastCommitted = committedNow;
                if (!sending) {
                    quietSeconds = out == 0 && lag == 0 ? quietSeconds + 1 : 0;
                    double drained = (System.nanoTime() - drainStart) / 1e9;
                    if (lag == 0 && caughtUpSec < 0) {
                        caughtUpSec = drained;
                        caughtUpCommitted = committedNow;
                    }
                    if (quietSeconds >= 2 || drained > MAX_DRAIN_SEC) {
                        if (lag > 0) {
                            notes.add("still " + lag + " records behind after a " + MAX_DRAIN_SEC + " s drain");
                        }
                        break;
                    }
                }
                if (app != null && !app.alive()) {
                    notes.add("the pipeline JVM exited with " + app.exitCode() + " during the run; see " + logFile());
                    if (sending) {
                        measureToSeq = seq;
                        sentInWindow = seq - Math.min(seq, measureFromSeq);
                        committedAtEnd = committedNow;
                    }
                    break;
                }
            }
        }
        double drainSec = (System.nanoTime() - drainStart) / 1e9;
        double windowSec = duration;
        double driverCores = (os.getProcessCpuTime() - driverCpu0) / 1e9 / (windowSec + drainSec);
        double appCores = app == null ? 0 : (app.cpuNanos() - appCpu0) / 1e9 / (windowSec + drainSec);
        long consumed = committedAtStart < 0 ? 0 : lastCommitted - committedAtStart;
        double appCpuMicros = app == null || consumed <= 0 ? 0 : (app.cpuNanos() - appCpu0) / 1e3 / consumed;
        double appJitMicros = app == null || consumed <= 0 ? 0 : (app.jitCpuNanos() - appJit0) / 1e3 / consumed;
        double processed = committedAtStart < 0 ? 0 : (committedAtEnd - committedAtStart) / windowSec;
        double catchUp = caughtUpSec > 0 && endLag >= Math.max(1, processed)
                ? (caughtUpCommitted - committedAtEnd) / caughtUpSec : 0;
        return result(sentInWindow, sentInWindow / windowSec, processed, endLag, drainSec, catchUp, total,
                alertTotal, seconds, driverCores, appCores, appCpuMicros, appJitMicros);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? -1 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static RunResult.Percentiles percentiles(Histogram h) {
        return new RunResult.Percentiles(h.getTotalCount(), ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 99.9),
                h.getTotalCount() == 0 ? -1 : h.getMaxValue() / 1000.0);
    }

    private RunResult result(long sent, double sendRate, double processedRate, long endLag, double drainSec,
                             double catchUpRate, Histogram total, Histogram alertTotal, List<RunResult.Second> seconds,
                             double driverCores, double appCores, double appCpuMicros,
                             double appJitMicros) {
        Map<String, Long> byCategory = new TreeMap<>();
        alertsByCategory.forEach((k, v) -> byCategory.put(k, v.sum()));
        if (rate > 0 && sendRate < rate * 0.95) {
            notes.add(String.format(java.util.Locale.ROOT,
                    "the producer reached only %.0f of %d msgs/s: the machine (2 cores shared by broker, "
                            + "pipeline and driver) is saturated", sendRate, rate));
        }
        return new RunResult(pipeline.cliName(), guarantee, rate, options.durationSec(), commitIntervalMs(),
                options.actionsIsolation(), sent, sendRate, processedRate, endLag, drainSec, catchUpRate, outputs.get(),
                repeated.get(), percentiles(total), pipeline == Pipeline.MODERATION ? percentiles(alertTotal) : null,
                alertCount.get(), byCategory, driverCores, appCores, appCpuMicros, appJitMicros, seconds,
                List.copyOf(notes));
    }
}
