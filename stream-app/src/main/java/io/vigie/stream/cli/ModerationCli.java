package io.vigie.stream.cli;

import io.vigie.stream.integrity.AlertChainVerifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The command line ({@code bin/moderation}): {@code score}, {@code replay}, {@code run}, {@code demo}, {@code rules validate},
 * {@code rules test}, {@code verify-alerts}, {@code eval}, {@code console}. Every subcommand has {@code --help}, exits
 * 0 on success and 1 on bad input with a one-line reason on stderr (never a bare stack trace); a bad flag prints the usage.
 */
@Command(name = "moderation", mixinStandardHelpOptions = true, version = "vigie 0.1.0",
        description = "Real-time chat moderation on Kafka Streams.",
        subcommands = {ScoreCommand.class, ReplayCommand.class, RunCommand.class, RulesCommand.class, DemoCommand.class,
            ModerationCli.VerifyAlertsCommand.class, EvalCommand.class, ModelCommand.class, ConsoleCommand.class,
            CommandLine.HelpCommand.class})
public final class ModerationCli implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 1;
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err, System.getenv()));
    }

    /**
     * Runs a command in-process (tests call this).
     *
     * @return the exit code
     */
    public static int execute(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        CommandLine cli = new CommandLine(new ModerationCli(), new EnvFactory(env));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("moderation: " + e.getMessage());
            c.usage(c.getErr());
            return 1;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            c.getErr().println(c.getCommandName() + ": " + oneLine(e));
            return 1;
        });
        return cli.execute(args);
    }

    static String oneLine(Throwable e) {
        Throwable t = e;
        while ((t.getMessage() == null || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replace('\n', ' ');
    }

    /** Gives commands the environment (so that tests can pass their own). */
    static final class EnvFactory implements CommandLine.IFactory {
        private final Map<String, String> env;

        EnvFactory(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            K k = CommandLine.defaultFactory().create(cls);
            if (k instanceof NeedsEnv n) {
                n.env(env);
            }
            return k;
        }
    }

    /** A command that reads the environment. */
    interface NeedsEnv {
        void env(Map<String, String> env);
    }

    @Command(name = "verify-alerts", mixinStandardHelpOptions = true,
            description = "Checks the integrity chain of a file of alert lines (from replay or the alerts topic).")
    static final class VerifyAlertsCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "JSON Lines file of alerts")
        Path file;

        @CommandLine.Option(names = "--any-order", description = "accept chains interleaved out of order "
                + "(a file merged from several partitions); still catches edited, removed and inserted alerts")
        boolean anyOrder;

        @Override
        public Integer call() {
            return AlertChainVerifier.run(file, anyOrder, WriterStream.printStream(spec.commandLine().getOut()),
                    WriterStream.printStream(spec.commandLine().getErr()));
        }
    }

    /** Adapts picocli's writers to the PrintStreams other modules take. */
    static final class WriterStream extends java.io.OutputStream {
        private final PrintWriter writer;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterStream(PrintWriter writer) {
            this.writer = writer;
        }

        /** An auto-flushing UTF-8 PrintStream that writes through to {@code writer}, line by line. */
        static PrintStream printStream(PrintWriter writer) {
            return new PrintStream(new WriterStream(writer), true, java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public void flush() {
            writer.print(line.toString(java.nio.charset.StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }
    }
}
