package io.vigie.core.assess;

import io.vigie.core.contract.Attachment;
import io.vigie.core.cue.CueRegistry;
import io.vigie.core.cue.CueExtractor;
import io.vigie.core.cue.MessageCues;
import io.vigie.core.cue.CueModel;
import io.vigie.core.testing.FakeCues;
import io.vigie.core.testing.ListCueRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test double of the signal model: each cue fires on plain lower-case keywords (first occurrence gives the
 * span), "j'ai N ans" states an age, and attachments whose sha256 is in the given set fire
 * {@code media.known_sha256}. Enough to drive assessment logic without the real lexicons.
 */
public final class FakeCueModel implements CueModel {

    private static final Pattern STATED_AGE = Pattern.compile("j'ai (\\d{1,2}) ans");

    private final ListCueRegistry names;
    private final Map<String, List<String>> keywords;
    private final Set<String> knownSha256;

    /**
     * @param keywords cue name to the keywords that fire it
     */
    public FakeCueModel(Map<String, List<String>> keywords, Set<String> knownSha256) {
        this.keywords = new LinkedHashMap<>(keywords);
        List<String> n = new ArrayList<>(List.of("age.stated", "age.stated_minor", "media.known_sha256",
                "media.known_pdq"));
        for (String cue : keywords.keySet()) {
            if (!n.contains(cue)) {
                n.add(cue);
            }
        }
        this.names = new ListCueRegistry(n);
        this.knownSha256 = Set.copyOf(knownSha256);
    }

    /** The cue vocabulary used by the session tests. */
    public static FakeCueModel standard(Set<String> knownSha256) {
        Map<String, List<String>> k = new LinkedHashMap<>();
        k.put("age.question", List.of("quel age", "asv"));
        k.put("age.minor_context", List.of("au college", "ma mere veut pas"));
        k.put("grooming.trust", List.of("mature pour ton age"));
        k.put("grooming.secrecy", List.of("dis rien a tes parents", "notre secret"));
        k.put("grooming.isolation", List.of("tes parents te comprennent pas"));
        k.put("minor_sex.photo_request", List.of("envoie une photo"));
        k.put("grooming.meeting", List.of("on se voit"));
        k.put("contact.app", List.of("snap"));
        k.put("hate.slur", List.of("slurword"));
        k.put("threat.harm", List.of("je sais ou tu habites"));
        k.put("weak.hint", List.of("weakcue"));
        k.put("shadow.cue", List.of("shadowcue"));
        return new FakeCueModel(k, knownSha256);
    }

    @Override
    public CueRegistry cues() {
        return names;
    }

    @Override
    public CueExtractor newExtractor() {
        return new Extractor();
    }

    @Override
    public String version() {
        return "fake-signals";
    }

    private final class Extractor implements CueExtractor {
        private final FakeCues features = new FakeCues(names.size());

        @Override
        public MessageCues extract(CharSequence text, List<Attachment> attachments, long eventTimeMs) {
            features.reset(text);
            String lower = text.toString().toLowerCase(Locale.ROOT);
            for (Map.Entry<String, List<String>> e : keywords.entrySet()) {
                int id = names.id(e.getKey());
                for (String kw : e.getValue()) {
                    int i = lower.indexOf(kw);
                    if (i >= 0) {
                        features.hit(id, i, i + kw.length());
                    }
                }
            }
            Matcher m = STATED_AGE.matcher(lower);
            if (m.find()) {
                int statedAge = Integer.parseInt(m.group(1));
                features.statedAge(statedAge, m.start(), m.end());
                features.hit(names.id("age.stated"), m.start(), m.end());
                if (statedAge < 18) {
                    features.hit(names.id("age.stated_minor"), m.start(), m.end());
                }
            }
            for (Attachment a : attachments) {
                if (a.sha256() != null && knownSha256.contains(a.sha256())) {
                    features.hit(names.id("media.known_sha256"), -1, -1);
                }
            }
            return features.finish();
        }
    }
}
