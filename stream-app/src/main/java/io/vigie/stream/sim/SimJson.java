package io.vigie.stream.sim;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vigie.core.contract.ChatMessage;
import java.io.UncheckedIOException;

/** JSON for simulated records: the contract's shape, ISO-8601 instants, nulls left out. Thread-safe. */
public final class SimJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .addMixIn(ChatMessage.class, ChatMessageMixin.class);

    /** {@code ChatMessage.isPublic()} is derived, not a contract field: keep it off the wire. */
    @JsonIgnoreProperties({"public"})
    private abstract static class ChatMessageMixin {
    }

    private SimJson() {
    }

    /** A shared mapper configured for the contract (do not reconfigure it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The contract JSON of the event's record, one line. */
    public static String toJson(SimEvent event) {
        return toJson(MAPPER, event);
    }

    /** The contract bytes (UTF-8) of the event's record, for a Kafka producer. */
    public static byte[] toBytes(SimEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event.record());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialize simulated record", e);
        }
    }

    static String toJson(ObjectMapper mapper, SimEvent event) {
        try {
            return mapper.writeValueAsString(event.record());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot serialize simulated record", e);
        }
    }

    /** Contract JSON plus {@code "sim":{scenario, scenarioId, step}} on harmful messages. */
    public static String toLabelledJson(SimEvent event) {
        return toLabelledJson(MAPPER, event);
    }

    static String toLabelledJson(ObjectMapper mapper, SimEvent event) {
        if (!(event instanceof SimEvent.MessageEvent message) || !message.harmful()) {
            return toJson(mapper, event);
        }
        ObjectNode node = mapper.valueToTree(event.record());
        ObjectNode sim = node.putObject("sim");
        sim.put("scenario", message.scenario().name());
        sim.put("category", message.scenario().category().value());
        sim.put("scenarioId", message.scenarioId());
        sim.put("step", message.step());
        return node.toString();
    }
}
