package io.vigie.core.assess;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.vigie.core.contract.ActionCommand;
import io.vigie.core.state.ConversationState;
import io.vigie.core.state.DeviceState;
import io.vigie.core.state.SenderState;
import io.vigie.core.state.UserState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import static io.vigie.core.assess.Fixture.T0;
import static io.vigie.core.assess.Fixture.adult;
import static io.vigie.core.assess.Fixture.kid;
import static io.vigie.core.assess.Fixture.minutes;
import static io.vigie.core.assess.Fixture.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The stream app stores the state records as JSON. A plain ObjectMapper (no record annotations; Instants as
 * ISO-8601 strings through a two-line module standing in for jsr310's, which core does not depend on) must give
 * back equal records, and must not write derived methods such as {@code likelyMinor()} as properties.
 */
class StateJsonRoundTripTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new SimpleModule()
            .addSerializer(Instant.class, new JsonSerializer<>() {
                @Override
                public void serialize(Instant v, JsonGenerator g, SerializerProvider p) throws IOException {
                    g.writeString(v.toString());
                }
            })
            .addDeserializer(Instant.class, new JsonDeserializer<>() {
                @Override
                public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
                    return Instant.parse(p.getValueAsString());
                }
            }));

    private <T> void assertRoundTrip(T value, Class<T> type) throws IOException {
        String text = json.writeValueAsString(value);
        assertEquals(value, json.readValue(text, type), text);
    }

    @Test
    void shouldRoundTripEveryStateRecordFilledByRealAssessments() throws IOException {
        // given states filled by a grooming conversation, a fan-out and a ban evasion
        Fixture fx = new Fixture();
        Assessment a = fx.session.assess(msg("m-1", "c-1", "u-1", "u-2", T0, "t'es mature pour ton age"), null,
                adult("u-1"), Map.of("u-2", kid("u-2")));
        a = fx.session.assess(msg("m-2", "c-1", "u-1", "u-2", minutes(1), "dis rien a tes parents, slurword"),
                a.conversation(), a.sender(), Map.of("u-2", kid("u-2")));
        a = fx.session.assess(msg("m-3", "c-1", "u-2", "u-1", minutes(2), "j'ai 13 ans"),
                fx.session.dismiss(a.conversation(), java.util.List.of("hate.slur")), kid("u-2"), Map.of());
        SideAssessment<SenderState> s = null;
        SenderState sender = null;
        for (int i = 0; i < 4; i++) {
            s = fx.session.assessSender(sender, msg("m-s" + i, "c-" + i, "u-1", "k-" + i, minutes(i), "salut"),
                    adult("u-1"), Map.of("k-" + i, kid("k-" + i)));
            sender = s.state();
        }
        DeviceState device = fx.session.markBanned(DeviceState.empty("d-1"), "u-0");
        SideAssessment<DeviceState> d = fx.session.assessDevice(device, msg("m-d", "c-1", "u-9", "u-2", T0, "hi"),
                adult("u-9"));
        assertNotNull(d.alert());
        assertNotNull(s.alert());
        assertFalse(a.conversation().alerted().isEmpty());

        // when written and read back, then nothing is lost
        assertRoundTrip(a.conversation(), ConversationState.class);
        assertRoundTrip(a.sender(), UserState.class);
        assertRoundTrip(sender, SenderState.class);
        assertRoundTrip(d.state(), DeviceState.class);
        assertRoundTrip(d.alert(), io.vigie.core.contract.Alert.class);
        assertRoundTrip(d.actions().get(0), ActionCommand.class);
    }

    @Test
    void shouldNotWriteDerivedAgeMethodsAsProperties() throws IOException {
        String text = json.writeValueAsString(kid("u-2"));
        assertFalse(text.contains("likelyMinor"), text);
        assertFalse(text.contains("bestAge"), text);
    }

    @Test
    void shouldReadSenderStateStoredBeforeTheFanOutCountExisted() throws IOException {
        // given JSON written with the first seven fields only
        String old = "{\"userId\":\"u-1\",\"minorContacts\":{\"k-1\":\"2026-11-28T20:00:00Z\"},\"newContacts\":[],"
                + "\"knownRecipients\":[\"k-1\"],\"fanOutAlertedAt\":null,\"priorAlerts\":2,\"lastSeen\":null}";

        // when read
        SenderState s = json.readValue(old, SenderState.class);

        // then the added fields take their empty values
        assertEquals(0, s.fanOutAlertedCount());
        assertEquals(2, s.priorAlerts());
        assertEquals(1, s.minorContacts().size());
    }
}
