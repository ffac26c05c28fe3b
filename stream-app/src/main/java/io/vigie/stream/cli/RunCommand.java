package io.vigie.stream.cli;

import io.vigie.stream.app.ModerationApp;
import io.vigie.stream.config.ModerationConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code moderation run}: the live stream processor. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the stream processor against the brokers in KAFKA_BOOTSTRAP_SERVERS (or --bootstrap) "
                + "until SIGTERM / Ctrl-C.")
final class RunCommand implements Callable<Integer>, ModerationCli.NeedsEnv {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka brokers")
    String bootstrap;

    @Mixin
    ConfigMixin configMixin;

    private Map<String, String> env = Map.of();

    @Override
    public void env(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, String> extra = new HashMap<>();
        if (bootstrap != null) {
            extra.put(ModerationConfig.BOOTSTRAP_SERVERS, bootstrap);
        }
        ModerationConfig config = configMixin.options.load(env, extra);
        PrintStream err = new PrintStream(new ModerationCli.WriterStream(spec.commandLine().getErr()), true,
                StandardCharsets.UTF_8);
        return new ModerationApp(config, err).run();
    }
}
