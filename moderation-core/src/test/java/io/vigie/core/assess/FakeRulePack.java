package io.vigie.core.assess;

import io.vigie.core.contract.Category;
import io.vigie.core.rule.Finding;
import io.vigie.core.rule.ScoringContext;
import io.vigie.core.contract.Stage;
import io.vigie.core.cue.CueRegistry;
import io.vigie.core.cue.MessageCues;
import io.vigie.core.rule.RulePack;

import java.util.ArrayList;
import java.util.List;

/** A test double of a rule pack: one rule per cue, optionally only when a recipient is likely a minor. */
public final class FakeRulePack implements RulePack {

    /** One rule: fires when {@code cue} fired (and a recipient is likely a minor if {@code needsMinor}). */
    public record Rule(String id, String cue, List<Category> categories, int score, Stage stage, boolean shadow,
                       boolean needsMinor) {
    }

    private final List<Rule> rules;
    private final int[] cueIds;
    private ScoringContext lastContext;

    public FakeRulePack(CueRegistry cues, List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.cueIds = new int[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            cueIds[i] = cues.id(rules.get(i).cue());
            if (cueIds[i] < 0) {
                throw new IllegalArgumentException("unknown cue " + rules.get(i).cue());
            }
        }
    }

    /** The rules used by the session tests, over {@link FakeCueModel#standard}. */
    public static FakeRulePack standard(CueRegistry cues) {
        return new FakeRulePack(cues, List.of(
                new Rule("grooming.age_check", "age.question", List.of(Category.CHILD_GROOMING), 5,
                        Stage.AGE_CHECK, false, false),
                new Rule("grooming.trust", "grooming.trust", List.of(Category.CHILD_GROOMING), 20, Stage.TRUST, false,
                        true),
                new Rule("grooming.secrecy", "grooming.secrecy", List.of(Category.CHILD_GROOMING), 25, Stage.SECRECY,
                        false, true),
                new Rule("grooming.isolation", "grooming.isolation", List.of(Category.CHILD_GROOMING), 20,
                        Stage.ISOLATION, false, true),
                new Rule("grooming.photo", "minor_sex.photo_request", List.of(Category.CHILD_GROOMING,
                        Category.MINOR_SEXUALIZATION), 30, Stage.PHOTO_REQUEST, false, true),
                new Rule("grooming.meeting", "grooming.meeting", List.of(Category.CHILD_GROOMING), 20, Stage.MEETING,
                        false, true),
                new Rule("offplatform.app", "contact.app", List.of(Category.OFF_PLATFORM), 15, null, false, false),
                new Rule("hate.slur", "hate.slur", List.of(Category.HATE_HOMOPHOBIC), 45, null, false,
                        false),
                new Rule("threat.harm", "threat.harm", List.of(Category.THREAT), 75, null, false, false),
                new Rule("weak.hint", "weak.hint", List.of(Category.PROSTITUTION), 15, null, false, false),
                new Rule("csam.known_media", "media.known_sha256", List.of(Category.CSAM), 100, null, false, false),
                new Rule("experimental.shadow", "shadow.cue", List.of(Category.THREAT), 95, null, true, false)));
    }

    /** The context of the last evaluation (single-threaded tests only); null before the first. */
    public ScoringContext lastContext() {
        return lastContext;
    }

    @Override
    public String version() {
        return "fake-rules-1";
    }

    @Override
    public List<String> ruleIds() {
        List<String> ids = new ArrayList<>();
        for (Rule r : rules) {
            ids.add(r.id());
        }
        return ids;
    }

    @Override
    public void evaluate(MessageCues features, ScoringContext context, List<Finding> out, List<String> errors) {
        lastContext = context;
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            int cue = cueIds[i];
            if (!features.has(cue) || (r.needsMinor() && !context.recipientLikelyMinor())) {
                continue;
            }
            int s = features.start(cue);
            int e = features.end(cue);
            String evidence = s >= 0 ? features.raw().subSequence(s, e).toString() : null;
            out.add(new Finding(r.id(), r.categories(), r.score(), evidence, s, e, r.stage(), r.shadow()));
        }
    }
}
