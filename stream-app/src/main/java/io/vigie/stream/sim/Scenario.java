package io.vigie.stream.sim;

import io.vigie.core.contract.Category;

/**
 * The scripted harmful conversations the simulator injects, each labelled with the category a moderator
 * would file it under. Closed set, safe as a metric tag.
 */
public enum Scenario {
    /** An adult asks a minor's age, flatters, checks she is alone, asks for secrecy, moves to Snap, sets a meeting. */
    GROOMING(Category.CHILD_GROOMING),
    /** Two accounts trade abuse material by codewords and links (no media, no description). */
    CSAM_TRADE(Category.CSAM),
    /** A fake new profile lures a gay man to come alone to a place and time (homophobic guet-apens). */
    HOMOPHOBIC_AMBUSH(Category.AMBUSH),
    /** Recruiting men for sex with a drugged, unconscious woman (non-explicit). */
    SEXUAL_VIOLENCE_RECRUITMENT(Category.SEXUAL_VIOLENCE),
    /** A pimp advertises women with prices and a phone number. */
    PIMPING(Category.PROSTITUTION),
    /** Slurs and threats aimed at a gay user. */
    HOMOPHOBIC_HATE(Category.HATE_HOMOPHOBIC),
    /** Threat to leak intimate images unless paid. */
    SEXTORTION(Category.THREAT);

    private final Category category;

    Scenario(Category category) {
        this.category = category;
    }

    /** The contract category this scenario should be alerted under, never null. */
    public Category category() {
        return category;
    }
}
