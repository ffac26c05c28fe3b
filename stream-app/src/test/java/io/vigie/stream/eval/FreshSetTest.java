package io.vigie.stream.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.contract.Profile;
import io.vigie.stream.config.ModerationConfig;
import io.vigie.stream.replay.Replayer;
import io.vigie.stream.serde.InputReader;
import io.vigie.stream.serde.Json;
import io.vigie.stream.serde.Parsed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Integrity of the fresh sets ({@code eval/fresh}, {@code eval/fresh2} to {@code eval/fresh99}, written outside the team for issue 10, each newer one measured before it was tuned on): every
 * line reads as the topology reads it, every conversation is labelled and every label finds its conversation and its
 * first flagged message, ids cannot collide with the other sets. Structure only: the engine never runs here, so no score is computed
 * (the scores are gates in {@code DevSetTest}). {@code src/make_set.py --check} in each set checks the same and more
 * where Python is at hand.
 */
class FreshSetTest {

    private static final Path EVAL = Path.of("src/test/resources/eval");

    /**
     * One set: its folder, its id prefixes and the counts its README gives.
     *
     * @param harmfulCounts conversations, messages, profiles of {@code harmful.jsonl}
     * @param benignCounts  the same for {@code benign.jsonl}
     */
    record Spec(String name, String conversationPrefix, String userPrefix, List<Integer> harmfulCounts,
                List<Integer> benignCounts, int labelledLines, Map<Category, Integer> perCategory) {
        Path dir() {
            return EVAL.resolve(name);
        }

        Path harmful() {
            return dir().resolve("harmful.jsonl");
        }

        Path benign() {
            return dir().resolve("benign.jsonl");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Spec> sets() {
        return List.of(
                new Spec("fresh", "fr", "u-fr", List.of(66, 657, 163), List.of(78, 537, 183), 820 + 720,
                        Map.of(Category.CHILD_GROOMING, 21, Category.MINOR_SEXUALIZATION, 13, Category.CSAM, 6,
                                Category.AMBUSH, 7, Category.HATE_HOMOPHOBIC, 10, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 7, Category.OFF_PLATFORM, 34, Category.THREAT, 14)),
                new Spec("fresh2", "f2", "u-f2", List.of(69, 419, 161), List.of(92, 469, 200), 580 + 669,
                        Map.of(Category.CHILD_GROOMING, 17, Category.MINOR_SEXUALIZATION, 12, Category.CSAM, 8,
                                Category.AMBUSH, 7, Category.HATE_HOMOPHOBIC, 15, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 8, Category.OFF_PLATFORM, 26, Category.THREAT, 16)),
                new Spec("fresh3", "f3", "u-f3", List.of(78, 426, 182), List.of(100, 450, 228), 608 + 678,
                        Map.of(Category.CHILD_GROOMING, 12, Category.MINOR_SEXUALIZATION, 11, Category.CSAM, 10,
                                Category.AMBUSH, 8, Category.HATE_HOMOPHOBIC, 14, Category.SEXUAL_VIOLENCE, 8,
                                Category.PROSTITUTION, 10, Category.OFF_PLATFORM, 23, Category.THREAT, 24)),
                new Spec("fresh4", "f4", "u-f4", List.of(59, 304, 133), List.of(70, 297, 159), 437 + 456,
                        Map.of(Category.CHILD_GROOMING, 10, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 6,
                                Category.AMBUSH, 7, Category.HATE_HOMOPHOBIC, 12, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 8, Category.OFF_PLATFORM, 20, Category.THREAT, 17)),
                new Spec("fresh5", "f5", "u-f5", List.of(63, 379, 154), List.of(70, 314, 178), 533 + 492,
                        Map.of(Category.CHILD_GROOMING, 10, Category.MINOR_SEXUALIZATION, 5, Category.CSAM, 7,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 11, Category.SEXUAL_VIOLENCE, 7,
                                Category.PROSTITUTION, 7, Category.OFF_PLATFORM, 16, Category.THREAT, 15)),
                new Spec("fresh6", "f6", "u-f6", List.of(48, 258, 113), List.of(50, 203, 109), 371 + 312,
                        Map.of(Category.CHILD_GROOMING, 6, Category.MINOR_SEXUALIZATION, 5, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 9, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 16, Category.THREAT, 13)),
                new Spec("fresh7", "f7", "u-f7", List.of(44, 235, 110), List.of(46, 186, 103), 345 + 289,
                        Map.of(Category.CHILD_GROOMING, 5, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 5,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 9, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 11, Category.THREAT, 12)),
                new Spec("fresh8", "f8", "u-f8", List.of(52, 279, 130), List.of(55, 243, 142), 409 + 385,
                        Map.of(Category.CHILD_GROOMING, 8, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 6,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 12, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 6, Category.OFF_PLATFORM, 16, Category.THREAT, 12)),
                new Spec("fresh9", "f9", "u-f9", List.of(50, 400, 143), List.of(55, 332, 167), 543 + 499,
                        Map.of(Category.CHILD_GROOMING, 7, Category.MINOR_SEXUALIZATION, 6, Category.CSAM, 6,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 11, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 6, Category.OFF_PLATFORM, 15, Category.THREAT, 11)),
                new Spec("fresh10", "g0", "u-g0", List.of(50, 311, 112), List.of(55, 234, 127), 423 + 361,
                        Map.of(Category.CHILD_GROOMING, 5, Category.MINOR_SEXUALIZATION, 6, Category.CSAM, 8,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 13, Category.SEXUAL_VIOLENCE, 8,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 19, Category.THREAT, 14)),
                new Spec("fresh11", "g1", "u-g1", List.of(50, 425, 137), List.of(55, 319, 146), 562 + 465,
                        Map.of(Category.CHILD_GROOMING, 9, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 5,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 10, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 6, Category.OFF_PLATFORM, 18, Category.THREAT, 11)),
                new Spec("fresh12", "g2", "u-g2", List.of(50, 431, 138), List.of(55, 322, 149), 569 + 471,
                        Map.of(Category.CHILD_GROOMING, 5, Category.MINOR_SEXUALIZATION, 6, Category.CSAM, 8,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 14, Category.SEXUAL_VIOLENCE, 8,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 20, Category.THREAT, 14)),
                new Spec("fresh13", "g3", "u-g3", List.of(50, 481, 117), List.of(55, 314, 139), 598 + 453,
                        Map.of(Category.CHILD_GROOMING, 14, Category.MINOR_SEXUALIZATION, 8, Category.CSAM, 5,
                                Category.AMBUSH, 10, Category.HATE_HOMOPHOBIC, 6, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 12, Category.OFF_PLATFORM, 30, Category.THREAT, 5)),
                new Spec("fresh14", "g4", "u-g4", List.of(50, 331, 114), List.of(55, 236, 125), 445 + 361,
                        Map.of(Category.CHILD_GROOMING, 10, Category.MINOR_SEXUALIZATION, 6, Category.CSAM, 6,
                                Category.AMBUSH, 8, Category.HATE_HOMOPHOBIC, 8, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 8, Category.OFF_PLATFORM, 26, Category.THREAT, 9)),
                new Spec("fresh15", "g5", "u-g5", List.of(50, 584, 122), List.of(55, 437, 145), 706 + 582,
                        Map.of(Category.CHILD_GROOMING, 10, Category.MINOR_SEXUALIZATION, 8, Category.CSAM, 6,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 11, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 6, Category.OFF_PLATFORM, 28, Category.THREAT, 8)),
                new Spec("fresh16", "g6", "u-g6", List.of(50, 337, 119), List.of(55, 281, 130), 456 + 411,
                        Map.of(Category.CHILD_GROOMING, 8, Category.MINOR_SEXUALIZATION, 9, Category.CSAM, 6,
                                Category.AMBUSH, 8, Category.HATE_HOMOPHOBIC, 10, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 6, Category.OFF_PLATFORM, 22, Category.THREAT, 7)),
                new Spec("fresh17", "g7", "u-g7", List.of(52, 448, 129), List.of(55, 532, 186), 577 + 718,
                        Map.of(Category.CHILD_GROOMING, 6, Category.MINOR_SEXUALIZATION, 6, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 13, Category.SEXUAL_VIOLENCE, 10,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 25, Category.THREAT, 10)),
                new Spec("fresh18", "g8", "u-g8", List.of(50, 361, 113), List.of(55, 457, 140), 474 + 597,
                        Map.of(Category.CHILD_GROOMING, 9, Category.MINOR_SEXUALIZATION, 9, Category.CSAM, 8,
                                Category.AMBUSH, 7, Category.HATE_HOMOPHOBIC, 7, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 8, Category.OFF_PLATFORM, 25, Category.THREAT, 8)),
                new Spec("fresh19", "g9", "u-g9", List.of(50, 377, 119), List.of(55, 474, 153), 496 + 627,
                        Map.of(Category.CHILD_GROOMING, 6, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 13, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 9, Category.OFF_PLATFORM, 22, Category.THREAT, 14)),
                new Spec("fresh20", "j0", "u-j0", List.of(50, 444, 120), List.of(55, 460, 152), 564 + 612,
                        Map.of(Category.CHILD_GROOMING, 9, Category.MINOR_SEXUALIZATION, 8, Category.CSAM, 8,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 9, Category.SEXUAL_VIOLENCE, 9,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 21, Category.THREAT, 8)),
                new Spec("fresh21", "j1", "u-j1", List.of(50, 425, 113), List.of(55, 490, 157), 538 + 647,
                        Map.of(Category.CHILD_GROOMING, 12, Category.MINOR_SEXUALIZATION, 13, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 6, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 31, Category.THREAT, 10)),
                new Spec("fresh22", "j2", "u-j2", List.of(50, 512, 114), List.of(55, 384, 126), 626 + 510,
                        Map.of(Category.CHILD_GROOMING, 7, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 6,
                                Category.AMBUSH, 7, Category.HATE_HOMOPHOBIC, 7, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 7, Category.OFF_PLATFORM, 11, Category.THREAT, 7)),
                new Spec("fresh23", "j3", "u-j3", List.of(50, 646, 113), List.of(60, 713, 157), 759 + 870,
                        Map.of(Category.CHILD_GROOMING, 9, Category.MINOR_SEXUALIZATION, 9, Category.CSAM, 6,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 9, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 6, Category.OFF_PLATFORM, 29, Category.THREAT, 8)),
                new Spec("fresh24", "j4", "u-j4", List.of(50, 427, 123), List.of(55, 386, 138), 550 + 524,
                        Map.of(Category.CHILD_GROOMING, 6, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 8, Category.SEXUAL_VIOLENCE, 16,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 20, Category.THREAT, 8)),
                new Spec("fresh25", "j5", "u-j5", List.of(50, 453, 127), List.of(55, 380, 147), 580 + 527,
                        Map.of(Category.CHILD_GROOMING, 5, Category.MINOR_SEXUALIZATION, 5, Category.CSAM, 5,
                                Category.AMBUSH, 9, Category.HATE_HOMOPHOBIC, 20, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 18, Category.THREAT, 6)),
                new Spec("fresh26", "j6", "u-j6", List.of(52, 412, 113), List.of(55, 361, 128), 525 + 489,
                        Map.of(Category.CHILD_GROOMING, 6, Category.MINOR_SEXUALIZATION, 9, Category.CSAM, 12,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 6, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 21, Category.THREAT, 13)),
                new Spec("fresh27", "j7", "u-j7", List.of(50, 685, 118), List.of(60, 845, 172), 803 + 1017,
                        Map.of(Category.CHILD_GROOMING, 8, Category.MINOR_SEXUALIZATION, 8, Category.CSAM, 6,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 11, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 6, Category.OFF_PLATFORM, 32, Category.THREAT, 8)),
                new Spec("fresh28", "j8", "u-j8", List.of(50, 541, 123), List.of(55, 488, 153), 664 + 641,
                        Map.of(Category.CHILD_GROOMING, 12, Category.MINOR_SEXUALIZATION, 9, Category.CSAM, 6,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 10, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 33, Category.THREAT, 9)),
                new Spec("fresh29", "j9", "u-j9", List.of(51, 482, 120), List.of(55, 447, 144), 602 + 591,
                        Map.of(Category.CHILD_GROOMING, 8, Category.MINOR_SEXUALIZATION, 9, Category.CSAM, 5,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 12, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 19, Category.THREAT, 14)),
                new Spec("fresh30", "k0", "u-k0", List.of(50, 501, 136), List.of(58, 491, 157), 637 + 648,
                        Map.of(Category.CHILD_GROOMING, 6, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 5,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 8, Category.SEXUAL_VIOLENCE, 12,
                                Category.PROSTITUTION, 6, Category.OFF_PLATFORM, 23, Category.THREAT, 7)),
                new Spec("fresh31", "k1", "u-k1", List.of(50, 419, 121), List.of(55, 373, 141), 540 + 514,
                        Map.of(Category.CHILD_GROOMING, 6, Category.MINOR_SEXUALIZATION, 8, Category.CSAM, 10,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 10, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 10, Category.OFF_PLATFORM, 21, Category.THREAT, 10)),
                new Spec("fresh32", "k2", "u-k2", List.of(50, 486, 131), List.of(55, 462, 156), 617 + 618,
                        Map.of(Category.CHILD_GROOMING, 6, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 6,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 17, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 27, Category.THREAT, 7)),
                new Spec("fresh33", "k3", "u-k3", List.of(50, 411, 124), List.of(55, 411, 163), 535 + 574,
                        Map.of(Category.CHILD_GROOMING, 6, Category.MINOR_SEXUALIZATION, 9, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 10, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 12, Category.OFF_PLATFORM, 21, Category.THREAT, 11)),
                new Spec("fresh34", "k4", "u-k4", List.of(50, 445, 132), List.of(55, 443, 157), 577 + 600,
                        Map.of(Category.CHILD_GROOMING, 7, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 15, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 6, Category.OFF_PLATFORM, 20, Category.THREAT, 11)),
                new Spec("fresh35", "k5", "u-k5", List.of(50, 417, 116), List.of(55, 354, 138), 533 + 492,
                        Map.of(Category.CHILD_GROOMING, 6, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 5,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 10, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 23, Category.THREAT, 16)),
                new Spec("fresh36", "k6", "u-k6", List.of(50, 465, 123), List.of(55, 472, 142), 588 + 614,
                        Map.of(Category.CHILD_GROOMING, 9, Category.MINOR_SEXUALIZATION, 9, Category.CSAM, 6,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 12, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 6, Category.OFF_PLATFORM, 30, Category.THREAT, 8)),
                new Spec("fresh37", "k7", "u-k7", List.of(50, 457, 119), List.of(63, 513, 157), 576 + 670,
                        Map.of(Category.CHILD_GROOMING, 8, Category.MINOR_SEXUALIZATION, 8, Category.CSAM, 6,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 11, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 6, Category.OFF_PLATFORM, 21, Category.THREAT, 8)),
                new Spec("fresh38", "k8", "u-k8", List.of(50, 465, 116), List.of(55, 452, 138), 581 + 590,
                        Map.of(Category.CHILD_GROOMING, 8, Category.MINOR_SEXUALIZATION, 9, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 9, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 16, Category.OFF_PLATFORM, 23, Category.THREAT, 7)),
                new Spec("fresh39", "k9", "u-k9", List.of(50, 519, 122), List.of(56, 465, 145), 641 + 610,
                        Map.of(Category.CHILD_GROOMING, 6, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 7, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 13, Category.THREAT, 17)),
                new Spec("fresh40", "l0", "u-l0", List.of(50, 525, 136), List.of(57, 474, 165), 661 + 639,
                        Map.of(Category.CHILD_GROOMING, 6, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 6,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 18, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 19, Category.THREAT, 9)),
                new Spec("fresh41", "l1", "u-l1", List.of(45, 515, 118), List.of(73, 1020, 189), 633 + 1209,
                        Map.of(Category.CHILD_GROOMING, 7, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 6,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 10, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 6, Category.OFF_PLATFORM, 19, Category.THREAT, 8)),
                new Spec("fresh42", "l2", "u-l2", List.of(52, 585, 127), List.of(55, 520, 144), 712 + 664,
                        Map.of(Category.CHILD_GROOMING, 8, Category.MINOR_SEXUALIZATION, 10, Category.CSAM, 7,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 10, Category.SEXUAL_VIOLENCE, 7,
                                Category.PROSTITUTION, 7, Category.OFF_PLATFORM, 27, Category.THREAT, 10)),
                new Spec("fresh43", "l3", "u-l3", List.of(50, 550, 129), List.of(55, 490, 152), 679 + 642,
                        Map.of(Category.CHILD_GROOMING, 5, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 7, Category.SEXUAL_VIOLENCE, 11,
                                Category.PROSTITUTION, 13, Category.OFF_PLATFORM, 22, Category.THREAT, 8)),
                new Spec("fresh44", "l4", "u-l4", List.of(50, 575, 125), List.of(60, 906, 174), 700 + 1080,
                        Map.of(Category.CHILD_GROOMING, 9, Category.MINOR_SEXUALIZATION, 10, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 9, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 19, Category.THREAT, 12)),
                new Spec("fresh45", "l5", "u-l5", List.of(50, 529, 129), List.of(55, 719, 145), 658 + 864,
                        Map.of(Category.CHILD_GROOMING, 5, Category.MINOR_SEXUALIZATION, 10, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 8, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 12, Category.OFF_PLATFORM, 14, Category.THREAT, 8)),
                new Spec("fresh46", "l6", "u-l6", List.of(50, 554, 124), List.of(55, 738, 151), 678 + 889,
                        Map.of(Category.CHILD_GROOMING, 6, Category.MINOR_SEXUALIZATION, 10, Category.CSAM, 5,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 6, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 12, Category.OFF_PLATFORM, 15, Category.THREAT, 8)),
                new Spec("fresh47", "l7", "u-l7", List.of(50, 543, 124), List.of(55, 626, 148), 667 + 774,
                        Map.of(Category.CHILD_GROOMING, 6, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 5,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 7, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 8, Category.OFF_PLATFORM, 18, Category.THREAT, 7)),
                new Spec("fresh48", "l8", "u-l8", List.of(50, 539, 123), List.of(55, 625, 140), 662 + 765,
                        Map.of(Category.CHILD_GROOMING, 5, Category.MINOR_SEXUALIZATION, 8, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 7, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 12, Category.OFF_PLATFORM, 14, Category.THREAT, 7)),
                new Spec("fresh49", "l9", "u-l9", List.of(50, 499, 118), List.of(55, 647, 137), 617 + 784,
                        Map.of(Category.CHILD_GROOMING, 6, Category.MINOR_SEXUALIZATION, 8, Category.CSAM, 5,
                                Category.AMBUSH, 10, Category.HATE_HOMOPHOBIC, 11, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 18, Category.THREAT, 12)),
                new Spec("fresh50", "m0", "u-m0", List.of(50, 515, 125), List.of(55, 695, 143), 640 + 838,
                        Map.of(Category.CHILD_GROOMING, 6, Category.MINOR_SEXUALIZATION, 12, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 7, Category.SEXUAL_VIOLENCE, 10,
                                Category.PROSTITUTION, 11, Category.OFF_PLATFORM, 19, Category.THREAT, 6)),
                new Spec("fresh51", "m1", "u-m1", List.of(50, 567, 129), List.of(55, 671, 136), 696 + 807,
                        Map.of(Category.CHILD_GROOMING, 8, Category.MINOR_SEXUALIZATION, 8, Category.CSAM, 6,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 8, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 7, Category.OFF_PLATFORM, 16, Category.THREAT, 7)),
                new Spec("fresh52", "m2", "u-m2", List.of(50, 553, 132), List.of(55, 689, 138), 685 + 827,
                        Map.of(Category.CHILD_GROOMING, 10, Category.MINOR_SEXUALIZATION, 9, Category.CSAM, 10,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 7, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 31, Category.THREAT, 8)),
                new Spec("fresh53", "m3", "u-m3", List.of(50, 548, 128), List.of(55, 715, 147), 676 + 862,
                        Map.of(Category.CHILD_GROOMING, 9, Category.MINOR_SEXUALIZATION, 11, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 13, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 18, Category.THREAT, 12)),
                new Spec("fresh54", "m4", "u-m4", List.of(50, 584, 129), List.of(55, 716, 146), 713 + 862,
                        Map.of(Category.CHILD_GROOMING, 9, Category.MINOR_SEXUALIZATION, 6, Category.CSAM, 5,
                                Category.AMBUSH, 8, Category.HATE_HOMOPHOBIC, 5, Category.SEXUAL_VIOLENCE, 8,
                                Category.PROSTITUTION, 10, Category.OFF_PLATFORM, 19, Category.THREAT, 7)),
                new Spec("fresh55", "m5", "u-m5", List.of(50, 531, 119), List.of(55, 784, 146), 650 + 930,
                        Map.of(Category.CHILD_GROOMING, 7, Category.MINOR_SEXUALIZATION, 10, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 5, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 9, Category.OFF_PLATFORM, 17, Category.THREAT, 9)),
                new Spec("fresh56", "m6", "u-m6", List.of(50, 484, 121), List.of(55, 707, 146), 605 + 853,
                        Map.of(Category.CHILD_GROOMING, 6, Category.MINOR_SEXUALIZATION, 5, Category.CSAM, 5,
                                Category.AMBUSH, 8, Category.HATE_HOMOPHOBIC, 11, Category.SEXUAL_VIOLENCE, 7,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 17, Category.THREAT, 9)),
                new Spec("fresh57", "m7", "u-m7", List.of(50, 592, 119), List.of(55, 656, 148), 711 + 804,
                        Map.of(Category.CHILD_GROOMING, 9, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 8,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 7, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 7, Category.OFF_PLATFORM, 22, Category.THREAT, 8)),
                new Spec("fresh58", "m8", "u-m8", List.of(50, 473, 109), List.of(55, 611, 124), 582 + 735,
                        Map.of(Category.CHILD_GROOMING, 7, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 7, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 10, Category.OFF_PLATFORM, 20, Category.THREAT, 10)),
                new Spec("fresh59", "m9", "u-m9", List.of(50, 451, 117), List.of(55, 517, 136), 568 + 653,
                        Map.of(Category.CHILD_GROOMING, 11, Category.MINOR_SEXUALIZATION, 13, Category.CSAM, 6,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 7, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 21, Category.THREAT, 8)),
                new Spec("fresh60", "n0", "u-n0", List.of(50, 506, 117), List.of(55, 581, 145), 623 + 726,
                        Map.of(Category.CHILD_GROOMING, 5, Category.MINOR_SEXUALIZATION, 6, Category.CSAM, 5,
                                Category.AMBUSH, 8, Category.HATE_HOMOPHOBIC, 9, Category.SEXUAL_VIOLENCE, 8,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 23, Category.THREAT, 8)),
                new Spec("fresh61", "n1", "u-n1", List.of(50, 540, 123), List.of(55, 714, 141), 663 + 855,
                        Map.of(Category.CHILD_GROOMING, 5, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 15, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 8, Category.OFF_PLATFORM, 18, Category.THREAT, 13)),
                new Spec("fresh62", "n2", "u-n2", List.of(50, 553, 119), List.of(55, 728, 149), 672 + 877,
                        Map.of(Category.CHILD_GROOMING, 12, Category.MINOR_SEXUALIZATION, 9, Category.CSAM, 6,
                                Category.AMBUSH, 8, Category.HATE_HOMOPHOBIC, 6, Category.SEXUAL_VIOLENCE, 8,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 17, Category.THREAT, 7)),
                new Spec("fresh63", "n3", "u-n3", List.of(50, 514, 132), List.of(55, 687, 159), 646 + 846,
                        Map.of(Category.CHILD_GROOMING, 8, Category.MINOR_SEXUALIZATION, 8, Category.CSAM, 6,
                                Category.AMBUSH, 7, Category.HATE_HOMOPHOBIC, 9, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 7, Category.OFF_PLATFORM, 16, Category.THREAT, 9)),
                new Spec("fresh64", "n4", "u-n4", List.of(50, 526, 120), List.of(55, 689, 138), 646 + 827,
                        Map.of(Category.CHILD_GROOMING, 10, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 7, Category.SEXUAL_VIOLENCE, 8,
                                Category.PROSTITUTION, 8, Category.OFF_PLATFORM, 20, Category.THREAT, 8)),
                new Spec("fresh65", "n5", "u-n5", List.of(50, 579, 134), List.of(55, 692, 135), 713 + 827,
                        Map.of(Category.CHILD_GROOMING, 5, Category.MINOR_SEXUALIZATION, 6, Category.CSAM, 7,
                                Category.AMBUSH, 7, Category.HATE_HOMOPHOBIC, 15, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 20, Category.THREAT, 11)),
                new Spec("fresh66", "n6", "u-n6", List.of(50, 530, 124), List.of(55, 706, 162), 654 + 868,
                        Map.of(Category.CHILD_GROOMING, 8, Category.MINOR_SEXUALIZATION, 9, Category.CSAM, 7,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 8, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 6, Category.OFF_PLATFORM, 18, Category.THREAT, 9)),
                new Spec("fresh67", "n7", "u-n7", List.of(50, 533, 128), List.of(55, 708, 160), 661 + 868,
                        Map.of(Category.CHILD_GROOMING, 11, Category.MINOR_SEXUALIZATION, 6, Category.CSAM, 6,
                                Category.AMBUSH, 8, Category.HATE_HOMOPHOBIC, 9, Category.SEXUAL_VIOLENCE, 8,
                                Category.PROSTITUTION, 6, Category.OFF_PLATFORM, 25, Category.THREAT, 9)),
                new Spec("fresh68", "n8", "u-n8", List.of(50, 580, 148), List.of(55, 674, 168), 728 + 842,
                        Map.of(Category.CHILD_GROOMING, 10, Category.MINOR_SEXUALIZATION, 6, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 12, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 6, Category.OFF_PLATFORM, 16, Category.THREAT, 11)),
                new Spec("fresh69", "n9", "u-n9", List.of(50, 545, 118), List.of(55, 806, 152), 663 + 958,
                        Map.of(Category.CHILD_GROOMING, 6, Category.MINOR_SEXUALIZATION, 6, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 6, Category.SEXUAL_VIOLENCE, 8,
                                Category.PROSTITUTION, 11, Category.OFF_PLATFORM, 17, Category.THREAT, 11)),
                new Spec("fresh70", "p0", "u-p0", List.of(50, 490, 126), List.of(55, 594, 155), 616 + 749,
                        Map.of(Category.CHILD_GROOMING, 15, Category.MINOR_SEXUALIZATION, 18, Category.CSAM, 6,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 8, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 22, Category.THREAT, 13)),
                new Spec("fresh71", "p1", "u-p1", List.of(50, 516, 119), List.of(55, 644, 152), 635 + 796,
                        Map.of(Category.CHILD_GROOMING, 6, Category.MINOR_SEXUALIZATION, 6, Category.CSAM, 5,
                                Category.AMBUSH, 11, Category.HATE_HOMOPHOBIC, 8, Category.SEXUAL_VIOLENCE, 8,
                                Category.PROSTITUTION, 12, Category.OFF_PLATFORM, 26, Category.THREAT, 12)),
                new Spec("fresh72", "p2", "u-p2", List.of(50, 489, 119), List.of(55, 638, 172), 608 + 810,
                        Map.of(Category.CHILD_GROOMING, 11, Category.MINOR_SEXUALIZATION, 11, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 8, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 23, Category.THREAT, 10)),
                new Spec("fresh73", "p3", "u-p3", List.of(50, 529, 119), List.of(55, 696, 152), 648 + 848,
                        Map.of(Category.CHILD_GROOMING, 5, Category.MINOR_SEXUALIZATION, 5, Category.CSAM, 5,
                                Category.AMBUSH, 11, Category.HATE_HOMOPHOBIC, 15, Category.SEXUAL_VIOLENCE, 7,
                                Category.PROSTITUTION, 7, Category.OFF_PLATFORM, 24, Category.THREAT, 13)),
                new Spec("fresh74", "p4", "u-p4", List.of(50, 529, 122), List.of(55, 676, 154), 651 + 830,
                        Map.of(Category.CHILD_GROOMING, 8, Category.MINOR_SEXUALIZATION, 9, Category.CSAM, 7,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 5, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 13, Category.OFF_PLATFORM, 27, Category.THREAT, 9)),
                new Spec("fresh75", "p5", "u-p5", List.of(50, 560, 126), List.of(55, 737, 150), 686 + 887,
                        Map.of(Category.CHILD_GROOMING, 11, Category.MINOR_SEXUALIZATION, 8, Category.CSAM, 6,
                                Category.AMBUSH, 6, Category.HATE_HOMOPHOBIC, 10, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 17, Category.THREAT, 7)),
                new Spec("fresh76", "p6", "u-p6", List.of(50, 580, 124), List.of(55, 676, 162), 704 + 838,
                        Map.of(Category.CHILD_GROOMING, 12, Category.MINOR_SEXUALIZATION, 13, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 8, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 21, Category.THREAT, 9)),
                new Spec("fresh77", "p7", "u-p7", List.of(50, 512, 126), List.of(55, 702, 153), 638 + 855,
                        Map.of(Category.CHILD_GROOMING, 5, Category.MINOR_SEXUALIZATION, 6, Category.CSAM, 5,
                                Category.AMBUSH, 9, Category.HATE_HOMOPHOBIC, 7, Category.SEXUAL_VIOLENCE, 10,
                                Category.PROSTITUTION, 7, Category.OFF_PLATFORM, 19, Category.THREAT, 9)),
                new Spec("fresh78", "p8", "u-p8", List.of(50, 513, 116), List.of(55, 745, 159), 629 + 904,
                        Map.of(Category.CHILD_GROOMING, 7, Category.MINOR_SEXUALIZATION, 5, Category.CSAM, 6,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 8, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 13, Category.OFF_PLATFORM, 16, Category.THREAT, 16)),
                new Spec("fresh79", "p9", "u-p9", List.of(50, 422, 122), List.of(55, 455, 145), 544 + 600,
                        Map.of(Category.CHILD_GROOMING, 8, Category.MINOR_SEXUALIZATION, 9, Category.CSAM, 7,
                                Category.AMBUSH, 7, Category.HATE_HOMOPHOBIC, 8, Category.SEXUAL_VIOLENCE, 7,
                                Category.PROSTITUTION, 7, Category.OFF_PLATFORM, 17, Category.THREAT, 9)),
                new Spec("fresh80", "q0", "u-q0", List.of(50, 515, 124), List.of(55, 699, 157), 639 + 856,
                        Map.of(Category.CHILD_GROOMING, 9, Category.MINOR_SEXUALIZATION, 11, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 5, Category.SEXUAL_VIOLENCE, 10,
                                Category.PROSTITUTION, 8, Category.OFF_PLATFORM, 25, Category.THREAT, 7)),
                new Spec("fresh81", "q1", "u-q1", List.of(50, 547, 115), List.of(55, 659, 145), 662 + 804,
                        Map.of(Category.CHILD_GROOMING, 5, Category.MINOR_SEXUALIZATION, 6, Category.CSAM, 5,
                                Category.AMBUSH, 12, Category.HATE_HOMOPHOBIC, 13, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 21, Category.THREAT, 12)),
                new Spec("fresh82", "q2", "u-q2", List.of(50, 536, 116), List.of(55, 740, 155), 652 + 895,
                        Map.of(Category.CHILD_GROOMING, 5, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 8,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 5, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 14, Category.OFF_PLATFORM, 17, Category.THREAT, 12)),
                new Spec("fresh83", "q3", "u-q3", List.of(50, 526, 126), List.of(55, 701, 168), 652 + 869,
                        Map.of(Category.CHILD_GROOMING, 20, Category.MINOR_SEXUALIZATION, 14, Category.CSAM, 7,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 5, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 21, Category.THREAT, 5)),
                new Spec("fresh84", "q4", "u-q4", List.of(50, 510, 127), List.of(55, 632, 155), 637 + 787,
                        Map.of(Category.CHILD_GROOMING, 5, Category.MINOR_SEXUALIZATION, 6, Category.CSAM, 5,
                                Category.AMBUSH, 10, Category.HATE_HOMOPHOBIC, 13, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 17, Category.THREAT, 12)),
                new Spec("fresh85", "q5", "u-q5", List.of(50, 563, 123), List.of(55, 716, 157), 686 + 873,
                        Map.of(Category.CHILD_GROOMING, 14, Category.MINOR_SEXUALIZATION, 17, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 5, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 20, Category.THREAT, 10)),
                new Spec("fresh86", "q6", "u-q6", List.of(50, 556, 117), List.of(55, 746, 149), 673 + 895,
                        Map.of(Category.CHILD_GROOMING, 6, Category.MINOR_SEXUALIZATION, 5, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 6, Category.SEXUAL_VIOLENCE, 15,
                                Category.PROSTITUTION, 9, Category.OFF_PLATFORM, 16, Category.THREAT, 10)),
                new Spec("fresh87", "q7", "u-q7", List.of(50, 520, 114), List.of(55, 704, 135), 634 + 839,
                        Map.of(Category.CHILD_GROOMING, 7, Category.MINOR_SEXUALIZATION, 6, Category.CSAM, 10,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 6, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 16, Category.OFF_PLATFORM, 23, Category.THREAT, 7)),
                new Spec("fresh88", "r8", "u-r8", List.of(50, 591, 131), List.of(55, 660, 184), 722 + 844,
                        Map.of(Category.CHILD_GROOMING, 11, Category.MINOR_SEXUALIZATION, 6, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 14, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 14, Category.THREAT, 11)),
                new Spec("fresh89", "r9", "u-r9", List.of(50, 519, 117), List.of(55, 657, 133), 636 + 790,
                        Map.of(Category.CHILD_GROOMING, 8, Category.MINOR_SEXUALIZATION, 14, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 6, Category.SEXUAL_VIOLENCE, 12,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 23, Category.THREAT, 10)),
                new Spec("fresh90", "r0", "u-r0", List.of(50, 517, 118), List.of(55, 736, 136), 635 + 872,
                        Map.of(Category.CHILD_GROOMING, 5, Category.MINOR_SEXUALIZATION, 6, Category.CSAM, 8,
                                Category.AMBUSH, 9, Category.HATE_HOMOPHOBIC, 6, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 12, Category.OFF_PLATFORM, 24, Category.THREAT, 6)),
                new Spec("fresh91", "r1", "u-r1", List.of(50, 504, 119), List.of(55, 633, 132), 623 + 765,
                        Map.of(Category.CHILD_GROOMING, 7, Category.MINOR_SEXUALIZATION, 8, Category.CSAM, 6,
                                Category.AMBUSH, 7, Category.HATE_HOMOPHOBIC, 8, Category.SEXUAL_VIOLENCE, 6,
                                Category.PROSTITUTION, 6, Category.OFF_PLATFORM, 13, Category.THREAT, 8)),
                new Spec("fresh92", "s2", "u-s2", List.of(50, 541, 133), List.of(55, 740, 154), 674 + 894,
                        Map.of(Category.CHILD_GROOMING, 5, Category.MINOR_SEXUALIZATION, 5, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 10, Category.SEXUAL_VIOLENCE, 10,
                                Category.PROSTITUTION, 11, Category.OFF_PLATFORM, 19, Category.THREAT, 5)),
                new Spec("fresh93", "s3", "u-s3", List.of(50, 466, 119), List.of(55, 638, 144), 585 + 782,
                        Map.of(Category.CHILD_GROOMING, 10, Category.MINOR_SEXUALIZATION, 6, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 6, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 10, Category.OFF_PLATFORM, 16, Category.THREAT, 11)),
                new Spec("fresh94", "s4", "u-s4", List.of(50, 564, 122), List.of(55, 622, 145), 686 + 767,
                        Map.of(Category.CHILD_GROOMING, 11, Category.MINOR_SEXUALIZATION, 10, Category.CSAM, 7,
                                Category.AMBUSH, 8, Category.HATE_HOMOPHOBIC, 10, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 6, Category.OFF_PLATFORM, 20, Category.THREAT, 9)),
                new Spec("fresh95", "s5", "u-s5", List.of(50, 411, 118), List.of(55, 460, 146), 529 + 606,
                        Map.of(Category.CHILD_GROOMING, 7, Category.MINOR_SEXUALIZATION, 7, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 7, Category.SEXUAL_VIOLENCE, 8,
                                Category.PROSTITUTION, 8, Category.OFF_PLATFORM, 26, Category.THREAT, 12)),
                new Spec("fresh96", "s6", "u-s6", List.of(50, 511, 126), List.of(55, 632, 154), 637 + 786,
                        Map.of(Category.CHILD_GROOMING, 10, Category.MINOR_SEXUALIZATION, 15, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 5, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 15, Category.THREAT, 14)),
                new Spec("fresh97", "s7", "u-s7", List.of(50, 573, 140), List.of(55, 731, 182), 713 + 913,
                        Map.of(Category.CHILD_GROOMING, 5, Category.MINOR_SEXUALIZATION, 5, Category.CSAM, 5,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 16, Category.SEXUAL_VIOLENCE, 8,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 14, Category.THREAT, 11)),
                new Spec("fresh98", "s8", "u-s8", List.of(50, 528, 114), List.of(55, 717, 143), 642 + 860,
                        Map.of(Category.CHILD_GROOMING, 5, Category.MINOR_SEXUALIZATION, 5, Category.CSAM, 5,
                                Category.AMBUSH, 11, Category.HATE_HOMOPHOBIC, 5, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 12, Category.OFF_PLATFORM, 22, Category.THREAT, 13)),
                new Spec("fresh99", "s9", "u-s9", List.of(50, 554, 124), List.of(55, 684, 142), 678 + 826,
                        Map.of(Category.CHILD_GROOMING, 6, Category.MINOR_SEXUALIZATION, 14, Category.CSAM, 8,
                                Category.AMBUSH, 5, Category.HATE_HOMOPHOBIC, 6, Category.SEXUAL_VIOLENCE, 5,
                                Category.PROSTITUTION, 5, Category.OFF_PLATFORM, 24, Category.THREAT, 11)));
    }

    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    /** What one file holds, read line by line as the topology's readers read it. */
    private record Content(Set<String> conversations, Set<String> users, int messages, int profiles) {
    }

    private static Content read(Path file, String prefix, String userPrefix) throws Exception {
        ModerationConfig config = new ModerationConfig(Map.of());
        int maxBytes = config.getInt(ModerationConfig.MESSAGE_MAX_BYTES);
        InputReader<ChatMessage> messages = InputReader.messages(maxBytes,
                config.getInt(ModerationConfig.MESSAGE_TEXT_MAX_CHARS),
                config.getInt(ModerationConfig.MESSAGE_RECIPIENTS_MAX));
        InputReader<Profile> profiles = InputReader.of(Profile.class, maxBytes);
        Pattern conversationId = Pattern.compile(Pattern.quote(prefix) + "\\d{3}");
        Set<String> conversations = new HashSet<>();
        Set<String> users = new HashSet<>();
        Set<String> messageIds = new HashSet<>();
        Instant last = Instant.MIN;
        int n = 0;
        int m = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String where = file.getFileName() + ":" + ++n;
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            if (Replayer.kind(line).equals("profile")) {
                Parsed<Profile> p = profiles.read(bytes);
                assertTrue(p.isOk(), where + ": " + p.detail());
                assertTrue(p.value().userId().startsWith(userPrefix), where + ": user id prefix");
                assertFalse(p.value().updatedAt().isBefore(last), where + ": out of time order");
                last = p.value().updatedAt();
                users.add(p.value().userId());
                continue;
            }
            assertEquals("message", Replayer.kind(line), where);
            Parsed<ChatMessage> parsed = messages.read(bytes);
            assertTrue(parsed.isOk(), where + ": " + parsed.detail());
            ChatMessage msg = parsed.value();
            assertFalse(msg.sentAt().isBefore(last), where + ": out of time order");
            last = msg.sentAt();
            assertTrue(users.contains(msg.senderId()), where + ": the sender's profile comes first");
            assertTrue(conversationId.matcher(msg.conversationId()).matches(), where + ": " + msg.conversationId());
            assertTrue(msg.messageId().matches(Pattern.quote(msg.conversationId()) + "-m\\d\\d"), where);
            assertTrue(messageIds.add(msg.messageId()), where + ": message id given twice");
            assertNotEquals(msg.roomId() == null, msg.recipientIds().isEmpty(),
                    where + ": recipients in a private chat, none in a room");
            assertFalse(msg.text().isEmpty() && msg.attachments().isEmpty(), where + ": neither text nor attachment");
            conversations.add(msg.conversationId());
            m++;
        }
        return new Content(conversations, users, m, n - m);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void shouldReadEveryLineAsTheTopologyDoesInTimeOrderWithProfilesFirst(Spec set) throws Exception {
        // when
        Content harmful = read(set.harmful(), set.conversationPrefix() + "-h-", set.userPrefix());
        Content benign = read(set.benign(), set.conversationPrefix() + "-b-", set.userPrefix());
        // then: the README's counts, and no person in both files (they are merged by time for scoring)
        assertEquals(set.harmfulCounts(), List.of(harmful.conversations().size(), harmful.messages(),
                harmful.profiles()));
        assertEquals(set.benignCounts(), List.of(benign.conversations().size(), benign.messages(),
                benign.profiles()));
        Set<String> shared = new HashSet<>(harmful.users());
        shared.retainAll(benign.users());
        assertEquals(Set.of(), shared);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void shouldLabelEveryConversationAndFindEveryFirstFlaggedMessage(Spec set) throws Exception {
        // given
        Path harmfulLabels = set.dir().resolve("harmful-labels.json");
        Path benignLabels = set.dir().resolve("benign-labels.json");
        LabelSet harmful = LabelSet.load(List.of(harmfulLabels));
        LabelSet benign = LabelSet.load(List.of(benignLabels));
        LabelSet all = LabelSet.load(List.of(harmfulLabels, benignLabels));
        // when: the merge eval does before replaying, without replaying
        Transcript t = InputMerger.merge(List.of(set.harmful(), set.benign()), null, all, false, NOWHERE);
        // then
        Set<String> labelled = new HashSet<>();
        all.labels().forEach(l -> labelled.add(l.conversationId()));
        assertEquals(labelled, t.conversations(), "every conversation labelled, every label in the input");
        assertEquals(set.labelledLines(), t.lines());
        Map<Category, Integer> perCategory = new EnumMap<>(Category.class);
        for (LabelSet.Label l : harmful.labels()) {
            assertTrue(l.harmful() && !l.categories().equals(Set.of(Category.OFF_PLATFORM)), l.toString());
            assertTrue(t.position(l.conversationId(), l.firstFlagMessageId()) >= 0, l.toString());
            assertTrue(Set.of("fr", "en").contains(l.language()) && l.kind() != null && l.notes() != null,
                    l.toString());
            l.categories().forEach(c -> perCategory.merge(c, 1, Integer::sum));
        }
        for (LabelSet.Label l : benign.labels()) {
            assertFalse(l.harmful(), l.toString());
            assertNull(l.firstFlagMessageId(), l.toString());
            assertTrue(Set.of("fr", "en").contains(l.language()) && l.kind() != null && l.notes() != null,
                    l.toString());
        }
        assertEquals(set.harmfulCounts().get(0), harmful.labels().size());
        assertEquals(set.benignCounts().get(0), benign.labels().size());
        // the README: conversations per category, co-labels included
        assertEquals(set.perCategory(), perCategory);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void shouldShareNoIdWithTheSetsItMayBeMergedWith(Spec set) throws Exception {
        // given: the ids of this set
        Set<String> ours = ids(List.of(set.harmful(), set.benign()));
        // when: the ids of the sets it may be merged with (the dev and held-out sets and every other fresh set; never
        // the blind set), read by program
        Set<String> theirs = new HashSet<>();
        List<String> others = new ArrayList<>(List.of("dev", "holdout"));
        sets().stream().map(Spec::name).filter(n -> !n.equals(set.name())).forEach(others::add);
        for (String other : others) {
            Path dir = EVAL.resolve(other);
            theirs.addAll(ids(List.of(dir.resolve("harmful.jsonl"), dir.resolve("benign.jsonl"))));
        }
        // then
        assertFalse(theirs.isEmpty());
        theirs.retainAll(ours);
        assertEquals(Set.of(), theirs);
    }

    private static Set<String> ids(List<Path> files) throws Exception {
        Set<String> ids = new HashSet<>();
        for (Path f : files) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                JsonNode n = Json.MAPPER.readTree(line);
                for (String field : List.of("conversationId", "messageId", "userId", "senderId")) {
                    if (n.hasNonNull(field)) {
                        ids.add(n.get(field).asText());
                    }
                }
            }
        }
        return ids;
    }
}
