package io.vigie.stream.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.stream.cli.ModerationCliTest.Result;
import io.vigie.stream.serde.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.vigie.stream.cli.ModerationCliTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 10's gate: {@code eval} with the default pack on the dev set (labelled conversations written outside the
 * team). The set is copied, unchanged, from {@code ../shared/eval} into the test resources so that CI runs it on a
 * clean clone; the copy is checked against the original whenever the original sits beside the repository.
 */
class DevSetTest {

    /** The copy (the working directory of the tests is the module). */
    static final Path COPY = Path.of("src/test/resources/eval/dev");
    /** The original: {@code shared/eval} beside the repository. */
    static final Path SHARED = Path.of("../../shared/eval");
    static final List<String> FILES = List.of("README.md", "harmful.jsonl", "benign.jsonl", "harmful-labels.json",
            "benign-labels.json");

    private static String[] eval(String... more) {
        return Stream.concat(Stream.of("eval",
                "--input", COPY.resolve("harmful.jsonl").toString(), "--input", COPY.resolve("benign.jsonl").toString(),
                "--labels", COPY.resolve("harmful-labels.json").toString(),
                "--labels", COPY.resolve("benign-labels.json").toString()), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void shouldFindNinetyPercentOfEveryCategoryAndAlertOnAtMostThreePercentOfBenignConversations() {
        // when
        Result r = run(eval("--min-recall", "0.90", "--max-fpr", "0.03"));
        // then: the figures per category go to the CI log whatever the outcome
        System.out.print(r.out());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void shouldHoldTheSameThresholdsOnTheHeldOutSetItWasTunedOnToo() {
        // given the second development set (written independently, since tuned on: a regression gate, not an
        // estimate of generalization; the blind set is that, and is never run here)
        assertSetHolds("holdout", "0.90", "0.03");
    }

    /**
     * The later sets, written outside the team. {@code fresh} … {@code fresh10} were tuned on: regression gates at
     * what they measure now, lower than the dev set's because their first runs (untuned) found more that the pack
     * misses. {@code fresh11} … {@code fresh16}: the rules were not tuned on them, the embedded risk model trained on
     * them, so these gates are in-sample for the model (its honest figure on fresh13 is DefaultModelTest's).
     * {@code fresh17} … {@code fresh23}: no rule was written for their conversations, the model trained on them (ninth
     * session), so their gates are in-sample for the model too ({@code fresh22} at 0.85: the eleventh session's model lost
     * one terse u13 photo request, "pic after training?" then "top off" alone, which no rule reads). {@code fresh24} … {@code fresh27}: never read, the model
     * trained on them in the eleventh session (in-sample gates). {@code fresh28} … {@code fresh37}: the
     * model never trained on them; their gates held what they measured at the end of the session that commissioned
     * them (they decided that retraining, and against the next one); the twelfth session then read {@code fresh28} …
     * {@code fresh32} and wrote rules for their misses and false alerts, {@code fresh33} … {@code fresh37} stay unread
     * ({@code fresh35} at 0.08: one more false alert since {@code model.threat} reads weak harm earlier).
     * {@code fresh38} … {@code fresh42} (twelfth session): the model never trained on them; rules were written for the
     * false alerts of {@code fresh39}, {@code fresh40} and {@code fresh42} only; gates at the session's end. Their false alerts are what the rules give on
     * hard benign chat with the model's vetoes ({@code model.plausible}, and the conversation's {@code model.context}).
     * {@code fresh43} and {@code fresh44} (thirteenth session): never read, the model never trained on them; gates at
     * their first runs with the pack's gate ({@code fresh43}'s PROSTITUTION at 6 of 13 is the weakest figure).
     * {@code fresh45} and {@code fresh46} (fourteenth session, both weighted to prostitution and minor sexualization
     * told indirectly): the model never trained on them; {@code fresh45} is never read (gate at its first run,
     * PROSTITUTION 7 of 12), {@code fresh46} was read after its first run (69/74 pairs, 4 false alerts) and rules were
     * written for its misses and false alerts (gate at the session's end). {@code fresh47} (hard benign heavy, never
     * read: gate at its first run) and {@code fresh48} (prostitution, read after its first run at 60/68 pairs, 4
     * false alerts; gate at the session's end), written in the middle of the same session. The model retrained at the
     * end of that session (39 sets, 3 %) moved three unread gates: {@code fresh35}, {@code fresh38} and {@code fresh43}
     * gained recall (their weakest category now 0.69, 0.60 and 0.71: recall gates raised) and one false alert each (the
     * eleven unread sets together: 49 -> 50 of 636 false alerts, 783 -> 804 of 887 pairs).
     * {@code fresh49} … {@code fresh52} (fifteenth session; threats and ambushes, prostitution and minor sexualization
     * told indirectly, SMS spelling across every category, CSAM codewords and adults posing as teens, each with 55
     * hard benign conversations): gates at their first runs (together 296 of 323 pairs, 197 of 200 harmful
     * conversations, 22 of 220 false alerts); {@code fresh50} and {@code fresh52} are never read, {@code fresh49} and
     * {@code fresh51} were read after their first runs. The model retrained at the end of that session (41 sets,
     * dropout 0.2) moved three unread gates down: {@code fresh34} (HATE_HOMOPHOBIC 10 of 15, THREAT 8 of 11),
     * {@code fresh43} (7 false alerts of 55) and {@code fresh50} (MINOR_SEXUALIZATION 7 of 12), while the thirteen
     * unread sets together went from 624 to 632 of 645 harmful conversations and from 61 to 57 of 746 false alerts.
     * {@code fresh53} (hate without slurs, threats told over several messages, minor sexualization; benign side the
     * hardest look-alikes: gay and trans people's own lives, reclaimed words, threats received and reported, parents
     * and teachers) and {@code fresh54} (prostitution, drugging, ambushes and grooming without keywords; benign side
     * real jobs in bars and salons, carers, coaches, sales), sixteenth session: gates at their first runs with the
     * dropout model (77/83 pairs, 13 of 55 false alerts; 76/77, 5 of 55); {@code fresh54} is never read,
     * {@code fresh53} was read after its first run (gate at the session's end: 79/83 pairs, weakest category THREAT
     * 10 of 12, 4 of 55 false alerts).
     * {@code fresh55} (minor sexualization, prostitution, sextortion; benign side parents' and teachers' photos, real
     * massage and hospitality jobs, people asking about scams they received), {@code fresh56} (hate without slurs,
     * outing threats, ambushes on gay dates; benign side counter-speech, reclaimed words, trial news, date safety) and
     * {@code fresh57} (CSAM codewords and storage, grooming without keywords, moves off the platform; benign side
     * collectors, tutors with parents in the loop, ordinary app moves), seventeenth session: first runs 67/72 pairs,
     * 5 of 55 false alerts; 68/73, 10 of 55; 73/78, 5 of 55. {@code fresh57} is never read; {@code fresh55} and
     * {@code fresh56} were read after their first runs (gates at the session's end: 2 and 3 of 55 false alerts).
     * {@code fresh58} (prostitution and threats told indirectly), {@code fresh59} (minor sexualization, grooming without
     * keywords; family chats with children as the benign side) and {@code fresh60} (hate, ambushes, drugging; reclaimed
     * words, counter-speech and role-play as the benign side), written later that session to train a model and kept
     * unread as judges instead when that model was not kept: first runs 73/76 pairs, 6 of 55 false alerts; 72/81
     * (CSAM 4 of 6), 3 of 55; 72/77, 11 of 55.
     * {@code fresh61} (hate without slurs, threats, recruitment told indirectly; gay and trans people among themselves,
     * moderators, counter-speech, debts as the benign side) and {@code fresh62} (grooming and minor sexualization
     * without keywords, ambushes, drugging, CSAM codewords; parents, teachers, coaches, nightlife, game trades as the
     * benign side), eighteenth session, measured before anyone read them: 76/81 pairs (SEXUAL_VIOLENCE 4 of 5), 6 of
     * 55 false alerts; 69/78 (THREAT 5 of 7), 7 of 55. {@code fresh63} (every category; every category's hard
     * look-alike), written late that session and never read: the session's starting build 71/76 pairs, 8 of 55
     * false alerts; its final build 71/76 (HATE_HOMOPHOBIC 7 of 9), 7 of 55. {@code fresh64} (grooming without
     * keywords, drugging, recruitment; shift work, rent, babysitting, nights out and first dates as the benign side)
     * and {@code fresh65} (hate without slurs, sextortion and outing threats, CSAM codewords, ambushes; families and
     * gay and trans people's lives as the benign side), nineteenth session, measured before anyone read them: 78/78
     * pairs, 4 of 55 false alerts; 76/81 (HATE_HOMOPHOBIC 13 of 15), 7 of 55. {@code fresh66} (every category evenly,
     * euphemisms and codewords, doxxing; each harm's hardest look-alike) and {@code fresh67} (the anonymous French chat
     * site's own rooms and their ordinary life), written late that session: the session's starting build and the
     * build of that hour gave the same 67/77 pairs, 9 of 55 false alerts, and 82/88, 3 of 55; with fresh66's false alerts read
     * after that, 67/77 with 3 of 55 there (fresh67 unchanged). {@code fresh68} (English from outside the US, harm
     * implied, gay and trans people's lives as the benign side), {@code fresh69} (regional and African French,
     * sextortion, recruitment, drugging; families and work as the benign side), {@code fresh70} (young people's
     * spaces: slow grooming, sextortion of teenagers, bullying) and {@code fresh71} (adult rooms: ambushes,
     * recruitment for a drugged woman, pimping), twentieth session, measured before anyone read them with the
     * session's starting build: 67/77 pairs, 5 of 55 false alerts; 67/75, 5 of 55; 88/97, 7 of 55; 89/94, 1 of 55.
     * Once read: 70/77, 3; 69/75, 2; 92/97, 5; 90/94, 0. {@code fresh72} (gaming, streaming and fan communities),
     * {@code fresh73} (dating and meeting rooms, general and LGBT), {@code fresh74} (marketplaces, job and housing
     * offers) and {@code fresh75} (the old anonymous general chat, rooms by age and region), twenty-first session,
     * measured before anyone read them with the session's starting build: 77/83 pairs, 6 of 55 false alerts; 83/92,
     * 4; 80/88, 6; 74/75, 9. Once read: 79/83, 1; 83/92, 3; 83/88, 2; 74/75, 4. {@code fresh76} (school, club and
     * family group chats), {@code fresh77} (nightlife, festivals and parties), {@code fresh78} (diaspora and migrant
     * communities) and {@code fresh79} (short conversations in heavy slang, every category alike), written in the
     * middle of that session and measured unread with both its starting build and the build of that hour (the same
     * figures: 75/83, 1 of 55; 70/77, 3; 68/81, 7; 72/79, 8). Once read: 77/83, 0; 70/77, 3; 68/81, 5; 73/79, 8.
     * {@code fresh80} (sport, fitness and health communities), {@code fresh81} (city and regional rooms),
     * {@code fresh82} (work, money and side hustles) and {@code fresh83} (late-night and teen rooms), twenty-second
     * session, never read: the session's starting build gave 79/85 pairs, 8 of 55 false alerts; 76/84, 2; 74/78, 6;
     * 85/87, 6; the build that holds a lone weak first alert for corroboration 79/85, 6; 75/84, 1; 72/78, 4; 85/87, 5
     * (the gates). That session also tightened every gate's false-alert bound to what holding gave, and lowered five
     * recall bounds by the one pair each that holding costs there (fresh14, fresh16, fresh50, fresh75, fresh79).
     * Read in the twenty-third session: 81/85, 4; 80/84, 1; 75/78, 1; 86/87, 3 (the gates). {@code fresh84} (dating
     * and LGBT+ rooms), {@code fresh85} (gaming, streaming and servers), {@code fresh86} (nightlife, parties and
     * couples) and {@code fresh87} (classifieds, housing, modelling and beauty), twenty-third session, never read:
     * the session's starting build gave 69/78 pairs, 5 of 55 false alerts; 79/86, 5; 73/77, 2; 78/85, 4; its final
     * build (the rules read from fresh80 … fresh83) 70/78, 5; 79/86, 5; 73/77, 2; 78/85, 4 (the gates).
     * {@code fresh88} (faith, community and family groups), {@code fresh89} (school and university), {@code fresh90}
     * (buying, selling and renting) and {@code fresh91} (French and English mixed, badly typed), written at the end of
     * the twenty-third session and measured unread with its final build: 69/76, 4; 82/88, 1; 70/81, 2; 64/69, 3. Read
     * in the twenty-fourth session: 73/76, 3; 87/88, 0; 79/81, 1; 67/69, 1 (the gates). {@code fresh92} (sports clubs,
     * coaching and supporters), {@code fresh93} (work and gig-economy chats), {@code fresh94} (anonymous random-chat
     * and regional rooms) and {@code fresh95} (travel, camps and festivals, short conversations), twenty-fourth
     * session, never read: its starting build and its final build gave the same figures, 71/75, 3; 68/74, 0; 84/86,
     * 5; 69/85, 3. Read in the twenty-fifth session: 75/75, 1; 72/74, 0; 85/86, 2; 81/85, 3 (the gates). {@code
     * fresh96} (school life, homework and class chats), {@code fresh97} (faith communities, neighbourhood and family
     * groups), {@code fresh98} (marketplaces, small ads and odd jobs) and {@code fresh99} (creators and fan
     * communities), twenty-fifth session, never read: its starting build and its final build gave the same figures,
     * 73/79, 0; 65/74, 0; 74/83, 4; 78/84, 3 (the gates).
     */
    @ParameterizedTest(name = "{0}: recall >= {1}, false alerts <= {2}")
    @CsvSource({
        "fresh, 0.90, 0.00", "fresh2, 0.70, 0.02", "fresh3, 0.75, 0.03", "fresh4, 0.70, 0.05",
        "fresh5, 0.40, 0.06", "fresh6, 0.55, 0.07", "fresh7, 0.45, 0.05", "fresh8, 0.70, 0.04",
        "fresh9, 0.30, 0.10", "fresh10, 0.65, 0.00",
        "fresh11, 0.90, 0.00", "fresh12, 0.90, 0.00", "fresh13, 0.90, 0.00", "fresh14, 0.80, 0.00",
        "fresh15, 0.90, 0.00", "fresh16, 0.80, 0.00",
        "fresh17, 0.90, 0.00", "fresh18, 0.90, 0.02", "fresh19, 0.90, 0.00", "fresh20, 0.90, 0.00",
        "fresh21, 0.90, 0.02", "fresh22, 0.85, 0.04", "fresh23, 0.90, 0.00",
        "fresh24, 0.90, 0.04", "fresh25, 0.90, 0.08", "fresh26, 0.90, 0.04", "fresh27, 0.90, 0.12",
        "fresh28, 0.55, 0.07", "fresh29, 0.75, 0.16", "fresh30, 0.70, 0.08", "fresh31, 0.55, 0.07",
        "fresh32, 0.65, 0.13", "fresh33, 0.45, 0.04", "fresh34, 0.65, 0.00", "fresh35, 0.65, 0.02",
        "fresh36, 0.70, 0.00", "fresh37, 0.45, 0.02",
        "fresh38, 0.55, 0.02", "fresh39, 0.85, 0.09", "fresh40, 0.75, 0.08", "fresh41, 0.65, 0.05",
        "fresh42, 0.70, 0.15", "fresh43, 0.70, 0.04", "fresh44, 0.80, 0.04",
        "fresh45, 0.55, 0.02", "fresh46, 0.90, 0.04", "fresh47, 0.75, 0.00", "fresh48, 0.90, 0.06",
        "fresh49, 0.80, 0.06", "fresh50, 0.50, 0.00", "fresh51, 0.75, 0.10", "fresh52, 0.75, 0.02",
        "fresh53, 0.80, 0.06", "fresh54, 0.85, 0.04",
        "fresh55, 0.85, 0.02", "fresh56, 0.70, 0.00", "fresh57, 0.70, 0.08",
        "fresh58, 0.80, 0.00", "fresh59, 0.65, 0.00", "fresh60, 0.85, 0.06",
        "fresh61, 0.75, 0.00", "fresh62, 0.70, 0.04", "fresh63, 0.75, 0.10",
        "fresh64, 0.90, 0.00", "fresh65, 0.85, 0.04", "fresh66, 0.65, 0.04", "fresh67, 0.65, 0.04",
        "fresh68, 0.80, 0.04", "fresh69, 0.70, 0.02", "fresh70, 0.75, 0.08", "fresh71, 0.80, 0.00",
        "fresh72, 0.80, 0.00", "fresh73, 0.70, 0.02", "fresh74, 0.75, 0.02", "fresh75, 0.80, 0.04",
        "fresh76, 0.65, 0.00", "fresh77, 0.65, 0.02", "fresh78, 0.70, 0.06", "fresh79, 0.70, 0.10",
        "fresh80, 0.80, 0.08", "fresh81, 0.90, 0.02", "fresh82, 0.85, 0.02", "fresh83, 0.85, 0.06",
        "fresh84, 0.60, 0.10", "fresh85, 0.80, 0.10", "fresh86, 0.75, 0.04", "fresh87, 0.75, 0.08",
        "fresh88, 0.80, 0.06", "fresh89, 0.90, 0.00", "fresh90, 0.85, 0.02", "fresh91, 0.85, 0.02",
        "fresh92, 1.00, 0.02", "fresh93, 0.80, 0.00", "fresh94, 0.80, 0.04", "fresh95, 0.85, 0.06",
        "fresh96, 0.60, 0.00", "fresh97, 0.60, 0.00", "fresh98, 0.65, 0.08", "fresh99, 0.80, 0.06",
    })
    void shouldKeepWhatTheFreshSetsTaughtTheEngine(String set, String minRecall, String maxFpr) {
        assertSetHolds(set, minRecall, maxFpr);
    }

    /** Runs {@code eval} on a labelled set beside the dev copy; fails under either threshold. */
    private static void assertSetHolds(String name, String minRecall, String maxFpr) {
        List<String> args = new java.util.ArrayList<>(List.of("eval", "--min-recall", minRecall, "--max-fpr", maxFpr));
        args.addAll(EvalSets.inputsAndLabels(List.of(name)));
        Result r = run(args.toArray(String[]::new));
        System.out.print(r.out());
        assertEquals(0, r.code(), name + ": " + r.err());
    }

    @Test
    void shouldScoreEveryLabelledConversationOfTheDevSet(@TempDir Path dir) throws Exception {
        // when: no threshold
        Path json = dir.resolve("dev.json");
        Result r = run(eval("--json", json.toString()));
        System.out.print(r.out());
        // then: every label found its conversation and its first flagged message in the merged input
        assertEquals(0, r.code(), r.err());
        JsonNode result = Json.MAPPER.readTree(json.toFile());
        assertEquals(0, result.get("warnings").size(), result.get("warnings").toString());
        assertEquals(0, result.get("unlabelledConversations").asInt());
        assertEquals(85, result.get("harmfulAlerted").get("of").asInt());
        assertEquals(70, result.get("benignAlerted").get("of").asInt());
        assertEquals(1_685, result.get("lines").asLong());
        Map<String, Integer> labelled = new TreeMap<>();
        for (JsonNode c : result.get("categories")) {
            labelled.put(c.get("category").asText(), c.get("recall").get("of").asInt());
            assertEquals(0, c.get("delay").get("unknown").asInt(), c.toString());
        }
        // the dev set's README: conversations per category, co-labels included
        assertEquals(new TreeMap<>(Map.of("CHILD_GROOMING", 17, "MINOR_SEXUALIZATION", 10, "CSAM", 11, "AMBUSH", 12,
                "HATE_HOMOPHOBIC", 21, "SEXUAL_VIOLENCE", 11, "PROSTITUTION", 12, "OFF_PLATFORM", 29, "THREAT", 16)),
                labelled);
    }

    @Test
    void shouldKeepTheCopyByteIdenticalToTheSharedDevSet() throws Exception {
        assumeTrue(Files.isDirectory(SHARED), "no " + SHARED.toAbsolutePath().normalize() + " beside the repository");
        for (String f : FILES) {
            assertTrue(Files.isRegularFile(COPY.resolve(f)), f + " is copied");
            assertArrayEquals(Files.readAllBytes(SHARED.resolve(f)), Files.readAllBytes(COPY.resolve(f)),
                    f + " differs from " + SHARED.resolve(f) + ": copy it again, unchanged");
        }
    }
}
