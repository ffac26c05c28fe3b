package io.vigie.core.rule.internal;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.rule.ConversationWindow;
import io.vigie.core.rule.ScoringContext;
import io.vigie.core.contract.Stage;
import io.vigie.core.load.LoadError;
import io.vigie.core.load.LoadException;
import io.vigie.core.rule.internal.YamlTree.ListNode;
import io.vigie.core.rule.internal.YamlTree.MapNode;
import io.vigie.core.rule.internal.YamlTree.Node;
import io.vigie.core.rule.internal.YamlTree.ScalarNode;
import io.vigie.core.cue.CueRegistry;
import io.vigie.core.cue.Cues;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compiles rule files into a {@link CompiledPack}. Collects every error of every file (file:line:column,
 * reason, hint) and throws them together; a pack either compiles whole or not at all. Load-time only.
 */
public final class RuleCompiler {

    /** Largest rule file accepted, in bytes. */
    public static final int MAX_FILE_BYTES = 1 << 20;

    static final Set<String> FILE_KEYS = Set.of("rules", "gate");
    static final Set<String> GATE_KEYS = Set.of("window");
    static final Set<String> RULE_KEYS = Set.of("id", "description", "categories", "score", "stage", "shadow",
            "evidence", "when", "examples", "gate");
    static final Set<String> WHEN_KEYS = Set.of("all", "any", "min", "none", "regex", "notRegex", "recipientLikelyMinor",
            "senderLikelyMinor", "senderLikelyAdult", "adultWitness", "minAgeGap", "senderAccountAgeMaxHours", "stagesSeen",
            "minConversationMessages", "privateOnly", "window", "conversationAlerted");
    static final Set<String> WINDOW_KEYS = Set.of("all", "any", "none", "by", "messages", "minutes",
            "earlier", "min", "from");
    static final Set<String> STAGES_KEYS = Set.of("any", "all");
    static final Set<String> EXAMPLES_KEYS = Set.of("fire", "pass");
    static final Set<String> EXAMPLE_KEYS = Set.of("text", "senderAge", "senderStatedAge", "senderLikelyMinor",
            "recipientAge", "recipientStatedAge", "recipientLikelyMinor", "senderAccountAgeHours", "stagesSeen",
            "conversationMessages", "public", "before", "conversationAlerted");
    static final Set<String> BEFORE_KEYS = Set.of("text", "by");

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(
            "[a-z0-9_]+(\\.[a-z0-9_]+)+");

    /** One input file: its name as reported in errors, and its bytes. */
    public record Source(String name, byte[] bytes) {
    }

    private final CueRegistry cues;
    private final List<String> cueNames;
    private final List<LoadError> errors = new ArrayList<>();
    private final Map<String, Integer> slots = new HashMap<>();
    private String file;

    private RuleCompiler(CueRegistry cues) {
        this.cues = cues;
        List<String> names = new ArrayList<>(cues.size());
        for (int i = 0; i < cues.size(); i++) {
            names.add(cues.name(i));
        }
        this.cueNames = names;
    }

    /**
     * Compiles a pack.
     *
     * @param packName the pack's name, first part of its version
     * @param sources  the rule files, in the order they are read
     * @throws LoadException with every error found
     */
    public static CompiledPack compile(String packName, List<Source> sources, CueRegistry cues)
            throws LoadException {
        RuleCompiler c = new RuleCompiler(cues);
        List<CompiledRule> rules = new ArrayList<>();
        Map<String, String> byId = new HashMap<>();
        int[] regexSlots = {0};
        if (sources.isEmpty()) {
            c.errors.add(new LoadError(packName, 0, 0, "the pack has no rule file",
                    "put one or more *.yaml files holding 'rules:' in the folder"));
        }
        for (Source s : sources) {
            c.file = s.name();
            c.compileFile(s, rules, byId, regexSlots);
        }
        if (!c.errors.isEmpty()) {
            List<LoadError> sorted = new ArrayList<>(c.errors);
            sorted.sort(Comparator.comparing(LoadError::file).thenComparingInt(LoadError::line)
                    .thenComparingInt(LoadError::column));
            throw new LoadException(sorted);
        }
        return new CompiledPack(packName, packName + "@" + hash(sources), rules, cues.size());
    }

    private static String hash(List<Source> sources) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Source s : sources) {
                md.update(s.name().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(s.bytes());
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    private void compileFile(Source s, List<CompiledRule> rules, Map<String, String> byId,
                             int[] regexSlots) {
        if (s.bytes().length > MAX_FILE_BYTES) {
            error(0, 0, "file is " + s.bytes().length + " bytes, over the limit of " + MAX_FILE_BYTES,
                    "split the rules over several files");
            return;
        }
        String text = new String(s.bytes(), StandardCharsets.UTF_8);
        Node root;
        try {
            root = YamlTree.parse(text);
        } catch (YamlTree.SyntaxException e) {
            error(e.line(), e.column(), e.getMessage(), "check indentation and quoting around this line");
            return;
        }
        if (root == null) {
            error(1, 1, "the file is empty", "a rule file holds 'rules:' followed by a list of rules");
            return;
        }
        if (!(root instanceof MapNode top)) {
            error(root.line(), root.column(), "the file must be a mapping with a 'rules' key",
                    "start the file with 'rules:'");
            return;
        }
        checkKeys(top, FILE_KEYS);
        List<WindowClause> gate = gate(top.values().get("gate"));
        Node list = top.values().get("rules");
        if (list == null) {
            error(top.line(), top.column(), "missing key 'rules'", "start the file with 'rules:'");
            return;
        }
        if (!(list instanceof ListNode items)) {
            error(list.line(), list.column(), "'rules' must be a list", "write each rule as '- id: ...'");
            return;
        }
        for (Node item : items.items()) {
            if (item instanceof MapNode m && m.values().get("id") instanceof ScalarNode idNode
                    && idNode.value() instanceof String id) {
                String previous = byId.putIfAbsent(id, file + ":" + m.line());
                if (previous != null) {
                    error(m.line(), m.column(), "duplicate rule id '" + id + "'", "already defined at " + previous);
                    continue;
                }
            }
            CompiledRule r = compileRule(item, regexSlots, gate);
            if (r != null) {
                rules.add(r);
            }
        }
    }

    /**
     * The file's gate: window clauses every rule of the file must satisfy too, unless the rule says {@code gate:
     * false} (a pack-wide veto written once, e.g. "the risk model reads one of the last 12 messages as more than
     * everyday talk").
     */
    private List<WindowClause> gate(Node gate) {
        MapNode gm = optionalMapping(gate, "'gate' must be a mapping",
                "e.g. 'gate: {window: {any: [model.plausible], messages: 12}}'");
        if (gm == null) {
            return List.of();
        }
        checkKeys(gm, GATE_KEYS);
        CompiledRule.Builder b = new CompiledRule.Builder();
        Node window = gm.values().get("window");
        if (window == null) {
            error(gm, "a gate needs 'window'", "e.g. 'gate: {window: {any: [model.plausible], messages: 12}}'");
        } else {
            compileWindows(window, b);
        }
        return List.copyOf(b.windows);
    }

    /** An optional value that must be a mapping: null when absent, and null with an error when not a mapping. */
    private MapNode optionalMapping(Node node, String reason, String hint) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof MapNode m)) {
            error(node, reason, hint);
            return null;
        }
        return m;
    }

    private CompiledRule compileRule(Node node, int[] regexSlots, List<WindowClause> gate) {
        if (!(node instanceof MapNode m)) {
            error(node.line(), node.column(), "a rule must be a mapping", "write '- id: ...' then its keys");
            return null;
        }
        int before = errors.size();
        checkKeys(m, RULE_KEYS);
        CompiledRule.Builder b = new CompiledRule.Builder();
        b.file = file;
        b.line = m.line();
        b.id = string(m, "id", true);
        if (b.id != null && !ID.matcher(b.id).matches()) {
            error(m.values().get("id"), "rule id '" + b.id + "' is not dotted lower case",
                    "use e.g. 'grooming.secrecy_with_minor'");
        }
        b.description = string(m, "description", true);
        b.categories = categories(m);
        Long score = integer(m, "score", true);
        if (score != null) {
            if (score < 0 || score > 100) {
                error(m.values().get("score"), "score " + score + " is out of range", "use 0..100");
            } else {
                b.score = score.intValue();
            }
        }
        String stage = string(m, "stage", false);
        if (stage != null) {
            b.stage = stage(stage, m.values().get("stage"));
        }
        Boolean shadow = bool(m, "shadow");
        b.shadow = shadow != null && shadow;

        Node when = m.values().get("when");
        if (when == null) {
            error(m.line(), m.column(), "rule '" + b.id + "' has no 'when'",
                    "add 'when:' with at least 'all:' or 'any:' cues");
        } else if (!(when instanceof MapNode w)) {
            error(when, "'when' must be a mapping", "e.g. 'when: {all: [groom.secrecy]}'");
        } else {
            compileWhen(w, b, regexSlots);
        }
        String evidence = string(m, "evidence", false);
        if (evidence != null && !evidence.equals("regex")) {
            int id = cue(evidence, m.values().get("evidence"));
            if (id >= 0) {
                if (!contains(b.all, id) && !contains(b.any, id)) {
                    error(m.values().get("evidence"), "evidence cue '" + evidence
                                    + "' is not among the rule's 'all' or 'any' cues",
                            "name a cue the rule requires, so the evidence span exists");
                }
                b.evidenceCue = id;
            }
        } else if ("regex".equals(evidence) && b.regex == null) {
            error(m.values().get("evidence"), "evidence 'regex' but the rule has no regex", "remove it");
        }
        Boolean gated = bool(m, "gate");
        if (gated == null || gated) {
            b.windows.addAll(gate);
        }
        b.examples = examples(m);
        return errors.size() == before ? new CompiledRule(b) : null;
    }

    /** Cues that fire on nearly every message (model.context, model.plausible): gates, never a rule's evidence. */
    private boolean isGate(int cue) {
        return cue >= 0 && (cue == cues.id(Cues.MODEL_CONTEXT) || cue == cues.id(Cues.MODEL_PLAUSIBLE));
    }

    /** The {@code all} cues with the gates last, so that a rule's evidence and "needs" name its own cue first. */
    private int[] gatesLast(int[] all) {
        int[] out = new int[all.length];
        int n = 0;
        for (int c : all) {
            if (!isGate(c)) {
                out[n++] = c;
            }
        }
        for (int c : all) {
            if (isGate(c)) {
                out[n++] = c;
            }
        }
        return out;
    }

    private void compileWhen(MapNode w, CompiledRule.Builder b, int[] regexSlots) {
        checkKeys(w, WHEN_KEYS);
        b.all = gatesLast(cueList(w, "all"));
        b.any = cueList(w, "any");
        for (int c : b.all) {
            b.gates += isGate(c) ? 1 : 0;
        }
        b.none = cueList(w, "none");
        Long min = integer(w, "min", false);
        if (min != null) {
            if (b.any.length == 0) {
                error(w.values().get("min"), "'min' without 'any'", "'min' counts the 'any' cues present");
            } else if (min < 1 || min > b.any.length) {
                error(w.values().get("min"), "min " + min + " is out of range", "use 1.." + b.any.length);
            } else {
                b.anyMin = min.intValue();
            }
        }
        for (int c : b.none) {
            if (contains(b.all, c) || contains(b.any, c)) {
                error(w.values().get("none"), "cue '" + cues.name(c) + "' is both required and excluded",
                        "remove it from 'none' or from 'all'/'any'");
            }
        }
        b.regex = regex(w, "regex");
        if (b.regex != null) {
            b.regexSlot = slot(b.regex, regexSlots);
        }
        b.notRegex = regex(w, "notRegex");
        if (b.notRegex != null) {
            b.notRegexSlot = slot(b.notRegex, regexSlots);
        }
        b.recipientLikelyMinor = tri(bool(w, "recipientLikelyMinor"));
        b.senderLikelyMinor = tri(bool(w, "senderLikelyMinor"));
        b.senderLikelyAdult = tri(bool(w, "senderLikelyAdult"));
        b.adultWitness = tri(bool(w, "adultWitness"));
        Long gap = integer(w, "minAgeGap", false);
        if (gap != null) {
            if (gap < 0 || gap > 100) {
                error(w.values().get("minAgeGap"), "minAgeGap " + gap + " is out of range", "years, 0..100");
            } else {
                b.minAgeGap = gap.intValue();
            }
        }
        Long hours = integer(w, "senderAccountAgeMaxHours", false);
        if (hours != null) {
            if (hours < 0) {
                error(w.values().get("senderAccountAgeMaxHours"), "negative hours", "use hours >= 0");
            } else {
                b.senderAccountAgeMaxHours = hours;
            }
        }
        Long msgs = integer(w, "minConversationMessages", false);
        if (msgs != null) {
            if (msgs < 0) {
                error(w.values().get("minConversationMessages"), "negative count", "use a count >= 0");
            } else {
                b.minConversationMessages = msgs.intValue();
            }
        }
        Boolean priv = bool(w, "privateOnly");
        b.privateOnly = priv != null && priv;
        b.conversationAlerted = tri(bool(w, "conversationAlerted"));
        compileWindows(w.values().get("window"), b);
        if (!w.values().containsKey("all") && !w.values().containsKey("any")
                && b.windows.stream().noneMatch(WindowClause::requiresCue)) {
            error(w, "a rule needs at least one cue in 'all' or 'any', or a window clause that requires one",
                    "rules are indexed by cue; a rule on context alone would fire on every message");
        }
        Node stages = w.values().get("stagesSeen");
        if (stages instanceof ListNode) {
            b.stagesAny = stageList(stages);
        } else if (stages instanceof MapNode sm) {
            checkKeys(sm, STAGES_KEYS);
            b.stagesAny = sm.values().containsKey("any") ? stageList(sm.values().get("any")) : new Stage[0];
            b.stagesAll = sm.values().containsKey("all") ? stageList(sm.values().get("all")) : new Stage[0];
        } else if (stages != null) {
            error(stages, "'stagesSeen' must be a list or {any: [...], all: [...]}",
                    "e.g. 'stagesSeen: [SECRECY, MEETING]'");
        }
    }

    /** {@code window:}: one clause or a list of them (null: none). */
    private void compileWindows(Node window, CompiledRule.Builder b) {
        if (window instanceof MapNode wm) {
            compileWindow(wm, b);
        } else if (window instanceof ListNode wl && !wl.items().isEmpty()) {
            for (Node item : wl.items()) {
                if (item instanceof MapNode wm) {
                    compileWindow(wm, b);
                } else {
                    error(item, "each window clause must be a mapping", "e.g. '- {none: [speech.news], by: any}'");
                }
            }
        } else if (window != null) {
            error(window, "'window' must be a mapping or a list of them",
                    "e.g. 'window: {any: [money.demand], by: same, messages: 8}'");
        }
    }

    /** A window clause: cues earlier messages of the conversation carried, by whom, how far back. */
    private void compileWindow(MapNode wm, CompiledRule.Builder b) {
        checkKeys(wm, WINDOW_KEYS);
        int[] all = cueList(wm, "all");
        int[] any = cueList(wm, "any");
        int[] none = cueList(wm, "none");
        if (all.length + any.length + none.length == 0) {
            error(wm, "a window needs cues in 'all', 'any' or 'none'", "e.g. 'window: {any: [money.demand]}'");
        }
        String byName = string(wm, "by", false);
        ConversationWindow.By by = ConversationWindow.By.ANY;
        if (byName != null) {
            try {
                by = ConversationWindow.By.valueOf(byName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                error(wm.values().get("by"), "unknown 'by' value '" + byName + "'",
                        "same (the sender's own messages), other (anyone else's) or any");
            }
        }
        int messages = (int) bounded(wm, "messages", WindowClause.DEFAULT_MESSAGES, MAX_WINDOW_MESSAGES, "");
        long minutes = bounded(wm, "minutes", WindowClause.DEFAULT_MINUTES, MAX_WINDOW_MINUTES, " (7 days)");
        boolean earlierOnly = Boolean.TRUE.equals(bool(wm, "earlier"));
        int least = 1;
        if (wm.values().containsKey("min") && any.length == 0) {
            error(wm.values().get("min"), "'min' without 'any'", "'min' counts the messages carrying an 'any' cue");
        } else {
            least = (int) bounded(wm, "min", 1, messages + 1L, " (the window's messages, and the current one)");
        }
        int from = (int) bounded(wm, "from", 1, MAX_WINDOW_MESSAGES,
                " (the conversation's message from which the clause is checked)");
        b.windows.add(new WindowClause(all, any, none, by, messages, minutes, earlierOnly, least, from));
    }

    /** An optional whole number in 1..max: the default when absent, an error (and the default) when out of range. */
    private long bounded(MapNode m, String key, long absent, long max, String meaning) {
        Long v = integer(m, key, false);
        if (v == null) {
            return absent;
        }
        if (v < 1 || v > max) {
            error(m.values().get(key), key + " " + v + " is out of range", "1.." + max + meaning);
            return absent;
        }
        return v;
    }

    /** Largest look-back of a window clause, in messages (the conversation keeps no more anyway). */
    static final int MAX_WINDOW_MESSAGES = 200;
    /** Largest look-back of a window clause, in minutes of event time. */
    static final long MAX_WINDOW_MINUTES = 7 * 24 * 60;

    /** One scratch slot per distinct regex source, so rules sharing a regex run it once per message. */
    private int slot(Pattern p, int[] regexSlots) {
        return slots.computeIfAbsent(p.pattern(), k -> regexSlots[0]++);
    }

    private Pattern regex(MapNode w, String key) {
        String regex = string(w, key, false);
        if (regex == null) {
            return null;
        }
        Node where = w.values().get(key);
        String letters = regex.replaceAll("\\\\.", "");
        if (!letters.equals(Folding.fold(letters))) {
            error(where, key + " has upper case or accented letters",
                    "regexes run on folded text (lower case, no accents): write '" + Folding.fold(regex) + "'");
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            error(where, "bad " + key + ": " + e.getMessage(), "RE2 syntax: no backreferences or lookaround");
            return null;
        }
    }

    private List<RuleExample> examples(MapNode m) {
        MapNode em = optionalMapping(m.values().get("examples"),
                "'examples' must be a mapping with 'fire' and 'pass' lists", "e.g. 'examples: {fire: [...]}'");
        if (em == null) {
            return List.of();
        }
        checkKeys(em, EXAMPLES_KEYS);
        List<RuleExample> out = new ArrayList<>();
        for (String kind : List.of("fire", "pass")) {
            Node list = em.values().get(kind);
            if (list == null) {
                continue;
            }
            if (!(list instanceof ListNode l)) {
                error(list, "'" + kind + "' must be a list", "write each example as '- text'");
                continue;
            }
            for (Node e : l.items()) {
                RuleExample r = example(e, kind.equals("fire"));
                if (r != null) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private RuleExample example(Node e, boolean fire) {
        if (e instanceof ScalarNode s && s.value() instanceof String text) {
            return new RuleExample(text, ScoringContext.none(), fire, file, e.line(), List.of());
        }
        if (!(e instanceof MapNode m)) {
            error(e, "an example is a text or a mapping with 'text'", "e.g. '- {text: \"...\", recipientAge: 13}'");
            return null;
        }
        checkKeys(m, EXAMPLE_KEYS);
        String text = string(m, "text", true);
        Long senderAge = integer(m, "senderAge", false);
        Long senderStated = integer(m, "senderStatedAge", false);
        Boolean senderMinor = bool(m, "senderLikelyMinor");
        Long recipientAge = integer(m, "recipientAge", false);
        Long recipientStated = integer(m, "recipientStatedAge", false);
        Boolean recipientMinor = bool(m, "recipientLikelyMinor");
        Long accountHours = integer(m, "senderAccountAgeHours", false);
        Long messages = integer(m, "conversationMessages", false);
        Boolean publicRoom = bool(m, "public");
        Boolean alerted = bool(m, "conversationAlerted");
        Stage[] stages = m.values().containsKey("stagesSeen") ? stageList(m.values().get("stagesSeen"))
                : new Stage[0];
        List<RuleExample.Before> before = before(m.values().get("before"));
        if (text == null) {
            return null;
        }
        Alert.PersonAge sender = person("sender", senderAge, senderStated, senderMinor);
        // a public example keeps a recipient only when it names one: the room's audience, as the assessor passes it
        boolean audience = recipientAge != null || recipientStated != null || recipientMinor != null;
        List<Alert.PersonAge> recipients = publicRoom != null && publicRoom && !audience ? List.of()
                : List.of(person("recipient", recipientAge, recipientStated, recipientMinor));
        Set<Stage> seen = stages.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(stages));
        ScoringContext ctx = new ScoringContext(sender, recipients,
                accountHours == null ? -1 : accountHours * 3_600_000L, seen,
                messages == null ? 0 : messages.intValue(), null, alerted != null && alerted,
                publicRoom != null && publicRoom);
        return new RuleExample(text, ctx, fire, file, m.line(), before);
    }

    /** An example's earlier messages: texts (by the same sender) or {text, by: same|other}. */
    private List<RuleExample.Before> before(Node n) {
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof ListNode l)) {
            error(n, "'before' must be a list of earlier messages", "e.g. 'before: [\"...\", {text: \"...\", by: other}]'");
            return List.of();
        }
        List<RuleExample.Before> out = new ArrayList<>();
        for (Node item : l.items()) {
            if (item instanceof ScalarNode s && s.value() instanceof String t) {
                out.add(new RuleExample.Before(t, false));
            } else if (item instanceof MapNode bm) {
                checkKeys(bm, BEFORE_KEYS);
                String t = string(bm, "text", true);
                String by = string(bm, "by", false);
                if (by != null && !by.equals("same") && !by.equals("other")) {
                    error(bm.values().get("by"), "unknown 'by' value '" + by + "'", "same or other");
                }
                if (t != null) {
                    out.add(new RuleExample.Before(t, "other".equals(by)));
                }
            } else {
                error(item, "an earlier message is a text or {text, by}", null);
            }
        }
        return out;
    }

    private static Alert.PersonAge person(String id, Long declared, Long stated, Boolean minor) {
        Integer d = declared == null ? null : declared.intValue();
        Integer s = stated == null ? null : stated.intValue();
        Integer effective = s != null ? s : d;
        boolean likelyMinor = minor != null ? minor : effective != null && effective < 18;
        return new Alert.PersonAge(id, d, s, likelyMinor);
    }

    private List<Category> categories(MapNode m) {
        Node n = m.values().get("categories");
        if (n == null) {
            error(m.line(), m.column(), "missing key 'categories'", "e.g. 'categories: [CHILD_GROOMING]'");
            return List.of();
        }
        List<Node> items = n instanceof ListNode l ? l.items() : List.of(n);
        Set<Category> out = new LinkedHashSet<>();
        for (Node item : items) {
            String v = scalarString(item);
            if (v == null) {
                error(item, "a category must be a name", "one of " + Arrays.toString(Category.values()));
                continue;
            }
            try {
                out.add(Category.parse(v));
            } catch (IllegalArgumentException e) {
                error(item, "unknown category '" + v + "'", suggestion(v, enumNames(Category.values()))
                        .orElse("one of " + Arrays.toString(Category.values())));
            }
        }
        if (items.isEmpty()) {
            error(n, "a rule needs at least one category", "e.g. 'categories: [CHILD_GROOMING]'");
        }
        return List.copyOf(out);
    }

    private Stage stage(String v, Node where) {
        try {
            return Stage.parse(v);
        } catch (IllegalArgumentException e) {
            error(where, "unknown stage '" + v + "'", suggestion(v, enumNames(Stage.values()))
                    .orElse("one of " + Arrays.toString(Stage.values())));
            return null;
        }
    }

    private Stage[] stageList(Node n) {
        List<Node> items = n instanceof ListNode l ? l.items() : List.of(n);
        List<Stage> out = new ArrayList<>();
        for (Node item : items) {
            String v = scalarString(item);
            if (v == null) {
                error(item, "a stage must be a name", "one of " + Arrays.toString(Stage.values()));
                continue;
            }
            Stage s = stage(v, item);
            if (s != null && !out.contains(s)) {
                out.add(s);
            }
        }
        return out.toArray(new Stage[0]);
    }

    private int[] cueList(MapNode m, String key) {
        Node n = m.values().get(key);
        if (n == null) {
            return new int[0];
        }
        List<Node> items = n instanceof ListNode l ? l.items() : List.of(n);
        Set<Integer> ids = new LinkedHashSet<>();
        for (Node item : items) {
            String v = scalarString(item);
            if (v == null) {
                error(item, "a cue must be a name", "e.g. 'groom.secrecy'");
                continue;
            }
            int id = cue(v, item);
            if (id >= 0) {
                ids.add(id);
            }
        }
        return ids.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private int cue(String name, Node where) {
        int id = cues.id(name);
        if (id < 0) {
            error(where, "unknown cue '" + name + "'", suggestion(name, cueNames)
                    .orElse("cues are listed in docs/concepts.md"));
        }
        return id;
    }

    private void checkKeys(MapNode m, Set<String> allowed) {
        for (YamlTree.Key k : m.keys().values()) {
            if (!allowed.contains(k.name())) {
                error(k.line(), k.column(), "unknown key '" + k.name() + "'",
                        suggestion(k.name(), allowed).orElse("allowed keys: " + new java.util.TreeSet<>(allowed)));
            }
        }
    }

    private String string(MapNode m, String key, boolean required) {
        Node n = m.values().get(key);
        if (n == null) {
            if (required) {
                error(m.line(), m.column(), "missing key '" + key + "'", "every rule needs 'id' and 'description'");
            }
            return null;
        }
        String v = scalarString(n);
        if (v == null || (required && v.isBlank())) {
            error(n, "'" + key + "' must be a non-empty text", null);
            return null;
        }
        return v;
    }

    private Long integer(MapNode m, String key, boolean required) {
        Node n = m.values().get(key);
        if (n == null) {
            if (required) {
                error(m.line(), m.column(), "missing key '" + key + "'", null);
            }
            return null;
        }
        if (n instanceof ScalarNode s && s.value() instanceof Long l) {
            return l;
        }
        error(n, "'" + key + "' must be a whole number", null);
        return null;
    }

    private Boolean bool(MapNode m, String key) {
        Node n = m.values().get(key);
        if (n == null) {
            return null;
        }
        if (n instanceof ScalarNode s && s.value() instanceof Boolean v) {
            return v;
        }
        error(n, "'" + key + "' must be true or false", null);
        return null;
    }

    private static String scalarString(Node n) {
        if (n instanceof ScalarNode s && s.value() != null && !(s.value() instanceof Boolean)) {
            return String.valueOf(s.value());
        }
        return null;
    }

    private static byte tri(Boolean b) {
        return b == null ? CompiledRule.ANY : b ? CompiledRule.YES : CompiledRule.NO;
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static List<String> enumNames(Enum<?>[] values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> e : values) {
            out.add(e.name());
        }
        return out;
    }

    /** "did you mean 'x'?" for the closest candidate within a small edit distance. */
    static java.util.Optional<String> suggestion(String bad, java.util.Collection<String> candidates) {
        String lower = bad.toLowerCase(Locale.ROOT);
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(lower, c.toLowerCase(Locale.ROOT));
            if (d < bestD || (d == bestD && best != null && c.compareTo(best) < 0)) {
                bestD = d;
                best = c;
            }
        }
        int limit = Math.max(2, bad.length() / 4);
        return best != null && bestD <= limit ? java.util.Optional.of("did you mean '" + best + "'?")
                : java.util.Optional.empty();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private void error(Node where, String reason, String hint) {
        error(where.line(), where.column(), reason, hint);
    }

    private void error(int line, int column, String reason, String hint) {
        errors.add(new LoadError(file, line, column, reason, hint));
    }
}
