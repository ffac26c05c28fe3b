package io.vigie.stream.cli;

import io.vigie.stream.console.ConsoleConfig;
import io.vigie.stream.console.ConsoleServer;
import io.vigie.stream.console.PasswordHasher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code moderation console}: the review console, a process of its own beside the engine (same launcher, same
 * configuration conventions, its own consumer group); and {@code moderation console hash-password}, which makes the
 * password hashes of its users file.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = "Serves the review console (the trust-and-safety queue) on moderation.console.http.port until "
                + "SIGTERM / Ctrl-C. Needs a users file (moderation.console.users.file or --users).",
        subcommands = ConsoleCommand.HashPasswordCommand.class)
final class ConsoleCommand implements Callable<Integer>, ModerationCli.NeedsEnv {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "properties file of settings (may be the engine's)")
    Path file;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka brokers")
    String bootstrap;

    @Option(names = "--users", paramLabel = "FILE", description = "users file (moderation.console.users.file)")
    Path users;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (moderation.console.http.port)")
    Integer port;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "any setting, highest precedence")
    Map<String, String> settings = new HashMap<>();

    private Map<String, String> env = Map.of();

    @Override
    public void env(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, String> flags = new HashMap<>(settings);
        if (bootstrap != null) {
            flags.put(ConsoleConfig.BOOTSTRAP_SERVERS, bootstrap);
        }
        if (users != null) {
            flags.put(ConsoleConfig.USERS_FILE, users.toString());
        }
        if (port != null) {
            flags.put(ConsoleConfig.HTTP_PORT, String.valueOf(port));
        }
        ConsoleConfig config = ConsoleConfig.load(file, env, flags);
        return ConsoleServer.run(config, ModerationCli.WriterStream.printStream(spec.commandLine().getErr()));
    }

    /** {@code moderation console hash-password}: a PBKDF2 hash for the users file. */
    @Command(name = "hash-password", mixinStandardHelpOptions = true,
            description = "Reads a password (asked twice on a terminal, else the first line of stdin) and prints its "
                    + "salted PBKDF2 hash for a line 'name role HASH' of the console's users file.")
    static final class HashPasswordCommand implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--iterations", paramLabel = "N", description = "PBKDF2 iterations (default: "
                + "${DEFAULT-VALUE})", defaultValue = "" + PasswordHasher.DEFAULT_ITERATIONS)
        int iterations;

        @Override
        public Integer call() throws IOException {
            if (iterations < 100_000) {
                spec.commandLine().getErr().println("hash-password: --iterations must be at least 100000, got "
                        + iterations);
                return 1;
            }
            char[] password = read();
            try {
                if (password == null || password.length == 0) {
                    spec.commandLine().getErr().println("hash-password: no password given");
                    return 1;
                }
                spec.commandLine().getOut().println(PasswordHasher.hash(password, iterations));
                return 0;
            } finally {
                if (password != null) {
                    Arrays.fill(password, '\0');
                }
            }
        }

        private char[] read() throws IOException {
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("Password: ");
                char[] again = console.readPassword("Again: ");
                if (first == null || !Arrays.equals(first, again)) {
                    spec.commandLine().getErr().println("hash-password: the two passwords differ");
                    return null;
                }
                Arrays.fill(again, '\0');
                return first;
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? null : line.toCharArray();
        }
    }
}
