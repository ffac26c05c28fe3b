package io.vigie.stream.demo;

import io.vigie.stream.console.ConsoleConfig;
import io.vigie.stream.console.ConsoleServer;
import io.vigie.stream.console.PasswordHasher;
import io.vigie.stream.console.Sessions;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo's review console: the real console on the embedded broker, on 127.0.0.1:8090 (or a free port when 8090 is
 * taken), with two users made up for this run, a reviewer {@code demo} and a lead {@code lead}, whose passwords are
 * printed with the URL. Their users file lives in the demo's state directory and goes with it.
 */
final class DemoConsole {

    static final int PORT = 8090;

    private DemoConsole() {
    }

    /**
     * Starts the console and prints how to reach it; on failure prints why and returns null (the demo goes on without
     * it).
     */
    static ConsoleServer start(String bootstrap, Path dir, PrintStream out) throws InterruptedException {
        String reviewerPassword = Sessions.randomId().substring(0, 10);
        String leadPassword = Sessions.randomId().substring(0, 10);
        Path users = dir.resolve("console-users.txt");
        try {
            // fewer iterations than hash-password's default: throw-away users of a local demo, created at each start
            Files.writeString(users, "demo reviewer " + PasswordHasher.hash(reviewerPassword.toCharArray(), 100_000)
                    + "\nlead lead " + PasswordHasher.hash(leadPassword.toCharArray(), 100_000) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            out.println("vigie demo: no review console (cannot write its users file: " + e.getMessage() + ")");
            return null;
        }
        Map<String, String> settings = new HashMap<>();
        settings.put(ConsoleConfig.BOOTSTRAP_SERVERS, bootstrap);
        settings.put(ConsoleConfig.USERS_FILE, users.toString());
        settings.put(ConsoleConfig.HTTP_BIND_ADDRESS, "127.0.0.1");
        settings.put(ConsoleConfig.GROUP_ID, "vigie-demo-console");
        settings.put(ConsoleConfig.TOPICS_CREATE, "true");
        settings.put(ConsoleConfig.SESSION_SECRET, Sessions.randomId() + Sessions.randomId());
        ConsoleServer console = null;
        for (int port : new int[] {PORT, 0}) {
            settings.put(ConsoleConfig.HTTP_PORT, String.valueOf(port));
            try {
                console = ConsoleServer.start(new ConsoleConfig(settings), out);
                break;
            } catch (ConsoleServer.StartException e) {
                if (port == 0) {
                    out.println("vigie demo: no review console (" + e.getMessage() + ")");
                    return null;
                }
            }
        }
        out.println("vigie demo: review console at " + console.url() + " (reviewer 'demo', password "
                + reviewerPassword + "; lead 'lead', password " + leadPassword + ")");
        return console;
    }
}
