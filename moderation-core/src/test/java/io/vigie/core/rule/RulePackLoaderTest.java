package io.vigie.core.rule;

import io.vigie.core.load.LoadError;
import io.vigie.core.load.LoadException;
import io.vigie.core.cue.CueModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RulePackLoaderTest {

    private static final String GOOD = """
            rules:
              - id: test.secrecy
                description: secrecy
                categories: [CHILD_GROOMING]
                score: 20
                when:
                  all: [grooming.secrecy]
                examples:
                  fire: ["dis rien à tes parents"]
                  pass: ["bonjour"]
            """;

    private final CueModel model = new FakeCueModel();

    @TempDir
    Path dir;

    @Test
    void shouldLoadAValidPackAndNameItsVersionAfterTheFolder() throws Exception {
        // given
        write("a.yaml", GOOD);

        // when
        RulePack pack = RulePackLoader.load(dir, model);

        // then
        assertEquals(List.of("test.secrecy"), pack.ruleIds());
        assertTrue(pack.version().startsWith(dir.getFileName() + "@"), pack.version());
        assertEquals(dir.getFileName().toString().length() + 13, pack.version().length());
    }

    @Test
    void shouldChangeVersionWhenContentChanges() throws Exception {
        // given
        write("a.yaml", GOOD);
        String before = RulePackLoader.load(dir, model).version();

        // when
        write("a.yaml", GOOD.replace("score: 20", "score: 25"));
        String after = RulePackLoader.load(dir, model).version();

        // then
        assertNotEquals(before, after);
        assertEquals(after, RulePackLoader.load(dir, model).version());
    }

    @Test
    void shouldSuggestTheKeyWhenAKeyIsMisspelled() throws Exception {
        // given
        write("a.yaml", GOOD.replace("score: 20", "scroe: 20"));

        // when
        LoadException e = assertThrows(LoadException.class, () -> RulePackLoader.load(dir, model));

        // then
        LoadError unknown = find(e, "unknown key 'scroe'");
        assertEquals(5, unknown.line());
        assertEquals(5, unknown.column());
        assertEquals("did you mean 'score'?", unknown.hint());
        assertTrue(unknown.toString().endsWith("a.yaml:5:5: unknown key 'scroe' (hint: did you mean 'score'?)"),
                unknown.toString());
        find(e, "missing key 'score'");
    }

    @Test
    void shouldCollectEveryErrorOfEveryFileAtOnce() throws Exception {
        // given
        write("a.yaml", """
                rules:
                  - id: bad.cue
                    description: unknown cue and category
                    categories: [CHILD_GROMING]
                    score: 120
                    stage: SECRET
                    when:
                      all: [grooming.secrecyy]
                  - description: no id
                    categories: [THREAT]
                    score: 10
                    when:
                      any: [threat.harm]
                  - id: bad.regex
                    categories: [THREAT]
                    score: 10
                    when:
                      any: [threat.harm]
                      regex: '(unclosed'
                """);
        write("b.yaml", GOOD);
        write("c.yaml", GOOD);

        // when
        LoadException e = assertThrows(LoadException.class, () -> RulePackLoader.load(dir, model));

        // then
        assertEquals("did you mean 'CHILD_GROOMING'?", find(e, "unknown category 'CHILD_GROMING'").hint());
        assertEquals(4, find(e, "unknown category").line());
        assertEquals("did you mean 'grooming.secrecy'?", find(e, "unknown cue 'grooming.secrecyy'").hint());
        assertEquals(8, find(e, "unknown cue").line());
        assertEquals("did you mean 'SECRECY'?", find(e, "unknown stage 'SECRET'").hint());
        assertEquals(5, find(e, "score 120 is out of range").line());
        assertEquals(9, find(e, "missing key 'id'").line());
        assertEquals(14, find(e, "missing key 'description'").line());
        assertEquals(19, find(e, "bad regex").line());
        LoadError dup = find(e, "duplicate rule id 'test.secrecy'");
        assertTrue(dup.file().endsWith("c.yaml") && dup.hint().contains("b.yaml:2"), dup.toString());
        assertTrue(e.errors().size() >= 8, e.errors().toString());
    }

    @Test
    void shouldReportYamlSyntaxErrorsWithTheirLine() throws Exception {
        // given
        write("a.yaml", "rules:\n  - id: x.y\n    description: [unclosed\n");

        // when
        LoadException e = assertThrows(LoadException.class, () -> RulePackLoader.load(dir, model));

        // then
        LoadError err = find(e, "YAML syntax error");
        assertTrue(err.line() >= 3, err.toString());
    }

    @Test
    void shouldRefuseAFileOverTheSizeLimit() throws Exception {
        // given
        write("a.yaml", GOOD);
        write("big.yaml", "# " + "x".repeat(2 << 20) + "\n" + GOOD);

        // when
        LoadException e = assertThrows(LoadException.class, () -> RulePackLoader.load(dir, model));

        // then
        assertTrue(find(e, "over the limit").file().endsWith("big.yaml"));
    }

    @Test
    void shouldRefuseRulesWithoutCuesAndEvidenceOutsideTheirCues() throws Exception {
        // given
        write("a.yaml", """
                rules:
                  - id: ctx.only
                    description: context alone
                    categories: [CHILD_GROOMING]
                    score: 10
                    when:
                      recipientLikelyMinor: true
                  - id: ev.outside
                    description: evidence outside cues
                    categories: [THREAT]
                    score: 10
                    evidence: grooming.secrecy
                    when:
                      any: [threat.harm]
                """);

        // when
        LoadException e = assertThrows(LoadException.class, () -> RulePackLoader.load(dir, model));

        // then
        find(e, "at least one cue");
        find(e, "evidence cue 'grooming.secrecy' is not among");
    }

    @Test
    void shouldRefuseAMissingOrEmptyFolder() throws Exception {
        // given
        Path missing = dir.resolve("nope");

        // when / then
        assertThrows(LoadException.class, () -> RulePackLoader.load(missing, model));
        LoadException empty = assertThrows(LoadException.class, () -> RulePackLoader.load(dir, model));
        find(empty, "no rule file");
    }

    @Test
    void shouldRejectRegexWithUpperCaseBecauseItRunsOnFoldedText() throws Exception {
        // given
        write("a.yaml", GOOD.replace("all: [grooming.secrecy]", "all: [grooming.secrecy]\n      regex: 'Parents'"));

        // when
        LoadException e = assertThrows(LoadException.class, () -> RulePackLoader.load(dir, model));

        // then
        assertTrue(find(e, "upper case").hint().contains("'parents'"));
    }

    @Test
    void shouldReportExamplesThatMisbehaveWithTheirLine() throws Exception {
        // given a fire example that cannot fire and a pass example that does
        write("a.yaml", GOOD.replace("fire: [\"dis rien à tes parents\"]", "fire: [\"bonjour\"]")
                .replace("pass: [\"bonjour\"]", "pass: [\"notre secret\"]"));

        // when
        RuleTester.Report report = RuleTester.test(dir, model);

        // then
        assertEquals(2, report.failures().size());
        assertEquals(9, report.failures().get(0).line());
        assertTrue(report.failures().get(0).expectFire());
        assertTrue(report.describe().endsWith("1 rules, 2 examples, 2 failed\n"), report.describe());
        assertTrue(report.describe().contains("a.yaml:10: rule 'test.secrecy' should not fire on \"notre secret\""),
                report.describe());
    }

    @Test
    void shouldCountOnlyEarlierMessagesInAnEarlierWindow() throws Exception {
        // given "a second secrecy request": the message scored must not satisfy its own window
        write("a.yaml", """
                rules:
                  - id: test.second_secrecy
                    description: secrecy asked again by the same writer
                    categories: [CHILD_GROOMING]
                    score: 20
                    when:
                      any: [grooming.secrecy]
                      window: {any: [grooming.secrecy], by: same, messages: 4, earlier: true}
                    examples:
                      fire: [{text: "dis rien à tes parents", before: [{text: "notre secret", by: same}]}]
                      pass:
                        - "dis rien à tes parents, notre secret"
                        - {text: "dis rien à tes parents", before: [{text: "notre secret", by: other}]}
                """);

        // when
        RuleTester.Report report = RuleTester.test(dir, model);

        // then
        assertTrue(report.failures().isEmpty(), report.describe());
        assertTrue(report.describe().endsWith("1 rules, 3 examples, 0 failed\n"), report.describe());
    }

    @Test
    void shouldCheckARuleHeldByItsWindowAloneOnEveryMessageEvenOneWithoutCues() throws Exception {
        // given "the writer of a threat does not take it back": the answer may carry no cue at all
        write("a.yaml", """
                rules:
                  - id: test.stands_by_it
                    description: a threat, the other side objects, the writer does not take it back
                    categories: [THREAT]
                    score: 60
                    when:
                      none: [speech.counter]
                      window:
                        - {any: [threat.harm], by: same, messages: 4, earlier: true}
                        - {any: [grooming.secrecy], by: other, messages: 1, earlier: true}
                    examples:
                      fire:
                        - {text: "we will see", before: ["je sais où tu habites", {text: "notre secret", by: other}]}
                      pass:
                        - {text: "we will see, that's homophobic", before: ["je sais où tu habites", {text: "notre secret", by: other}]}
                        - {text: "we will see", before: ["je sais où tu habites", {text: "notre secret", by: same}]}
                        - {text: "we will see", before: [{text: "je sais où tu habites", by: other}, {text: "notre secret", by: other}]}
                        - "je sais où tu habites"
                """);

        // when
        RuleTester.Report report = RuleTester.test(dir, model);

        // then the rule loads, fires on a message with no cue, and its vetoes and windows hold
        assertTrue(report.failures().isEmpty(), report.describe());
        assertTrue(report.describe().endsWith("1 rules, 5 examples, 0 failed\n"), report.describe());
    }

    @Test
    void shouldRefuseAWindowOnlyRuleWhoseWindowOnlyVetoes() throws Exception {
        // given a rule with neither message cues nor a window cue it requires: it would fire on every message
        write("a.yaml", """
                rules:
                  - id: test.vetoes_only
                    description: nothing required
                    categories: [THREAT]
                    score: 10
                    when:
                      window: {none: [speech.counter], by: any}
                """);

        // when
        LoadException e = assertThrows(LoadException.class, () -> RulePackLoader.load(dir, model));

        // then
        find(e, "or a window clause that requires one");
    }

    @Test
    void shouldCountMessagesNotCuesInAMinWindow() throws Exception {
        // given "secrecy asked in three messages of the last five", the current one included
        write("a.yaml", """
                rules:
                  - id: test.third_secrecy
                    description: secrecy asked over and over
                    categories: [CHILD_GROOMING]
                    score: 20
                    when:
                      any: [grooming.secrecy]
                      window: {any: [grooming.secrecy], min: 3, by: any, messages: 4}
                    examples:
                      fire:
                        - {text: "dis rien à tes parents", before: ["notre secret", {text: "efface la conv", by: other}]}
                      pass:
                        - {text: "dis rien à tes parents", before: ["notre secret, efface la conv"]}
                        - {text: "dis rien à tes parents", before: ["notre secret", "salut", "ça va", "bof", "et toi", "efface la conv"]}
                """);

        // when
        RuleTester.Report report = RuleTester.test(dir, model);

        // then: two cues in one earlier message count once; a message beyond the window does not count
        assertTrue(report.failures().isEmpty(), report.describe());
        assertTrue(report.describe().endsWith("1 rules, 3 examples, 0 failed\n"), report.describe());
    }

    @Test
    void shouldRefuseAMinWithoutAnyOrBeyondTheWindow() throws Exception {
        // given
        write("a.yaml", GOOD.replace("      all: [grooming.secrecy]",
                "      all: [grooming.secrecy]\n      window: {all: [grooming.secrecy], min: 2}"));
        LoadException without = assertThrows(LoadException.class, () -> RulePackLoader.load(dir, model));
        write("a.yaml", GOOD.replace("      all: [grooming.secrecy]",
                "      all: [grooming.secrecy]\n      window: {any: [grooming.secrecy], min: 6, messages: 4}"));
        LoadException beyond = assertThrows(LoadException.class, () -> RulePackLoader.load(dir, model));

        // then
        find(without, "'min' without 'any'");
        find(beyond, "min 6 is out of range");
    }

    @Test
    void shouldCheckTheFilesGateOnEveryRuleFromItsFirstMessageOnUnlessTheRuleOptsOut() throws Exception {
        // given a file-wide veto "secrecy somewhere in the last 12 messages, from the conversation's 3rd message on"
        write("a.yaml", """
                gate:
                  window: {any: [grooming.secrecy], by: any, messages: 12, from: 3}
                rules:
                  - id: test.gated
                    description: a threat, under the file's gate
                    categories: [THREAT]
                    score: 40
                    when:
                      all: [threat.harm]
                    examples:
                      fire:
                        - "je sais où tu habites"
                        - {text: "je sais où tu habites", before: ["salut"]}
                        - {text: "je sais où tu habites", before: ["notre secret", "salut"]}
                      pass:
                        - {text: "je sais où tu habites", before: ["salut", "ça va"]}
                        - {text: "je sais où tu habites", before: ["notre secret", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"]}
                  - id: test.ungated
                    description: the same threat, out of the gate
                    categories: [THREAT]
                    score: 40
                    gate: false
                    when:
                      all: [threat.harm]
                    examples:
                      fire: [{text: "je sais où tu habites", before: ["salut", "ça va"]}]
                """);

        // when
        RuleTester.Report report = RuleTester.test(dir, model);

        // then the gate holds on the first two messages, vetoes from the third without the cue, and only there
        assertTrue(report.failures().isEmpty(), report.describe());
        assertTrue(report.describe().endsWith("2 rules, 6 examples, 0 failed\n"), report.describe());
    }

    @Test
    void shouldRefuseAGateThatIsNotAWindowAndAFromOutOfRange() throws Exception {
        // given
        write("a.yaml", "gate: [model.plausible]\n" + GOOD);
        LoadException list = assertThrows(LoadException.class, () -> RulePackLoader.load(dir, model));
        write("a.yaml", "gate: {windows: {any: [grooming.secrecy]}}\n" + GOOD);
        LoadException misspelled = assertThrows(LoadException.class, () -> RulePackLoader.load(dir, model));
        write("a.yaml", "gate: {window: {any: [grooming.secrecy], from: 0}}\n" + GOOD);
        LoadException zero = assertThrows(LoadException.class, () -> RulePackLoader.load(dir, model));
        write("a.yaml", GOOD.replace("score: 20", "score: 20\n    gate: sometimes"));
        LoadException notBoolean = assertThrows(LoadException.class, () -> RulePackLoader.load(dir, model));

        // then each is refused at its line with the reason
        assertEquals(1, find(list, "'gate' must be a mapping").line());
        assertEquals(1, find(misspelled, "unknown key 'windows'").line());
        find(misspelled, "a gate needs 'window'");
        assertEquals(1, find(zero, "from 0 is out of range").line());
        assertEquals(6, find(notBoolean, "gate").line());
    }

    @Test
    void shouldRefuseAnEarlierFlagThatIsNotABoolean() throws Exception {
        // given
        write("a.yaml", GOOD.replace("      all: [grooming.secrecy]",
                "      all: [grooming.secrecy]\n      window: {any: [grooming.secrecy], earlier: yes please}"));

        // when
        LoadException e = assertThrows(LoadException.class, () -> RulePackLoader.load(dir, model));

        // then
        assertEquals(8, find(e, "earlier").line());
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private static LoadError find(LoadException e, String reasonPart) {
        return e.errors().stream().filter(r -> r.reason().contains(reasonPart)).findFirst()
                .orElseThrow(() -> new AssertionError("no error containing '" + reasonPart + "' in " + e.errors()));
    }
}
