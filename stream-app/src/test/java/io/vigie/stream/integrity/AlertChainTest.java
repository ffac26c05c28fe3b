package io.vigie.stream.integrity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vigie.core.contract.Action;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.Severity;
import io.vigie.core.contract.Stage;
import io.vigie.stream.integrity.AlertChainReport.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertChainTest {

    private static final Instant T0 = Instant.parse("2026-11-28T20:15:00Z");

    @TempDir
    Path dir;

    @Test
    void shouldStartEveryChainFromSixtyFourZeros() {
        // given an alert that is the first of its partition
        Alert alert = alert(1, "on se voit ce soir");

        // when it is linked with no predecessor
        Alert linked = AlertChain.link(alert, null);

        // then its prevHash is the documented genesis and its hash covers it
        assertEquals("0".repeat(64), AlertChain.GENESIS);
        assertEquals(AlertChain.GENESIS, linked.prevHash());
        assertTrue(AlertChain.isHash(linked.hash()), linked.hash());
        assertEquals(linked.hash(), AlertChain.link(alert, AlertChain.GENESIS).hash());
    }

    @Test
    void shouldGiveTheSameHashForTheSameAlertWhateverItCarriedBefore() {
        Alert alert = alert(2, "dis rien a tes parents");
        Alert once = AlertChain.link(alert, AlertChain.GENESIS);
        Alert again = AlertChain.link(once.withChain("f".repeat(64), "e".repeat(64)), AlertChain.GENESIS);
        assertEquals(once.hash(), again.hash());
    }

    @Test
    void shouldCoverThePreviousHashInTheHash() {
        Alert alert = alert(3, "notre secret");
        String a = AlertChain.link(alert, AlertChain.GENESIS).hash();
        String b = AlertChain.link(alert, "1".repeat(64)).hash();
        assertNotEquals(a, b);
    }

    @Test
    void shouldRefuseAPreviousHashThatIsNotSixtyFourLowerCaseHexDigits() {
        Alert alert = alert(4, "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AlertChain.link(alert, "ABC"));
        assertTrue(e.getMessage().contains("prevHash"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AlertChain.link(alert, "A".repeat(64)));
    }

    @Test
    void shouldWriteTheCanonicalFormAsDocumented() throws Exception {
        // given members out of order, nulls, escapes, non-ASCII and a hash member
        JsonNode tree = AlertChain.MAPPER.readTree(
                "{ \"b\" : 1, \"a\" : \"x\\u0001\\\"é/\\n\", \"n\" : null, \"hash\" : \"zz\","
                        + " \"c\" : [ null, true, {\"z\": -2, \"y\": null, \"B\": false} ], \"prevHash\": \"p\" }");

        // when written canonically
        String canonical = AlertChain.canonicalJson(tree);

        // then: sorted names (UTF-16 order, upper case first), null members gone, array nulls kept,
        // hash gone, prevHash kept, minimal escapes, no whitespace
        assertEquals("{\"a\":\"x\\u0001\\\"é/\\n\",\"b\":1,\"c\":[null,true,{\"B\":false,\"z\":-2}],\"prevHash\":\"p\"}",
                canonical);
    }

    @Test
    void shouldVerifyAnIntactChain() throws Exception {
        // given five chained alerts
        List<String> lines = chainLines(5);
        Path file = write(lines);

        // when verified
        AlertChainReport report = AlertChainVerifier.verify(file);

        // then all five hold in one chain whose head is the last alert's hash
        assertTrue(report.ok(), String.valueOf(report.firstBreak()));
        assertEquals(5, report.alertsChecked());
        assertEquals(1, report.chains());
        assertEquals(List.of(AlertChain.MAPPER.readTree(lines.get(4)).get("hash").asText()), report.heads());
    }

    @Test
    void shouldVerifyInterleavedChainsOfSeveralPartitions() throws Exception {
        // given two partitions' chains, interleaved as a consumer of the whole topic sees them, and a blank line
        List<Alert> p0 = chain(0, 3);
        List<Alert> p1 = chain(100, 3);
        List<String> lines = List.of(json(p0.get(0)), json(p1.get(0)), json(p1.get(1)), "",
                json(p0.get(1)), json(p1.get(2)), json(p0.get(2)));

        AlertChainReport report = AlertChainVerifier.verify(write(lines));

        assertTrue(report.ok(), String.valueOf(report.firstBreak()));
        assertEquals(6, report.alertsChecked());
        assertEquals(2, report.chains());
        assertEquals(2, report.heads().size());
    }

    @Test
    void shouldDetectOneFlippedCharacterOfEvidenceAtItsLine() throws Exception {
        // given an intact chain
        List<String> lines = new ArrayList<>(chainLines(5));
        ObjectNode third = (ObjectNode) AlertChain.MAPPER.readTree(lines.get(2));
        ObjectNode signal = (ObjectNode) third.get("signals").get(0);
        String evidence = signal.get("evidence").asText();

        // when one character of the third alert's evidence is flipped
        signal.put("evidence", evidence.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + evidence.substring(1));
        lines.set(2, AlertChain.MAPPER.writeValueAsString(third));
        AlertChainReport report = AlertChainVerifier.verify(write(lines));

        // then line 3 fails its hash and the two before it were verified
        assertBreak(report, 3, Reason.HASH_MISMATCH);
        assertEquals(2, report.alertsChecked());
    }

    @Test
    void shouldDetectARemovedAlertAtTheNextAlertOfItsChain() throws Exception {
        List<String> lines = new ArrayList<>(chainLines(5));
        lines.remove(2);

        AlertChainReport report = AlertChainVerifier.verify(write(lines));

        // the former fourth alert, now on line 3, names a predecessor that is not there
        assertBreak(report, 3, Reason.BROKEN_LINK);
        assertTrue(report.firstBreak().detail().contains("no earlier alert"), report.firstBreak().detail());
    }

    @Test
    void shouldDetectTwoSwappedAlertsAtTheFirstOfThem() throws Exception {
        List<String> lines = new ArrayList<>(chainLines(5));
        Collections.swap(lines, 1, 2);

        AlertChainReport report = AlertChainVerifier.verify(write(lines));

        assertBreak(report, 2, Reason.BROKEN_LINK);
        assertEquals(1, report.alertsChecked());
    }

    @Test
    void shouldDetectADuplicatedAlert() throws Exception {
        List<String> lines = new ArrayList<>(chainLines(3));
        lines.add(lines.get(1));

        AlertChainReport report = AlertChainVerifier.verify(write(lines));

        assertBreak(report, 4, Reason.BROKEN_LINK);
        assertTrue(report.firstBreak().detail().contains("which line 2 already continued"), report.firstBreak().detail());
    }

    @Test
    void shouldDetectAnAlertRelinkedWithoutRehashing() throws Exception {
        // given the first alert pointed at another predecessor but with its old hash kept
        List<String> lines = new ArrayList<>(chainLines(2));
        ObjectNode first = (ObjectNode) AlertChain.MAPPER.readTree(lines.get(0));
        first.put("prevHash", "a".repeat(64));
        lines.set(0, AlertChain.MAPPER.writeValueAsString(first));

        assertBreak(AlertChainVerifier.verify(write(lines)), 1, Reason.HASH_MISMATCH);
    }

    @Test
    void shouldReportUnparseableAndUnchainedLines() throws Exception {
        List<String> lines = new ArrayList<>(chainLines(2));
        lines.add("{\"alertId\": \"a-9\", \"text\": ");
        assertBreak(AlertChainVerifier.verify(write(lines)), 3, Reason.UNPARSEABLE);

        List<String> unchained = new ArrayList<>(chainLines(1));
        unchained.add(json(alert(7, "salut")));
        AlertChainReport report = AlertChainVerifier.verify(write(unchained));
        assertBreak(report, 2, Reason.UNPARSEABLE);
        assertTrue(report.firstBreak().detail().contains("a-7"), report.firstBreak().detail());

        List<String> duplicateMember = List.of("{\"alertId\":\"a-1\",\"alertId\":\"a-2\"}");
        assertBreak(AlertChainVerifier.verify(write(duplicateMember)), 1, Reason.UNPARSEABLE);
    }

    @Test
    void shouldNotPutMessageTextInTheReason() throws Exception {
        List<String> lines = List.of("{\"alertId\":\"a-1\",\"text\":\"secret words\" oops}");
        AlertChainReport report = AlertChainVerifier.verify(write(lines));
        assertBreak(report, 1, Reason.UNPARSEABLE);
        assertFalse(report.firstBreak().toString().contains("oops"), report.firstBreak().toString());
        assertFalse(report.firstBreak().toString().contains("secret"), report.firstBreak().toString());
    }

    @Test
    void shouldVerifyLinesOfAWriterThatOmitsNullsAndOrdersMembersOtherwise() throws Exception {
        // given the same chain written by a mapper that drops nulls, and with every object's members reversed
        ObjectMapper omitsNulls = JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .build();
        List<String> lines = new ArrayList<>();
        for (Alert a : chain(0, 3)) {
            JsonNode tree = omitsNulls.valueToTree(a);
            lines.add(omitsNulls.writeValueAsString(reversed(tree)));
        }
        assertFalse(lines.get(0).contains("null"), lines.get(0));

        AlertChainReport report = AlertChainVerifier.verify(write(lines));

        assertTrue(report.ok(), String.valueOf(report.firstBreak()));
        assertEquals(3, report.alertsChecked());
    }

    @Test
    void shouldVerifyAlertsAsTheAppsSerdeWritesThem() throws Exception {
        // given a chain written by the mapper of the alerts topic's serde
        List<String> lines = new ArrayList<>();
        for (Alert a : chain(0, 4)) {
            lines.add(io.vigie.stream.serde.Json.MAPPER.writeValueAsString(a));
        }

        // when verified, then it holds: both sides agree on instants, enums and member names
        AlertChainReport report = AlertChainVerifier.verify(write(lines));
        assertTrue(report.ok(), String.valueOf(report.firstBreak()));
        assertEquals(4, report.alertsChecked());

        // and an alert read back by the serde's mapper links to the same hash
        Alert back = io.vigie.stream.serde.Json.MAPPER.readValue(lines.get(2), Alert.class);
        assertEquals(back.hash(), AlertChain.link(back, back.prevHash()).hash());
    }

    @Test
    void shouldAcceptAChainSpreadOverPartitionsOnlyInAnyOrder() throws Exception {
        // given a sender task's chain whose alerts went to two partitions, exported partition 5 first
        List<Alert> sender = chain(200, 3);
        List<Alert> conversation = chain(0, 2);
        List<String> lines = List.of(json(sender.get(1)), json(conversation.get(0)), json(sender.get(0)),
                json(conversation.get(1)), json(sender.get(2)));
        Path file = write(lines);

        // when verified in file order it breaks, with a hint; in any order it holds
        AlertChainReport strict = AlertChainVerifier.verify(file);
        assertBreak(strict, 1, Reason.BROKEN_LINK);
        assertTrue(strict.firstBreak().detail().contains("--any-order"), strict.firstBreak().detail());
        AlertChainReport anyOrder = AlertChainVerifier.verifyAnyOrder(file);
        assertTrue(anyOrder.ok(), String.valueOf(anyOrder.firstBreak()));
        assertEquals(5, anyOrder.alertsChecked());
        assertEquals(2, anyOrder.chains());
        assertEquals(java.util.Set.of(sender.get(2).hash(), conversation.get(1).hash()),
                java.util.Set.copyOf(anyOrder.heads()));
    }

    @Test
    void shouldFindEditedRemovedAndDuplicatedAlertsInAnyOrder() throws Exception {
        List<String> lines = new ArrayList<>(chainLines(5));
        Collections.reverse(lines);

        // an edit fails its hash at its line
        List<String> edited = new ArrayList<>(lines);
        edited.set(3, edited.get(3).replace("on se voit ce soir", "on se voit ce Soir"));
        assertBreak(AlertChainVerifier.verifyAnyOrder(write(edited)), 4, Reason.HASH_MISMATCH);

        // a removal leaves the next alert of the chain pointing at nothing
        List<String> removed = new ArrayList<>(lines);
        removed.remove(2); // the third alert; the fourth (now line 2) continues it
        AlertChainReport r = AlertChainVerifier.verifyAnyOrder(write(removed));
        assertBreak(r, 2, Reason.BROKEN_LINK);
        assertTrue(r.firstBreak().detail().contains("no alert in the file"), r.firstBreak().detail());

        // a copy repeats an alert
        List<String> copied = new ArrayList<>(lines);
        copied.add(lines.get(1));
        assertBreak(AlertChainVerifier.verifyAnyOrder(write(copied)), 6, Reason.BROKEN_LINK);

        // a link to an alert after an unparseable line is not mistaken for a removal
        List<String> garbled = new ArrayList<>(lines);
        garbled.add(2, "{not json");
        assertBreak(AlertChainVerifier.verifyAnyOrder(write(garbled)), 3, Reason.UNPARSEABLE);

        // and in any order, a reordering alone is, by design, not a break
        assertTrue(AlertChainVerifier.verifyAnyOrder(write(lines)).ok());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, AlertChainVerifier.run(write(lines), true, print(out), print(new ByteArrayOutputStream())));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("intact: 5 alerts in 1 chain"), out.toString());
    }

    @Test
    void shouldExitZeroWhenIntactAndOneWithOneLineWhenBroken() throws Exception {
        // given an intact file
        List<String> lines = new ArrayList<>(chainLines(3));
        Path intact = write(lines);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // when verified from the command line
        int code = AlertChainVerifier.run(intact, print(out), print(err));

        // then
        assertEquals(0, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("intact: 3 alerts in 1 chain\n"), out.toString());
        assertEquals("", err.toString(StandardCharsets.UTF_8));

        // given a broken one
        lines.remove(1);
        Path broken = write(lines);
        out.reset();
        int brokenCode = AlertChainVerifier.run(broken, print(out), print(err));
        String reason = err.toString(StandardCharsets.UTF_8);

        // then: exit 1, one line naming the line and the reason
        assertEquals(1, brokenCode);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals(1, reason.lines().count(), reason);
        assertTrue(reason.contains("line 2: broken link:"), reason);
    }

    @Test
    void shouldExitOneWhenTheFileCannotBeRead() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AlertChainVerifier.run(dir.resolve("missing.jsonl"), print(new ByteArrayOutputStream()),
                print(err));
        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot read"), err.toString());
    }

    @Test
    void shouldReportInvalidUtf8AsUnparseable() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        byte[] first = (chainLines(1).get(0) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        byte[] all = new byte[first.length + bad.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(bad, 0, all, first.length, bad.length);
        Files.write(file, all);

        AlertChainReport report = AlertChainVerifier.verify(file);

        assertFalse(report.ok());
        assertEquals(Reason.UNPARSEABLE, report.firstBreak().reason());
    }

    private static void assertBreak(AlertChainReport report, long line, Reason reason) {
        assertFalse(report.ok(), "expected a break at line " + line);
        assertEquals(line, report.firstBreak().line(), report.firstBreak().toString());
        assertEquals(reason, report.firstBreak().reason(), report.firstBreak().toString());
    }

    private static JsonNode reversed(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.properties().forEach(e -> names.add(e.getKey()));
            Collections.reverse(names);
            ObjectNode copy = AlertChain.MAPPER.createObjectNode();
            for (String n : names) {
                copy.set(n, reversed(node.get(n)));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = AlertChain.MAPPER.createArrayNode();
            node.forEach(e -> copy.add(reversed(e)));
            return copy;
        }
        return node;
    }

    private Path write(List<String> lines) throws Exception {
        Path file = Files.createTempFile(dir, "alerts", ".jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static List<String> chainLines(int n) throws Exception {
        List<String> lines = new ArrayList<>();
        for (Alert a : chain(0, n)) {
            lines.add(json(a));
        }
        return lines;
    }

    private static List<Alert> chain(int firstId, int n) {
        List<Alert> out = new ArrayList<>();
        String prev = AlertChain.GENESIS;
        String[] evidence = {"dis rien a tes parents", "on se voit ce soir", "ajoute moi sur snap",
            "t'as quel age", "notre secret"};
        for (int i = 0; i < n; i++) {
            Alert linked = AlertChain.link(alert(firstId + i, evidence[i % evidence.length]), prev);
            out.add(linked);
            prev = linked.hash();
        }
        return out;
    }

    private static String json(Alert a) throws Exception {
        return AlertChain.MAPPER.writeValueAsString(a);
    }

    /** A synthetic, non-explicit alert. */
    private static Alert alert(int i, String evidence) {
        String text = "msg " + i + " " + evidence;
        return new Alert("a-" + i, "m-" + i, "c-1", "u-1", List.of("u-2"), T0.plusSeconds(i),
                T0.plusSeconds(i).plusMillis(7), Severity.HIGH, Action.HOLD, 82,
                List.of(Category.CHILD_GROOMING),
                List.of(new Alert.Signal("grooming.secrecy", Category.CHILD_GROOMING, 25, evidence,
                        text.indexOf(evidence), text.indexOf(evidence) + evidence.length())),
                new Alert.AgeInfo(new Alert.PersonAge(null, 34, null, false),
                        List.of(new Alert.PersonAge("u-2", 18, 13, true))),
                new Alert.ConversationInfo(12, 91, List.of(Stage.TRUST, Stage.SECRECY)),
                "rules-1", text, Alert.Kind.MESSAGE, List.of(), null, null, null, null, null, null);
    }
}
