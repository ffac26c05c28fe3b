package io.vigie.core.rule;

import io.vigie.core.contract.Attachment;
import io.vigie.core.rule.internal.Folding;
import io.vigie.core.cue.CueRegistry;
import io.vigie.core.cue.CueExtractor;
import io.vigie.core.cue.MessageCues;
import io.vigie.core.cue.CueModel;
import io.vigie.core.testing.FakeCues;
import io.vigie.core.testing.ListCueRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small stand-in for the signals helper's model, for rule tests only: the cue names of docs/concepts.md,
 * a phrase lexicon from {@code fake-lexicon.tsv} matched word-bounded on the rule fold, and a few regexes for
 * the built-in cues. Deliberately simple; the real model replaces it in {@link TestModels} as soon as it exists.
 */
public final class FakeCueModel implements CueModel {

    /** Cue names of docs/concepts.md, in a fixed order (ids are indexes). */
    public static final List<String> CUES = List.of(
            "age.stated", "age.stated_minor", "age.stated_adult", "contact.phone", "contact.email",
            "contact.link", "contact.handle", "meeting.time", "meeting.address", "money.price",
            "media.known_sha256", "media.known_pdq",
            "age.question", "age.minor_context", "grooming.trust", "grooming.risk", "grooming.exclusivity",
            "grooming.isolation", "grooming.secrecy", "minor_sex.sexual_talk", "minor_sex.photo_request", "grooming.gift",
            "grooming.meeting", "contact.app", "meeting.alone", "meeting.place", "money.rates",
            "prostitution.offer", "prostitution.recruit", "csam.codeword", "csam.exchange",
            "hate.slur", "hate.attack", "hate.self_id", "speech.counter", "ambush.group",
            "ambush.lure", "sexual_violence.unconscious", "sexual_violence.recruit", "sexual_violence.no_consent", "threat.harm",
            "threat.expose");

    /** SHA-256 values the fake treats as known media (generated for tests, not a real list). */
    public static final Set<String> KNOWN_SHA256 = Set.of(
            "3f1a5b0c9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b");

    private static final Pattern AGE = Pattern.compile(
            "\\b(?:j'?ai|jai|i'?m|i am|im)\\s*(\\d{1,2})\\s*(?:ans|an|a|yo|y/o|years? old)\\b"
                    + "|\\b(?:i'?m|i am)\\s+(\\d{1,2})\\b(?!\\s*(?:min|h\\b|hours|km|mi))"
                    + "|\\b(\\d{1,2})\\s*(?:yo|y/o|ans)\\b(?!\\s*(?:de|d'|of))"
                    + "|\\bnee? en (\\d{4})\\b"
                    + "|^\\s*(\\d{1,2})\\s*[fmh]\\b");
    private static final Pattern PHONE = Pattern.compile("(?:\\+33\\s?|\\b0)[67](?:[\\s.-]?\\d{2}){4}\\b");
    private static final Pattern EMAIL = Pattern.compile("\\b[\\w.]+@[\\w-]+\\.[a-z]{2,}\\b");
    private static final Pattern LINK = Pattern.compile("https?://\\S+|\\b[\\w-]+\\.(?:com|fr|gg|me|io)/\\S*");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\w.])@[a-z0-9_.]{3,}");
    private static final Pattern TIME = Pattern.compile(
            "\\b\\d{1,2}h(?:\\d{2})?\\b|\\b\\d{1,2}\\s?pm\\b|\\bce soir\\b|\\btonight\\b|\\bdemain\\b|\\btomorrow\\b");
    private static final Pattern ADDRESS = Pattern.compile(
            "\\b\\d{1,3},? (?:rue|avenue|bd|boulevard|chemin|street|st)\\b|\\b(?:0[1-9]|[1-8]\\d|9[0-5])\\d{3}\\b");
    private static final Pattern PRICE = Pattern.compile(
            "\\d+\\s?(?:€|euros?\\b|eur\\b|balles\\b|dollars\\b|bucks\\b)|\\$\\s?\\d+"
                    + "|\\b\\d+ (?:la|the|an|a) (?:demi-heure|demi heure|heure|nuit|hour|night)\\b");

    private final ListCueRegistry registry = new ListCueRegistry(CUES);
    private final Map<String, List<String>> lexicon;

    public FakeCueModel() {
        this.lexicon = readLexicon();
    }

    @Override
    public CueRegistry cues() {
        return registry;
    }

    @Override
    public CueExtractor newExtractor() {
        return new Extractor();
    }

    @Override
    public String version() {
        return "fake";
    }

    private Map<String, List<String>> readLexicon() {
        Map<String, List<String>> out = new HashMap<>();
        try (InputStream in = FakeCueModel.class.getResourceAsStream("fake-lexicon.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (registry.id(parts[0]) < 0) {
                    throw new IllegalStateException("fake lexicon names unknown cue " + parts[0]);
                }
                out.computeIfAbsent(Folding.fold(parts[1].trim()), k -> new ArrayList<>()).add(parts[0]);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private final class Extractor implements CueExtractor {
        private final FakeCues features = new FakeCues(CUES.size());

        @Override
        public MessageCues extract(CharSequence text, List<Attachment> attachments, long eventTimeMs) {
            features.reset(text);
            String folded = Folding.fold(text);
            for (Map.Entry<String, List<String>> e : lexicon.entrySet()) {
                String phrase = e.getKey();
                int from = 0;
                int at;
                while ((at = folded.indexOf(phrase, from)) >= 0) {
                    int stop = at + phrase.length();
                    boolean left = at == 0 || !Character.isLetterOrDigit(folded.charAt(at - 1));
                    boolean right = stop == folded.length() || !Character.isLetterOrDigit(folded.charAt(stop));
                    if (left && right) {
                        for (String cue : e.getValue()) {
                            features.hit(registry.id(cue), at, stop);
                        }
                    }
                    from = at + 1;
                }
            }
            Matcher m = AGE.matcher(folded);
            if (m.find() && !folded.substring(m.end()).trim().startsWith("min")) {
                int g = 1;
                while (m.group(g) == null) {
                    g++;
                }
                int value = Integer.parseInt(m.group(g));
                if (g == 4) {
                    value = Instant.ofEpochMilli(eventTimeMs).atZone(ZoneOffset.UTC).getYear() - value;
                }
                if (value >= 5 && value <= 99) {
                    features.statedAge(value, m.start(), m.end());
                    features.hit(registry.id("age.stated"), m.start(), m.end());
                    features.hit(registry.id(value < 18 ? "age.stated_minor" : "age.stated_adult"), m.start(), m.end());
                }
            }
            find(PHONE, folded, "contact.phone");
            find(EMAIL, folded, "contact.email");
            find(LINK, folded, "contact.link");
            find(HANDLE, folded, "contact.handle");
            find(TIME, folded, "meeting.time");
            find(ADDRESS, folded, "meeting.address");
            find(PRICE, folded, "money.price");
            for (Attachment a : attachments) {
                if (a.sha256() != null && KNOWN_SHA256.contains(a.sha256())) {
                    features.hit(registry.id("media.known_sha256"), -1, -1);
                }
            }
            return features.finish();
        }

        private void find(Pattern p, String folded, String cue) {
            Matcher m = p.matcher(folded);
            while (m.find()) {
                features.hit(registry.id(cue), m.start(), m.end());
            }
        }
    }
}
