package io.vigie.stream.console;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stateless, signed sessions: the session cookie carries {@code name|issuedAt|expiresAt|sessionId} and an HMAC-SHA-256
 * of it under the session secret, so any console instance with the same secret accepts it and nothing needs to be
 * stored. The role is not in the cookie: it is read from the users file on every request, so a changed role or a
 * removed user takes effect at once.
 *
 * <p>CSRF tokens are derived from the session id with the same key ({@code HMAC("csrf|" + sessionId)}): every form
 * carries one, and a request whose token does not match its session's is refused. Before sign-in, a random
 * pre-session nonce cookie plays the session id's part for the sign-in form.
 *
 * <p>Sign-out revokes the session id on this instance (until it would have expired) and clears the cookie; the
 * session lifetime bounds what a copied cookie could do on another instance. Thread-safe.
 */
public final class Sessions {

    /** The session cookie. */
    public static final String COOKIE = "vigie_session";
    /** The pre-session cookie of the sign-in form. */
    public static final String LOGIN_COOKIE = "vigie_login";

    /** A valid session. */
    public record Session(String user, String id, long expiresAtMs) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final long ttlMs;
    private final Clock clock;
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final java.util.Map<String, Long> revokedUntil = new ConcurrentHashMap<>();

    /**
     * @param secret the session secret; null for a random key (sessions then live and die with this process)
     * @param ttlMs  session lifetime
     */
    public Sessions(String secret, long ttlMs, Clock clock) {
        byte[] k;
        if (secret == null) {
            k = new byte[32];
            RANDOM.nextBytes(k);
        } else {
            k = secret.getBytes(StandardCharsets.UTF_8);
        }
        this.key = k;
        this.ttlMs = ttlMs;
        this.clock = clock;
    }

    /** A new signed cookie value for {@code user}. */
    public String issue(String user) {
        long now = clock.millis();
        String payload = user + "|" + now + "|" + (now + ttlMs) + "|" + randomId();
        return B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + sign(payload);
    }

    /** The session of a cookie value, when its signature holds and it has neither expired nor been revoked. */
    public Optional<Session> verify(String cookie) {
        if (cookie == null) {
            return Optional.empty();
        }
        int dot = cookie.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload;
        try {
            payload = new String(Base64.getUrlDecoder().decode(cookie.substring(0, dot)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                cookie.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] f = payload.split("\\|");
        if (f.length != 4) {
            return Optional.empty();
        }
        long expires;
        try {
            expires = Long.parseLong(f[2]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (clock.millis() >= expires || revoked.contains(f[3])) {
            return Optional.empty();
        }
        return Optional.of(new Session(f[0], f[3], expires));
    }

    /** Revokes a session on this instance (sign-out). */
    public void revoke(Session session) {
        long now = clock.millis();
        revokedUntil.entrySet().removeIf(e -> {
            boolean old = e.getValue() <= now;
            if (old) {
                revoked.remove(e.getKey());
            }
            return old;
        });
        revoked.add(session.id());
        revokedUntil.put(session.id(), session.expiresAtMs());
    }

    /** The CSRF token of a session (or of a pre-session nonce, with {@code purpose} "login"). */
    public String csrfToken(String purpose, String id) {
        return sign("csrf|" + purpose + "|" + id);
    }

    /** True when {@code token} is the CSRF token of {@code id}; constant time. */
    public boolean csrfValid(String purpose, String id, String token) {
        if (token == null || id == null) {
            return false;
        }
        return MessageDigest.isEqual(csrfToken(purpose, id).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    /** A random URL-safe id (sessions, pre-session nonces). */
    public static String randomId() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return B64.encodeToString(b);
    }

    /** Session lifetime in seconds, for the cookie's Max-Age. */
    public int ttlSeconds() {
        return (int) Math.min(Integer.MAX_VALUE, ttlMs / 1000);
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
