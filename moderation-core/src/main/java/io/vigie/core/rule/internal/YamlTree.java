package io.vigie.core.rule.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into a small tree that remembers the line and column of every node and key, so the
 * rule compiler can point at the exact place of a mistake. Load-time only; never on the hot path.
 */
public final class YamlTree {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTree() {
    }

    /** A node of the tree with its 1-based position. */
    public sealed interface Node permits MapNode, ListNode, ScalarNode {
        int line();

        int column();
    }

    /** A key of a mapping with its position. */
    public record Key(String name, int line, int column) {
    }

    /** A mapping; keys keep file order. */
    public record MapNode(Map<String, Key> keys, Map<String, Node> values, int line, int column)
            implements Node {
    }

    /** A sequence. */
    public record ListNode(List<Node> items, int line, int column) implements Node {
    }

    /** A scalar; {@code value} is null for YAML null, else a String, Long, Double or Boolean. */
    public record ScalarNode(Object value, int line, int column) implements Node {
    }

    /** A YAML syntax error or a duplicate key, with its position. */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        SyntaxException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /**
     * Parses one YAML document.
     *
     * @return the root node, or null for an empty document
     * @throws SyntaxException on malformed YAML or a key given twice in one mapping
     */
    public static Node parse(String text) throws SyntaxException {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return null;
            }
            return read(p, t);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            int nl = msg == null ? -1 : msg.indexOf('\n');
            throw new SyntaxException("YAML syntax error: " + (nl > 0 ? msg.substring(0, nl) : msg),
                    loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr());
        } catch (IOException e) {
            throw new SyntaxException("cannot read YAML: " + e.getMessage(), 0, 0);
        }
    }

    private static Node read(JsonParser p, JsonToken t) throws IOException, SyntaxException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        switch (t) {
            case START_OBJECT: {
                Map<String, Key> keys = new LinkedHashMap<>();
                Map<String, Node> values = new LinkedHashMap<>();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    JsonLocation kl = p.currentTokenLocation();
                    String name = p.currentName();
                    if (keys.containsKey(name)) {
                        throw new SyntaxException("key '" + name + "' is given twice", kl.getLineNr(),
                                kl.getColumnNr());
                    }
                    keys.put(name, new Key(name, kl.getLineNr(), kl.getColumnNr()));
                    values.put(name, read(p, p.nextToken()));
                }
                return new MapNode(keys, values, line, col);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                JsonToken i;
                while ((i = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(read(p, i));
                }
                return new ListNode(items, line, col);
            }
            case VALUE_STRING:
                return new ScalarNode(p.getText(), line, col);
            case VALUE_NUMBER_INT:
                return new ScalarNode(p.getLongValue(), line, col);
            case VALUE_NUMBER_FLOAT:
                return new ScalarNode(p.getDoubleValue(), line, col);
            case VALUE_TRUE:
                return new ScalarNode(Boolean.TRUE, line, col);
            case VALUE_FALSE:
                return new ScalarNode(Boolean.FALSE, line, col);
            case VALUE_NULL:
                return new ScalarNode(null, line, col);
            default:
                throw new SyntaxException("unexpected YAML token " + t, line, col);
        }
    }
}
