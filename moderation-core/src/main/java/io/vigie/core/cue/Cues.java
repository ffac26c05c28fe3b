package io.vigie.core.cue;

import io.vigie.core.contract.Category;

/**
 * Names of the built-in cues that pattern extractors and hash lists feed (lexicon files add the others; see
 * docs/concepts.md). Resolve them to ids once with {@link CueRegistry#id(String)}.
 */
public final class Cues {

    /** The writer states their own age; the value is {@link MessageCues#statedAge()}. */
    public static final String AGE_STATED = "age.stated";
    /** {@link #AGE_STATED} with a value under 18. */
    public static final String AGE_STATED_MINOR = "age.stated_minor";
    /** {@link #AGE_STATED} with a value of 18 or more. */
    public static final String AGE_STATED_ADULT = "age.stated_adult";
    /** Hints that the writer is a minor (school grades, parents' rules, a stated minor age). */
    public static final String AGE_MINOR_CONTEXT = "age.minor_context";
    /** FR and international phone numbers. */
    public static final String CONTACT_PHONE = "contact.phone";
    /** E-mail addresses. */
    public static final String CONTACT_EMAIL = "contact.email";
    /** URLs and invite links. */
    public static final String CONTACT_LINK = "contact.link";
    /** {@code @handles}, and usernames joined by an underscore ("perle_events"). */
    public static final String CONTACT_HANDLE = "contact.handle";
    /** Clock times and moments ("18h", "8pm", "ce soir"). */
    public static final String MEETING_TIME = "meeting.time";
    /** Street addresses and French postal codes. */
    public static final String MEETING_ADDRESS = "meeting.address";
    /** Prices and rates ("150€", "100 la demi-heure"). */
    public static final String MONEY_PRICE = "money.price";
    /** A standalone number of 1 to 7 digits that is not part of a phone number ("500", "1000", "8"). */
    public static final String NUMBER_ANY = "number.any";
    /**
     * A data size: digits and a unit, glued or apart ("40gb", "20 Go", "3TB", "500 mb"; not "2 to 3", not "3mo").
     * Glued, the unit hides inside the number's word, where no lexicon pattern can read it.
     */
    public static final String NUMBER_SIZE = "number.size";
    /**
     * A word the writer capitalized inside a sentence ("add me on Kestrel", "t'as Blinq ?"): a name of a person,
     * a place or an app nobody listed. Not at a sentence's start, not in all capitals, not a weekday, a month
     * or a holiday. Lexicon patterns read it beside a move ({@code @text.name}).
     */
    public static final String TEXT_NAME = "text.name";
    /** An attachment's SHA-256 is on a known-media list. */
    public static final String MEDIA_KNOWN_SHA256 = "media.known_sha256";
    /** An attachment's PDQ hash is within the Hamming threshold of a listed one. */
    public static final String MEDIA_KNOWN_PDQ = "media.known_pdq";

    /**
     * The statistical risk model ({@link io.vigie.core.model.RiskModel}) scores the message as harmful above its
     * low threshold. Weak alone: rules read it twice in a conversation, or beside other cues.
     */
    public static final String MODEL_HARM = "model.harm";
    /**
     * The risk model does not read the message as everyday talk: its harm score is above a quarter of the low
     * threshold ({@link io.vigie.core.model.RiskModel#plausibleThreshold()}); fires on every message with text when no
     * model is loaded. Rules whose words also fill ordinary chat require it in their window, so the model can veto them
     * without ever making them fire.
     */
    public static final String MODEL_PLAUSIBLE = "model.plausible";
    /**
     * The risk model scores the message above 70 % of its low threshold ({@link
     * io.vigie.core.model.RiskModel#weakThreshold()}): weak harm, common alone; rules count it over several
     * messages of a conversation.
     */
    public static final String MODEL_HARM_WEAK = "model.harm_weak";
    /** The risk model scores the message as harmful above its high threshold. */
    public static final String MODEL_HARM_HIGH = "model.harm_high";
    /**
     * The risk model's context output reads the conversation so far, this message included, as possibly harmful:
     * its context score ({@link io.vigie.core.model.RiskModel.Context}) is above the gate calibrated with the model.
     * Fires on a conversation's first message (a message alone is judged by its words), and on every message with
     * text when no model (or a model without the context output) is loaded. Rules whose words also fill benign
     * conversations (a parent fetching a child, a journalist's interview, a moderators' channel) require it on the
     * message they fire on, so the conversation can veto them without ever making them fire.
     */
    public static final String MODEL_CONTEXT = "model.context";

    /** The risk model's category cues, in {@link Category} order: {@code model.<category in lower case>}. */
    private static final String[] MODEL_CATEGORIES = new String[Category.values().length];

    static {
        for (Category c : Category.values()) {
            MODEL_CATEGORIES[c.ordinal()] = "model." + c.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The cue the risk model fires with {@link #MODEL_HARM_WEAK} for a category it assigns to the message
     * ("model.threat", "model.child_grooming"): rules pair it with {@link #MODEL_HARM} for a confident reading.
     */
    public static String model(Category category) {
        return MODEL_CATEGORIES[category.ordinal()];
    }

    /** Every built-in cue, in id order (built-in cues take the first ids). */
    static final String[] BUILT_IN = {
        AGE_STATED, AGE_STATED_MINOR, AGE_STATED_ADULT, AGE_MINOR_CONTEXT,
        CONTACT_PHONE, CONTACT_EMAIL, CONTACT_LINK, CONTACT_HANDLE,
        MEETING_TIME, MEETING_ADDRESS, MONEY_PRICE, MEDIA_KNOWN_SHA256, MEDIA_KNOWN_PDQ, NUMBER_ANY, TEXT_NAME,
        NUMBER_SIZE,
        MODEL_HARM, MODEL_HARM_HIGH, MODEL_PLAUSIBLE, MODEL_HARM_WEAK,
        MODEL_CATEGORIES[0], MODEL_CATEGORIES[1], MODEL_CATEGORIES[2], MODEL_CATEGORIES[3], MODEL_CATEGORIES[4],
        MODEL_CATEGORIES[5], MODEL_CATEGORIES[6], MODEL_CATEGORIES[7], MODEL_CATEGORIES[8], MODEL_CONTEXT,
    };

    private Cues() {
    }

    /** The built-in cue names, in id order: ids 0..n-1 always belong to them. */
    public static String[] builtIn() {
        return BUILT_IN.clone();
    }
}
