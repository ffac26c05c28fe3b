package io.vigie.stream.integrity;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vigie.core.contract.Alert;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Tamper evidence for the review topic: every alert carries the SHA-256 of its own canonical JSON and the hash of
 * the alert before it in the same chain (one chain per partition of {@code moderation.alerts}), so that editing,
 * removing or reordering an alert after the fact breaks a link that {@link AlertChainVerifier} finds.
 *
 * <h2>Canonical JSON (what is hashed)</h2>
 * The alert is first turned into a JSON tree with Jackson ({@link #MAPPER}: {@code JavaTimeModule}, instants as
 * ISO-8601 strings in {@link java.time.Instant#toString()} form, enums by name, record components by name). The
 * verifier starts from the tree of the line it reads instead, so the two sides meet on the tree. The tree is then
 * written as follows, and the bytes are hashed:
 * <ol>
 *   <li>the top-level member {@code hash} is removed; {@code prevHash} stays, so every hash covers its link;</li>
 *   <li>members whose value is JSON {@code null} are dropped, at every depth (so a writer that omits nulls and
 *       one that writes them hash the same); {@code null} elements of arrays are kept;</li>
 *   <li>object members are written in ascending order of their names, compared as UTF-16 code units
 *       ({@link String#compareTo}), at every depth; array elements keep their order;</li>
 *   <li>no whitespace at all between tokens;</li>
 *   <li>strings are written with the JSON escapes {@code \"}, {@code \\}, {@code \b \f \n \r \t}, and
 *       {@code \}{@code u00XX} (upper-case hex) for the other control characters below U+0020; every other
 *       character, non-ASCII included, is written as itself;</li>
 *   <li>integers are written in plain decimal with no sign for positives, no leading zeros, no exponent;
 *       other numbers (none in an {@link Alert}) as Jackson writes the parsed value;
 *       {@code true}, {@code false} and {@code null} as such;</li>
 *   <li>the result is encoded as UTF-8 and hashed with SHA-256; the hash is 64 lower-case hex digits.</li>
 * </ol>
 *
 * <h2>Links</h2>
 * {@code prevHash} is the {@code hash} of the previous alert of the chain, or {@link #GENESIS} (64 zeros) for the
 * first alert of a chain. A null {@code prevHash} is never written by {@link #link}: the verifier treats an alert
 * without {@code prevHash} or {@code hash} as unchained, hence broken.
 *
 * <p>Thread-safety: stateless and thread-safe; the chain state (the last hash of each partition) is the caller's,
 * kept in a state store by the topology.
 */
public final class AlertChain {

    /** The {@code prevHash} of the first alert of a chain: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    /** Name of the member that holds an alert's own hash (excluded from what is hashed). */
    public static final String HASH_FIELD = "hash";

    /** Name of the member that holds the previous alert's hash (included in what is hashed). */
    public static final String PREV_HASH_FIELD = "prevHash";

    /**
     * The mapper that turns alerts into trees and reads alert lines: {@code JavaTimeModule}, ISO instants,
     * duplicate member names rejected (a line with two {@code evidence} members would otherwise hash as
     * whichever came last). Thread-safe once configured; do not reconfigure it.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    private AlertChain() {
    }

    /**
     * Links an alert into a chain.
     *
     * @param alert    the alert; never null; its own {@code prevHash}/{@code hash}, if any, are replaced
     * @param prevHash the hash of the previous alert of this chain, or {@link #GENESIS} (a null is taken as
     *                 {@link #GENESIS}); otherwise 64 lower-case hex digits
     * @return a copy of the alert with {@code prevHash} and {@code hash} set; never null
     * @throws IllegalArgumentException when {@code prevHash} is not 64 lower-case hex digits
     */
    public static Alert link(Alert alert, String prevHash) {
        Objects.requireNonNull(alert, "alert must not be null");
        String prev = prevHash == null ? GENESIS : prevHash;
        if (!isHash(prev)) {
            throw new IllegalArgumentException("prevHash must be 64 lower-case hex digits, got '" + prev + "'");
        }
        Alert withPrev = alert.withChain(prev, null);
        return withPrev.withChain(prev, hashOf(MAPPER.valueToTree(withPrev)));
    }

    /**
     * The canonical JSON of an alert tree (see the class javadoc), as a string.
     *
     * @param alertTree a JSON object; never null; not modified
     * @return the canonical form without the top-level {@code hash}; never null
     */
    public static String canonicalJson(JsonNode alertTree) {
        return new String(canonicalBytes(alertTree), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The SHA-256 of the canonical JSON of an alert tree.
     *
     * @param alertTree a JSON object, as read from an alert line or made by {@code MAPPER.valueToTree(alert)};
     *                  never null; not modified
     * @return 64 lower-case hex digits; never null
     */
    public static String hashOf(JsonNode alertTree) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonicalBytes(alertTree)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** True when {@code s} is 64 lower-case hex digits, the form of every hash and of {@link #GENESIS}. */
    public static boolean isHash(String s) {
        return s != null && HEX_64.matcher(s).matches();
    }

    private static byte[] canonicalBytes(JsonNode alertTree) {
        Objects.requireNonNull(alertTree, "alertTree must not be null");
        if (!alertTree.isObject()) {
            throw new IllegalArgumentException("an alert must be a JSON object, got " + alertTree.getNodeType());
        }
        ObjectNode copy = ((ObjectNode) alertTree).deepCopy();
        copy.remove(HASH_FIELD);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (JsonGenerator gen = FACTORY.createGenerator(bytes)) {
            // the factory's defaults: UTF-8, no pretty printer, only the mandatory escapes
            write(copy, gen);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static void write(JsonNode node, JsonGenerator gen) throws IOException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.size());
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!e.getValue().isNull() && !e.getValue().isMissingNode()) {
                    names.add(e.getKey());
                }
            }
            Collections.sort(names);
            gen.writeStartObject();
            for (String name : names) {
                gen.writeFieldName(name);
                write(node.get(name), gen);
            }
            gen.writeEndObject();
        } else if (node.isArray()) {
            gen.writeStartArray();
            for (JsonNode element : node) {
                write(element, gen);
            }
            gen.writeEndArray();
        } else {
            gen.writeTree(node);
        }
    }
}
