package io.vigie.stream.cli;

import io.vigie.stream.app.ModerationApp;
import io.vigie.stream.config.ModerationConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code moderation run}: the live stream processor. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the stream processor against the brokers in KAFKA_BOOTSTRAP_SERVERS (or --bootstrap) "
                + "until SIGTERM / Ctrl-C.")
final class RunCommand extends ConfiguredCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka brokers")
    String bootstrap;

    @Override
    public Integer call() throws Exception {
        Map<String, String> extra = new HashMap<>();
        if (bootstrap != null) {
            extra.put(ModerationConfig.BOOTSTRAP_SERVERS, bootstrap);
        }
        ModerationConfig config = loadConfig(extra);
        PrintStream err = ModerationCli.WriterStream.printStream(spec.commandLine().getErr());
        return new ModerationApp(config, err).run();
    }
}
