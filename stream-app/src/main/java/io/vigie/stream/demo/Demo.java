package io.vigie.stream.demo;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/**
 * {@code bin/moderation demo}: a real Kafka broker in this JVM, the moderation topology reading from it, and a
 * simulated chat feed (mostly benign French and English chat with scripted harmful conversations); every alert is
 * printed for a human as it arrives, until Ctrl-C or {@code --duration}.
 *
 * <p>Entry point for the CLI: {@link #run(String[])} returns the process exit code (0 on success, 1 on bad input or a
 * failure to start, with a one-line reason on stderr). Not thread-safe; call it once per process.
 */
public final class Demo {

    private Demo() {
    }

    /** Runs the demo alone (without the rest of the CLI) and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Parses the demo's options, runs it, and returns the exit code.
     *
     * @param args the arguments after {@code demo}, never null
     * @return 0 on success, 1 on bad input or failure, 2 on usage error as picocli reports it
     */
    public static int run(String[] args) {
        return new CommandLine(new DemoCommand())
                .setParameterExceptionHandler((ex, a) -> {
                    ex.getCommandLine().getErr().println("demo: " + ex.getMessage() + " (see demo --help)");
                    return 1;
                })
                .execute(args);
    }

    /** The demo's options. */
    @Command(name = "demo",
            description = "Starts an embedded real Kafka broker, the moderation topology and a simulated chat feed, "
                    + "and prints every alert as it arrives (evidence highlighted) until Ctrl-C or --duration.")
    static final class DemoCommand implements Callable<Integer> {

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Option(names = "--duration", paramLabel = "SECONDS",
                description = "Stop by itself this many seconds after the topology started (default: run until Ctrl-C).")
        long durationSeconds;

        @Option(names = "--rate", paramLabel = "N", defaultValue = "20",
                description = "Simulated messages per second (default: ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
                description = "Seed of the simulated feed, for a repeatable show (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--no-color", description = "Plain text even on a terminal: evidence in [brackets].")
        boolean noColor;

        @Option(names = "--verbose", description = "Keep Kafka's and the app's INFO logs on the console.")
        boolean verbose;

        @Override
        public Integer call() {
            PrintStream err = System.err;
            if (durationSeconds < 0) {
                err.println("demo: --duration must be 0 or more seconds, got " + durationSeconds);
                return 1;
            }
            if (!(rate > 0) || rate > 10_000) {
                err.println("demo: --rate must be more than 0 and at most 10000 messages per second, got " + rate);
                return 1;
            }
            if (!verbose) {
                quietLogs();
            }
            boolean ansi = !noColor && AlertPrinter.stdoutIsColourTerminal();
            DemoRun demo = new DemoRun(new DemoRun.Options(rate, seed, durationSeconds), new AlertPrinter(ansi),
                    System.out);
            Thread hook = new Thread(demo::close, "vigie-demo-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                demo.start();
                demo.awaitEnd();
                return 0;
            } catch (DemoRun.DemoException e) {
                err.println("demo: " + e.getMessage());
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            } finally {
                demo.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is already running (Ctrl-C): it closes the same demo, which is idempotent
                }
            }
        }

        /** The demo's screen is for alerts: Kafka's and the app's own logs go down to errors only. */
        private static void quietLogs() {
            // the broker's own transient errors (e.g. a retried first write to a fresh topic) are not the viewer's
            // business; the demo reports its own failures on stderr
            Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.OFF);
            Configurator.setLevel("io.vigie", Level.WARN);
        }
    }
}
