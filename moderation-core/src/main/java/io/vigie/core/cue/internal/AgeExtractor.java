package io.vigie.core.cue.internal;

/**
 * Finds the writer's own stated age around a number: "j'ai 14 ans", "jai 14a", "quatorze ans", "I'm 13",
 * "13yo", "13 y/o", "13 years old", an asv answer "14 f paris" / "14/h/75", a birth year "né en 2012".
 *
 * <p>A number counts only when (a) a unit, a gender or nothing at all follows it ("14 minutes" and
 * "j'ai 2 chats" fail here) and (b) the word before it is first person ("j'ai", "im", "moi") or the clause
 * starts there (a greeting or "asv" may open it). Anything else before it ("mon fils a", "il y a", "de")
 * fails, which is what keeps other people's ages and durations out. Not thread-safe (shares the view).
 */
final class AgeExtractor {

    static final int MIN_AGE = 5;
    /**
     * The youngest age read from a number and its unit with no first-person word before it ("8 ans", "ha. 9 years"):
     * below it the phrase is a duration (a wedding anniversary, a job), while "j'ai 6 ans" still counts.
     */
    static final int YOUNGEST_UNSAID = 8;
    static final int MAX_AGE = 99;

    private final Vocab vocab;

    AgeExtractor(Vocab vocab) {
        this.vocab = vocab;
    }

    /**
     * Tries the number at folded {@code [ns, ne)}.
     *
     * @param isWord true for a number word ("quatorze"), false for a digit run
     * @return true when an age was reported
     */
    boolean tryNumber(FoldedView v, int ns, int ne, int value, boolean isWord, DefaultCueExtractor out) {
        if (value < MIN_AGE || value > MAX_AGE) {
            return false;
        }
        if (!isWord && v.at(ns - 1) == '-' && !v.word(ns - 2)) {
            return false; // "j'ai -5 ans": a negative number is no age (a range like "14-15" keeps its digits)
        }
        if (!isWord && (v.at(ns - 1) == ':' || v.at(ns - 1) == '.' || v.at(ns - 1) == ',') && v.digit(ns - 2)) {
            return false; // "at 3:15", "3.15", "2,15": the minutes of a time or a decimal, not an age
        }
        if (!isWord && isMoneyOrRate(v.at(ne))) {
            return false; // "12€/h", "15%": a price or a share, not "14/h/75"
        }
        int pe = v.prevTokenEnd(ns);
        int ps = pe >= 0 ? v.tokenStart(pe) : -1;
        boolean saidOfMe = pe >= 0 && vocab.firstPerson.contains(v.buf, ps, pe);
        if (!isWord && !saidOfMe && (v.at(ne) == '.' || v.at(ne) == ',') && v.digit(ne + 1)) {
            return false; // "12.60 an hour", "14,5 km": the whole part of a decimal ("I'm 13.5" stays the writer's)
        }
        boolean unit = false;
        boolean gender = false;
        boolean bare = false;
        int end = ne;
        if (!isWord && v.letter(ne)) {
            int se = v.tokenEnd(ne);
            if (!vocab.ageUnitAttached.contains(v.buf, ne, se)) {
                return false; // "18h", "4e", "14min"
            }
            unit = true;
            end = unitTail(v, ne, se);
        } else if (v.word(ne)) {
            return false;
        } else if (v.at(ne) == ',' && saidOfMe && !v.digit(v.nextTokenStart(ne))) {
            bare = true; // "im 13, is that too young?": the clause goes on after a comma
        } else {
            int ts = v.nextTokenStart(ne);
            if (ts < 0) {
                bare = true;
            } else {
                int te = v.tokenEnd(ts);
                if (vocab.ageUnit.contains(v.buf, ts, te)) {
                    unit = true;
                    end = unitTail(v, ts, te);
                } else if (vocab.gender.contains(v.buf, ts, te) && ts - ne <= 2) {
                    if (v.is(ts, te, "h") && looksLikeMinutes(v, te)) {
                        return false; // "14 h 30" is a time
                    }
                    gender = true;
                    end = te;
                } else if (vocab.follower.contains(v.buf, ts, te)) {
                    if (vocab.conjunction.contains(v.buf, ts, te) && !answerGoesOn(v, te)) {
                        return false; // "11 and cracked like that??" echoes someone's age; "14 and u?" answers
                    }
                    bare = true;
                } else {
                    return false;
                }
            }
        }
        if (unit && notAnAge(v, end)) {
            return false; // "7 ans d'écart", "10 years ago", "20 ans de mariage", "9yo series": not an age
        }
        int start = ns;
        boolean firstPerson = false;
        int age = value;
        if (pe >= 0) {
            if (vocab.firstPersonFuture.contains(v.buf, ps, pe) && (unit || pronounStart(v, ps) >= 0)) {
                // "j'aurai 14 ans en mars", "I turn 14 next week": the writer is one year younger today
                firstPerson = true;
                start = ps;
                age = value - 1;
            } else if (saidOfMe) {
                firstPerson = true;
                // "I am 12", "j ai 14": the evidence starts at the pronoun
                int pronoun = pronounStart(v, ps);
                start = pronoun >= 0 ? pronoun : ps;
            } else if (!vocab.opener.contains(v.buf, ps, pe)) {
                return false; // "mon fils a 12 ans", "il y a 14 ans", "une fille de 13 ans"
            } else if (vocab.conjunction.contains(v.buf, ps, pe) && afterNumber(v, ps)) {
                return false; // "deux garçons de 4 et 7 ans": the last of a list of ages, not the writer's
            }
        }
        if (bare && !firstPerson && (value < 10 || value > 79)) {
            return false;
        }
        if (unit && !firstPerson && value < YOUNGEST_UNSAID) {
            return false; // "ha. 5 years, that's the wooden one": an anniversary, not a five-year-old typing
        }
        if (guessed(v, end)) {
            return false; // "t'as quel âge ? 15 ?": a guess at someone else's age
        }
        if (quoted(v, start)) {
            return false; // 'he said he was a "14 year old"': someone else's words
        }
        if (!firstPerson && thirdPersonAfter(v, end)) {
            return false; // "elle a quel âge ta fille ?" "8 ans, elle joue sur notre serveur": the daughter's age
        }
        if (!firstPerson && copulaAfter(v, end)) {
            return false; // "12 years is too young to be giving an address": the age is what the sentence is about
        }
        if (age < MIN_AGE) {
            return false;
        }
        out.age(age, start, end, firstPerson);
        return true;
    }

    /**
     * Start of the pronoun "i", "j" or "je" right before the token at {@code tokenStart} ("I am", "j ai", "I turn",
     * "je turn"), or -1 (a bare "turn 14" is no age).
     */
    private static int pronounStart(FoldedView v, int tokenStart) {
        int ie = v.prevTokenEnd(tokenStart);
        if (ie < 0) {
            return -1;
        }
        int is = v.tokenStart(ie);
        return v.is(is, ie, "i") || v.is(is, ie, "j") || v.is(is, ie, "je") ? is : -1;
    }

    private static boolean isMoneyOrRate(char c) {
        return c == '€' || c == '$' || c == '£' || c == '%';
    }

    /** The word before {@code tokenStart} is a number ("4 et", "four and"). */
    private boolean afterNumber(FoldedView v, int tokenStart) {
        int be = v.prevTokenEnd(tokenStart);
        if (be < 0) {
            return false;
        }
        int bs = v.tokenStart(be);
        return v.digit(bs) || vocab.numberWords.contains(v.buf, bs, be);
    }

    /** A question mark right after the age ("15 ?", "13 ans ?") makes it a guess, not a statement. */
    private static boolean guessed(FoldedView v, int end) {
        int i = end;
        while (v.at(i) == ' ') {
            i++;
        }
        return v.at(i) == '?';
    }

    /** A quotation mark right before the age or its pronoun: the words are someone else's. */
    private static boolean quoted(FoldedView v, int start) {
        int i = start - 1;
        while (i >= 0 && v.at(i) == ' ') {
            i--;
        }
        char c = i >= 0 ? v.at(i) : 0;
        return c == '"' || c == '\u201c' || c == '\u00ab';
    }

    /**
     * The clause after an age without a first-person word goes on about someone else ("8 ans, elle joue", "12, he
     * loves it"): an answer about a child, not the writer's own age.
     */
    private boolean thirdPersonAfter(FoldedView v, int end) {
        int ts = v.nextTokenStart(end);
        return ts >= 0 && vocab.thirdPersonSubject.contains(v.buf, ts, v.tokenEnd(ts));
    }

    /**
     * The age is the subject of a sentence, "is" or "est" right after it with nothing but a space between ("12 years
     * is too young", "15 ans est l'âge légal"): a topic, not an answer ("14, is that ok?" and "14 c'est grave ?" stay
     * answers).
     */
    private boolean copulaAfter(FoldedView v, int end) {
        if (v.at(end) != ' ') {
            return false;
        }
        int ts = v.nextTokenStart(end);
        return ts == end + 1 && vocab.copula.contains(v.buf, ts, v.tokenEnd(ts));
    }

    /** After "14 and", "14 et": the answer goes on about the writer or asks back ("et toi", "and im from"), or ends. */
    private boolean answerGoesOn(FoldedView v, int conjunctionEnd) {
        int ts = v.nextTokenStart(conjunctionEnd);
        return ts < 0 || vocab.afterConjunction.contains(v.buf, ts, v.tokenEnd(ts));
    }

    /**
     * The word after an age unit ending at {@code end} makes the number something else than a person's age: a span
     * of time ("7 ans d'écart", "10 years ago", "20 ans de mariage") or goods the age describes, right after it
     * ("9yo series", "10 ans dossiers", "12yo pics": a trader's listing).
     */
    private boolean notAnAge(FoldedView v, int end) {
        int ts = v.nextTokenStart(end);
        if (ts < 0) {
            return false;
        }
        int te = v.tokenEnd(ts);
        if (vocab.spanAfterUnit.contains(v.buf, ts, te)
                || ts - end <= 2 && vocab.goodsAfterUnit.contains(v.buf, ts, te)) {
            return true;
        }
        if (!v.is(ts, te, "de")) {
            return false;
        }
        int ds = v.nextTokenStart(te);
        return ds >= 0 && vocab.spanAfterUnitDe.contains(v.buf, ds, v.tokenEnd(ds));
    }

    /** "years old", "y/o", "y.o": extends the unit over its tail. */
    private int unitTail(FoldedView v, int us, int ue) {
        if (v.is(us, ue, "y") && (v.at(ue) == '/' || v.at(ue) == '.') && v.at(ue + 1) == 'o'
                && !v.word(ue + 2)) {
            return ue + 2;
        }
        if (vocab.years.contains(v.buf, us, ue)) {
            int ts = v.nextTokenStart(ue);
            if (ts >= 0 && ts - ue <= 2) {
                int te = v.tokenEnd(ts);
                if (vocab.old.contains(v.buf, ts, te)) {
                    return te;
                }
            }
        }
        return ue;
    }

    private static boolean looksLikeMinutes(FoldedView v, int pos) {
        int ts = v.nextTokenStart(pos);
        if (ts < 0 || !v.digit(ts)) {
            return false;
        }
        int te = v.digitsEnd(ts);
        return te - ts == 2 && v.value(ts, te) <= 59 && !v.letter(te);
    }

    /**
     * Tries a 4-digit year at {@code [ns, ne)} as a birth year: "(je suis) né en 2012", "born in 2012".
     *
     * @param eventYear the UTC year of the message's event time
     */
    boolean tryBirthYear(FoldedView v, int ns, int ne, int year, int eventYear, DefaultCueExtractor out) {
        int age = eventYear - year;
        if (age < MIN_AGE || age > MAX_AGE || v.word(ne)) {
            return false;
        }
        int pe = v.prevTokenEnd(ns);
        if (pe < 0) {
            return false;
        }
        int ps = v.tokenStart(pe);
        if (!vocab.bornPrep.contains(v.buf, ps, pe)) {
            return false;
        }
        int be = v.prevTokenEnd(ps);
        if (be < 0) {
            return false;
        }
        int bs = v.tokenStart(be);
        if (!vocab.born.contains(v.buf, bs, be)) {
            return false;
        }
        int start = bs;
        int se = v.prevTokenEnd(bs);
        if (se >= 0) {
            int ss = v.tokenStart(se);
            if (vocab.bornSubject.contains(v.buf, ss, se)) {
                if (v.is(ss, se, "was")) {
                    // "I was born in": only the writer themself
                    int ie = v.prevTokenEnd(ss);
                    if (ie < 0 || !v.is(v.tokenStart(ie), ie, "i")) {
                        return false;
                    }
                }
                start = ss;
            } else if (!vocab.opener.contains(v.buf, ss, se)) {
                return false; // "il est né en 2012", "my son was born in"
            }
        }
        out.age(age, start, ne, true);
        return true;
    }
}
