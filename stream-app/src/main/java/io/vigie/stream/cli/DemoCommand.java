package io.vigie.stream.cli;

import io.vigie.stream.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code moderation demo}: a thin wrapper; the demo parses its own options (including {@code --help}). */
@Command(name = "demo", description = "Starts an embedded Kafka broker, the topology and a simulated chat feed; "
        + "prints alerts live until Ctrl-C (see demo --help).")
final class DemoCommand implements Callable<Integer> {

    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        return Demo.run(args.toArray(String[]::new));
    }
}
