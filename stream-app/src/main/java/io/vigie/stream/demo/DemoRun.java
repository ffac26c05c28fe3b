package io.vigie.stream.demo;

import io.vigie.stream.broker.EmbeddedKafkaBroker;
import io.vigie.stream.config.ModerationConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One run of the demo: broker, topics, the moderation app, the simulated feed and the alert printer, started in
 * that order and closed in the reverse order (feed, app, printer, broker, temporary directories). {@link #close()}
 * is idempotent and safe from a shutdown hook while {@link #awaitEnd()} waits in another thread.
 */
final class DemoRun implements AutoCloseable {

    /** Options of one run. {@code durationSeconds} 0 means until closed. */
    record Options(double rate, long seed, long durationSeconds) {
    }

    /** A failure to start, with a reason for the user. */
    static final class DemoException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DemoException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Options options;
    private final AlertPrinter printer;
    private final PrintStream out;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicLong fed = new AtomicLong();
    private final AtomicLong feedErrors = new AtomicLong();
    private final Map<String, Long> alertsByCategory = new TreeMap<>();
    private final long startNanos = System.nanoTime();

    private EmbeddedKafkaBroker broker;
    private String messagesTopic;
    private String profilesTopic;
    private String alertsTopic;
    private Path stateDir;
    private AutoCloseable app;
    private AutoCloseable console;
    private Thread feedThread;
    private Thread printerThread;
    private volatile KafkaConsumer<String, byte[]> alertConsumer;
    private volatile boolean stopping;
    private long alerts;
    private boolean closed;

    DemoRun(Options options, AlertPrinter printer, PrintStream out) {
        this.options = options;
        this.printer = printer;
        this.out = out;
    }

    /** Starts everything; returns once the feed runs. */
    synchronized void start() {
        out.println("vigie demo: starting a Kafka broker in this JVM...");
        ModerationConfig config;
        try {
            broker = EmbeddedKafkaBroker.create().start();
            stateDir = Files.createTempDirectory("vigie-demo-state-");
            config = DemoApp.config(broker.bootstrapServers(), stateDir);
            broker.createTopics(DemoApp.topics(config));
        } catch (IOException e) {
            throw new DemoException("cannot create a temporary state directory: " + e.getMessage(), e);
        } catch (io.vigie.stream.config.ConfigLoader.ConfigProblems e) {
            throw new DemoException("bad settings in the environment: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new DemoException("the embedded Kafka broker did not start: " + e.getMessage(), e);
        }
        messagesTopic = config.getString(ModerationConfig.TOPIC_MESSAGES);
        profilesTopic = config.getString(ModerationConfig.TOPIC_PROFILES);
        alertsTopic = config.getString(ModerationConfig.TOPIC_ALERTS);
        // feed and printer start first: records wait in Kafka while Streams joins its group, so the first alerts
        // appear as soon as the topology runs
        printerThread = new Thread(this::printAlerts, "vigie-demo-alerts");
        printerThread.setDaemon(true);
        printerThread.start();
        feedThread = new Thread(this::feed, "vigie-demo-feed");
        feedThread.setDaemon(true);
        feedThread.start();
        out.println("vigie demo: broker at " + broker.bootstrapServers() + "; starting the moderation topology...");
        try {
            app = DemoApp.start(config);
        } catch (RuntimeException e) {
            throw new DemoException("the moderation topology did not start: " + e.getMessage(), e);
        }
        try {
            console = DemoConsole.start(broker.bootstrapServers(), stateDir, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.printf("vigie demo: feeding simulated chat at %.0f messages/s%s; alerts appear below (Ctrl-C stops)%n%n",
                options.rate(), options.durationSeconds() > 0 ? " for " + options.durationSeconds() + " s" : "");
    }

    /** Blocks until {@code --duration} elapses or {@link #close()} is called. */
    void awaitEnd() throws InterruptedException {
        if (options.durationSeconds() > 0) {
            // --duration counts from the moment the topology runs: a slow start (a busy machine) does not eat
            // into the time the viewer gets to watch alerts
            ended.await(options.durationSeconds(), TimeUnit.SECONDS);
        } else {
            ended.await();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        stopping = true;
        ended.countDown();
        join(feedThread);
        closeQuietly(console);
        closeQuietly(app);
        // the printer shows the last committed alerts for a second, then stops by itself
        join(printerThread);
        KafkaConsumer<String, byte[]> consumer = alertConsumer;
        if (consumer != null && printerThread.isAlive()) {
            consumer.wakeup();
            join(printerThread);
        }
        if (broker != null) {
            broker.close();
        }
        deleteTree(stateDir);
        synchronized (alertsByCategory) {
            out.printf("%nvigie demo: stopped after %d s: %d messages fed, %d alerts %s%s%n",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos), fed.get(), alerts,
                    alertsByCategory, feedErrors.get() == 0 ? "" : ", " + feedErrors.get() + " sends failed");
        }
        out.flush();
    }

    private void feed() {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5);
        long periodNanos = (long) (1_000_000_000L / options.rate());
        DemoFeed source = DemoFeed.open(options.seed(), options.rate());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            long next = System.nanoTime();
            while (!stopping) {
                DemoFeed.Item item = source.next();
                String topic = item.profile() ? profilesTopic : messagesTopic;
                producer.send(new ProducerRecord<>(topic, item.key(), item.value()), (md, e) -> {
                    if (e != null) {
                        feedErrors.incrementAndGet();
                    }
                });
                if (!item.profile()) {
                    fed.incrementAndGet();
                    next += periodNanos;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
            }
            producer.flush();
        } catch (RuntimeException e) {
            if (!stopping) {
                out.println("vigie demo: the simulated feed stopped: " + e.getMessage());
            }
        }
    }

    private void printAlerts() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "vigie-demo-printer",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            alertConsumer = consumer;
            consumer.subscribe(List.of(alertsTopic));
            long graceEnd = Long.MAX_VALUE;
            while (System.nanoTime() < graceEnd) {
                if (stopping && graceEnd == Long.MAX_VALUE) {
                    graceEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    printer.print(r.value(), out);
                    count(r.value());
                }
            }
        } catch (WakeupException e) {
            // close() asked the printer to stop
        } catch (RuntimeException e) {
            if (!stopping) {
                out.println("vigie demo: the alert printer stopped: " + e.getMessage());
            }
        }
    }

    private void count(byte[] alert) {
        List<String> categories = new ArrayList<>();
        try {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(alert).path("categories")
                    .forEach(c -> categories.add(c.asText()));
        } catch (IOException e) {
            return;
        }
        synchronized (alertsByCategory) {
            alerts++;
            categories.forEach(c -> alertsByCategory.merge(c, 1L, Long::sum));
        }
    }

    private static void join(Thread t) {
        if (t == null) {
            return;
        }
        try {
            t.join(TimeUnit.SECONDS.toMillis(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            System.err.println("vigie demo: " + e.getMessage());
        }
    }

    /** Deletes a directory tree; what cannot be deleted is reported, never fatal. */
    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("vigie demo: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
