package io.vigie.stream.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The console's users, from a file an operator edits: one user per line, {@code name role hash}, separated by
 * whitespace; {@code #} starts a comment. {@code role} is {@code reviewer} or {@code lead}; {@code hash} comes from
 * {@code bin/moderation console hash-password}, or is {@code -} for a user who signs in only through the trusted
 * proxy header. The file is re-read when its modification time changes (at most once a second); a file that
 * no longer parses is refused with every error, and the users read before stay in force.
 *
 * <p>Thread-safe.
 */
public final class Users {

    /** One user. {@code hash} is null for a proxy-only user. */
    public record User(String name, Role role, String hash) {
    }

    /** A users file with errors, each as {@code file:line: reason}. */
    public static final class UsersFileException extends Exception {
        private static final long serialVersionUID = 1L;

        UsersFileException(List<String> errors) {
            super(String.join("; ", errors));
        }
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final Path file;
    private volatile Map<String, User> users;
    private volatile FileTime loadedAt;
    private volatile long checkedAtNanos;

    private Users(Path file, Map<String, User> users, FileTime loadedAt) {
        this.file = file;
        this.users = users;
        this.loadedAt = loadedAt;
        this.checkedAtNanos = System.nanoTime();
    }

    /**
     * Reads the users file.
     *
     * @throws UsersFileException listing every error (unreadable, bad line, unknown role, bad hash, duplicate)
     */
    public static Users load(Path file) throws UsersFileException {
        try {
            FileTime time = Files.getLastModifiedTime(file);
            return new Users(file, parse(file), time);
        } catch (IOException e) {
            throw new UsersFileException(List.of("cannot read the users file " + file + ": " + e.getMessage()));
        }
    }

    /** The user of that name, re-reading the file first when it changed. */
    public Optional<User> find(String name) {
        refreshIfChanged();
        return name == null ? Optional.empty() : Optional.ofNullable(users.get(name));
    }

    /** How many users are known. */
    public int size() {
        return users.size();
    }

    private void refreshIfChanged() {
        long now = System.nanoTime();
        if (now - checkedAtNanos < 1_000_000_000L) {
            return;
        }
        checkedAtNanos = now;
        try {
            FileTime time = Files.getLastModifiedTime(file);
            if (!time.equals(loadedAt)) {
                users = parse(file);
                loadedAt = time;
                ConsoleLog.LOG.info("Users file re-read: {} users", users.size());
            }
        } catch (IOException e) {
            ConsoleLog.LOG.warn("Users file unreadable, keeping the {} users read before: {}", users.size(),
                    e.getMessage());
        } catch (UsersFileException e) {
            ConsoleLog.LOG.warn("Users file refused, keeping the {} users read before: {}", users.size(),
                    e.getMessage());
        }
    }

    private static Map<String, User> parse(Path file) throws IOException, UsersFileException {
        List<String> errors = new ArrayList<>();
        Map<String, User> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (content.isEmpty()) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            String[] f = content.split("\\s+");
            if (f.length != 3) {
                errors.add(where + "expected 'name role hash', got " + f.length + " fields");
                continue;
            }
            if (!NAME.matcher(f[0]).matches()) {
                errors.add(where + "a name is 1 to 64 of [A-Za-z0-9._@-]");
                continue;
            }
            Role role;
            try {
                role = Role.parse(f[1]);
            } catch (IllegalArgumentException e) {
                errors.add(where + e.getMessage());
                continue;
            }
            if (!f[2].equals("-") && !PasswordHasher.isWellFormed(f[2])) {
                // never echo the field: it may be a password pasted by mistake
                errors.add(where + "the hash is not from 'bin/moderation console hash-password' (or '-')");
                continue;
            }
            if (out.putIfAbsent(f[0], new User(f[0], role, f[2].equals("-") ? null : f[2])) != null) {
                errors.add(where + "user '" + f[0] + "' is listed twice");
            }
        }
        if (out.isEmpty() && errors.isEmpty()) {
            errors.add(file + ": no users");
        }
        if (!errors.isEmpty()) {
            throw new UsersFileException(errors);
        }
        return Map.copyOf(out);
    }
}
