package io.vigie.stream.config;

import org.apache.kafka.common.config.ConfigDef;

import java.util.List;
import java.util.Locale;

/**
 * Renders {@code docs/configuration.md} from {@link ModerationConfig#CONFIG}, so the documentation cannot
 * drift from the code (a test fails when the committed file differs).
 */
public final class ConfigDocs {

    private ConfigDocs() {
    }

    /** The whole markdown document. */
    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Configuration\n\n")
                .append("<!-- Generated from ModerationConfig.CONFIG by ConfigDocsTest; do not edit by hand. -->\n\n")
                .append("Sources, each overriding the one before: defaults < properties file (`--config FILE`) < ")
                .append("environment < command-line flags.\n")
                .append("Environment: `MODERATION_FOO_BAR` sets `moderation.foo.bar`; `KAFKA_FOO_BAR` sets the ")
                .append("Kafka client setting `foo.bar` (e.g. `KAFKA_BOOTSTRAP_SERVERS`, ")
                .append("`KAFKA_SECURITY_PROTOCOL`, `KAFKA_SASL_JAAS_CONFIG`).\n")
                .append("Any other Kafka Streams, consumer, producer or admin setting may be given the same way. ")
                .append("Every problem is reported at once; secrets are logged as `[hidden]`; unknown keys are ")
                .append("warned about.\n")
                .append("Two Kafka producer settings have a default of the app's own unless given plain or with ")
                .append("the `producer.` prefix: `producer.batch.size` = ")
                .append(ModerationConfig.DEFAULT_PRODUCER_BATCH_SIZE)
                .append(" (256 KiB, Kafka's is 16 KiB): every message writes its conversation state to a ")
                .append("changelog, and small batches cost CPU per message; `producer.compression.type` = ")
                .append(ModerationConfig.DEFAULT_PRODUCER_COMPRESSION)
                .append(" (Kafka's is none): those states are mostly text (docs/performance.md).\n");
        sb.append(tables(ModerationConfig.CONFIG));
        return sb.toString();
    }

    /**
     * The settings of {@code def} as markdown tables, one section per importance (HIGH first), keys sorted: the part
     * of this document that the review console's docs/console.md reuses for its own settings.
     */
    public static String tables(ConfigDef def) {
        StringBuilder sb = new StringBuilder();
        for (ConfigDef.Importance importance : ConfigDef.Importance.values()) {
            List<ConfigDef.ConfigKey> keys = def.configKeys().values().stream()
                    .filter(k -> k.importance == importance)
                    .sorted(java.util.Comparator.comparing(k -> k.name))
                    .toList();
            if (keys.isEmpty()) {
                continue;
            }
            sb.append("\n## ").append(importance.name().charAt(0))
                    .append(importance.name().substring(1).toLowerCase(Locale.ROOT)).append(" importance\n\n")
                    .append("| key | type | default | valid values | description |\n")
                    .append("|---|---|---|---|---|\n");
            for (ConfigDef.ConfigKey k : keys) {
                sb.append("| `").append(k.name).append("` | ")
                        .append(k.type.name().toLowerCase(Locale.ROOT)).append(" | ")
                        .append(defaultOf(k)).append(" | ")
                        .append(k.validator == null ? "" : cell(k.validator.toString())).append(" | ")
                        .append(cell(k.documentation)).append(" |\n");
            }
        }
        return sb.toString();
    }

    private static String defaultOf(ConfigDef.ConfigKey k) {
        if (!k.hasDefault() || k.defaultValue == null) {
            return "";
        }
        Object v = k.defaultValue;
        String s = v instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
                : String.valueOf(v);
        return s.isEmpty() ? "\"\"" : "`" + s + "`";
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
