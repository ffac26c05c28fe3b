package io.vigie.load.driver;

/** What sits between the producer and the measuring consumer. Closed set, used in result files. */
public enum Pipeline {
    /** Nothing: the consumer reads the input topic itself (Kafka's own floor on this machine). */
    RAW,
    /** A Kafka Streams topology of the same shape (parse, key by sender, write an action) without scoring. */
    PASSTHROUGH,
    /** The moderation application ({@code ModerationCli run}, what {@code bin/moderation run} starts) with the default rule pack, in its own JVM. */
    MODERATION;

    /** Lower-case name used on the command line. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a command-line name. @throws IllegalArgumentException naming the allowed values */
    public static Pipeline parse(String value) {
        for (Pipeline p : values()) {
            if (p.cliName().equals(value.trim().toLowerCase(java.util.Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown pipeline '" + value + "', expected raw, passthrough or moderation");
    }
}
