package io.vigie.core.assess;

import io.vigie.core.cue.CueRegistry;
import io.vigie.core.cue.Cues;
import io.vigie.core.cue.MessageCues;

/**
 * The cues of a message whose stated age is an echo of someone else's ("Twelve! you write well" after the child's
 * "im twelve"): the same cues without the stated age and the age cues it fired, so that no rule reads the adult
 * who echoes as a twelve-year-old. Built only for such messages (rare); a view over the extractor's cues, valid as
 * long as they are.
 */
final class EchoedAgeCues implements MessageCues {

    private final MessageCues cues;
    private final int[] fired;
    private final int firedCount;
    private final int stated;
    private final int statedMinor;
    private final int statedAdult;
    private final int minorContext;

    private EchoedAgeCues(MessageCues cues, int stated, int statedMinor, int statedAdult, int minorContext) {
        this.cues = cues;
        this.stated = stated;
        this.statedMinor = statedMinor;
        this.statedAdult = statedAdult;
        this.minorContext = minorContext;
        int[] all = cues.firedCues();
        int[] kept = new int[cues.firedCount()];
        int n = 0;
        for (int i = 0; i < cues.firedCount(); i++) {
            if (!hidden(all[i])) {
                kept[n++] = all[i];
            }
        }
        this.fired = kept;
        this.firedCount = n;
    }

    /** {@code cues} without the age statement when it was an echo, else {@code cues} itself. */
    static MessageCues of(MessageCues cues, boolean echo, CueRegistry registry) {
        if (!echo) {
            return cues;
        }
        return new EchoedAgeCues(cues, registry.id(Cues.AGE_STATED), registry.id(Cues.AGE_STATED_MINOR),
                registry.id(Cues.AGE_STATED_ADULT), registry.id(Cues.AGE_MINOR_CONTEXT));
    }

    private boolean hidden(int cue) {
        return cue >= 0 && (cue == stated || cue == statedMinor || cue == statedAdult || cue == minorContext);
    }

    @Override
    public CharSequence raw() {
        return cues.raw();
    }

    @Override
    public boolean has(int cueId) {
        return !hidden(cueId) && cues.has(cueId);
    }

    @Override
    public int count(int cueId) {
        return hidden(cueId) ? 0 : cues.count(cueId);
    }

    @Override
    public int start(int cueId) {
        return hidden(cueId) ? -1 : cues.start(cueId);
    }

    @Override
    public int end(int cueId) {
        return hidden(cueId) ? -1 : cues.end(cueId);
    }

    @Override
    public int statedAge() {
        return -1;
    }

    @Override
    public int statedAgeStart() {
        return -1;
    }

    @Override
    public int statedAgeEnd() {
        return -1;
    }

    @Override
    public int[] firedCues() {
        return fired;
    }

    @Override
    public int firedCount() {
        return firedCount;
    }

    @Override
    public String error() {
        return cues.error();
    }

    @Override
    public String folded() {
        return cues.folded();
    }

    @Override
    public float contextSum() {
        return cues.contextSum();
    }

    @Override
    public float contextScore() {
        return cues.contextScore();
    }
}
