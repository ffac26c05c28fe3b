package io.vigie.stream.demo;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertPrinterTest {

    private static final String ALERT = """
            {"alertId":"a-1","messageId":"m-7","conversationId":"c-1","senderId":"u-1",
             "recipientIds":["u-2"],"sentAt":"2026-11-28T20:15:00Z","severity":"HIGH","action":"HOLD","score":82,
             "categories":["CHILD_GROOMING","OFF_PLATFORM"],
             "signals":[{"ruleId":"grooming.secrecy","category":"CHILD_GROOMING","score":25,"start":4,"end":26},
                        {"ruleId":"offplatform.snap","category":"OFF_PLATFORM","score":10,"start":31,"end":35}],
             "age":{"sender":{"userId":"u-1","declared":34,"stated":null,"likelyMinor":false},
                    "recipients":[{"userId":"u-2","declared":18,"stated":13,"likelyMinor":true}]},
             "conversation":{"messages":12,"riskScore":91,"stages":["TRUST","SECRECY"]},
             "text":"ok, dis rien a tes parents, va snap", "futureField":1}
            """;

    @Test
    void shouldBracketEveryEvidenceSpanWhenNotATerminal() {
        // given a plain-text printer
        AlertPrinter printer = new AlertPrinter(false);

        // when it renders an alert with two signals
        String out = printer.render(ALERT.getBytes(StandardCharsets.UTF_8));

        // then the evidence is bracketed at the signal offsets, and who, ages, categories and action are shown
        assertTrue(out.contains("\u201cok, [dis rien a tes parents], va [snap]\u201d"), out);
        assertTrue(out.startsWith("HIGH     CHILD_GROOMING, OFF_PLATFORM  → HOLD  score 82"), out);
        assertTrue(out.contains("u-1 (declared 34) → u-2 (declared 18, says 13, likely minor)"), out);
        assertFalse(out.contains("\u001b"), "no ANSI escape without a terminal");
    }

    @Test
    void shouldColourSeverityAndInvertEvidenceOnATerminal() {
        String out = new AlertPrinter(true).render(ALERT.getBytes(StandardCharsets.UTF_8));
        assertTrue(out.startsWith("\u001b[1;31mHIGH"), out);
        assertTrue(out.contains("\u001b[1;7mdis rien a tes parents\u001b[0m"), out);
    }

    @Test
    void shouldMergeOverlappingSpansClampOffsetsAndNeutraliseControlCharacters() {
        String alert = """
                {"severity":"LOW","action":"REVIEW","categories":["THREAT"],"text":"abc\\u001b[2Jdefgh",
                 "signals":[{"start":1,"end":3},{"start":2,"end":5},{"start":9,"end":99},{"start":-4,"end":0}]}
                """;
        String out = new AlertPrinter(false).render(alert.getBytes(StandardCharsets.UTF_8));
        assertTrue(out.contains("\u201ca[bc\u2400[]2Jde[fgh]\u201d"), out);
    }

    @Test
    void shouldNotFailOnAnAlertThatIsNotJson() {
        assertEquals("(an alert that is not valid JSON: 3 bytes)\n\n",
                new AlertPrinter(false).render("{{{".getBytes(StandardCharsets.UTF_8)));
    }
}
