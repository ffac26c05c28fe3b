package io.vigie.stream.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.core.contract.Category;
import io.vigie.stream.serde.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The labels of reviewed conversations, read from one or more label files. A label file is one JSON object keyed
 * by conversationId:
 *
 * <pre>{@code
 * {"c-17": {"labels": ["CHILD_GROOMING", "OFF_PLATFORM"], "firstFlagMessageId": "m-903",
 *           "language": "fr", "kind": "grooming", "notes": "free text"},
 *  "c-18": {"labels": [], "firstFlagMessageId": null, "language": "en", "kind": "parents"}}
 * }</pre>
 *
 * {@code labels} (required) are contract categories, {@code []} for a benign conversation; the rest is optional.
 * A file that is not such an object, a category outside the contract, a key given twice, or a conversation
 * labelled in two files is refused with a one-line reason. Unknown fields are ignored.
 *
 * <p>Immutable once loaded; thread-safe.
 */
public final class LabelSet {

    /**
     * One labelled conversation.
     *
     * @param categories         the harm it contains; empty when benign; never null
     * @param firstFlagMessageId the earliest message at which a careful moderator flags; may be null
     * @param language           e.g. "fr"; may be null
     * @param kind               the scenario type, e.g. "parents"; may be null
     * @param notes              the labeller's notes; may be null
     */
    public record Label(String conversationId, Set<Category> categories, String firstFlagMessageId, String language,
                        String kind, String notes) {
        public Label {
            Objects.requireNonNull(conversationId, "conversationId must not be null");
            categories = categories.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(categories));
        }

        /** True when the labels name some harm. */
        public boolean harmful() {
            return !categories.isEmpty();
        }
    }

    private final Map<String, Label> labels;
    private final Map<String, Path> labelledIn;
    private final List<Path> files;

    private LabelSet(Map<String, Label> labels, Map<String, Path> labelledIn, List<Path> files) {
        this.labels = Collections.unmodifiableMap(labels);
        this.labelledIn = Collections.unmodifiableMap(labelledIn);
        this.files = List.copyOf(files);
    }

    /**
     * Reads the label files, in order.
     *
     * @throws EvalException naming the file (and conversation) at fault, on one line
     */
    public static LabelSet load(List<Path> files) throws EvalException {
        Map<String, Label> labels = new LinkedHashMap<>();
        Map<String, Path> labelledIn = new java.util.HashMap<>();
        for (Path file : files) {
            for (Label label : read(file)) {
                Path earlier = labelledIn.putIfAbsent(label.conversationId(), file);
                if (earlier != null) {
                    throw new EvalException(file + ": conversation " + label.conversationId()
                            + " is labelled again (first in " + earlier + ")");
                }
                labels.put(label.conversationId(), label);
            }
        }
        if (labels.isEmpty()) {
            throw new EvalException("no labelled conversation in " + files);
        }
        return new LabelSet(labels, labelledIn, files);
    }

    private static List<Label> read(Path file) throws EvalException {
        JsonNode root;
        try {
            root = Json.MAPPER.reader()
                    .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new EvalException(file + ": not valid JSON at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage().replace('\n', ' '));
        } catch (IOException e) {
            throw new EvalException("cannot read labels " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new EvalException(file + ": expected a JSON object of conversationId -> {\"labels\": [...], ...}");
        }
        List<Label> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            out.add(label(file, e.getKey(), e.getValue()));
        }
        return out;
    }

    private static Label label(Path file, String id, JsonNode node) throws EvalException {
        String where = file + ": " + id + ": ";
        if (!node.isObject()) {
            throw new EvalException(where + "expected an object with \"labels\"");
        }
        JsonNode cats = node.get("labels");
        if (cats == null || !cats.isArray()) {
            throw new EvalException(where + "\"labels\" must be an array of categories ([] when benign)");
        }
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (JsonNode c : cats) {
            if (!c.isTextual()) {
                throw new EvalException(where + "a label must be a category name, got " + c);
            }
            try {
                categories.add(Category.parse(c.asText()));
            } catch (IllegalArgumentException bad) {
                throw new EvalException(where + bad.getMessage());
            }
        }
        return new Label(id, categories, text(node, "firstFlagMessageId", where), text(node, "language", where),
                text(node, "kind", where), text(node, "notes", where));
    }

    private static String text(JsonNode node, String field, String where) throws EvalException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new EvalException(where + "\"" + field + "\" must be a string or null, got " + v);
        }
        return v.asText();
    }

    /** The label of a conversation; null when it is not labelled. */
    public Label get(String conversationId) {
        return conversationId == null ? null : labels.get(conversationId);
    }

    /** The file a conversation's label was read from; null when it is not labelled. */
    public Path source(String conversationId) {
        return conversationId == null ? null : labelledIn.get(conversationId);
    }

    /** Every label, in file order. */
    public Collection<Label> labels() {
        return labels.values();
    }

    /** The files read, in order. */
    public List<Path> files() {
        return files;
    }
}
