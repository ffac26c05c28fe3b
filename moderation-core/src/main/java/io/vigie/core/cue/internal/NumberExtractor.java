package io.vigie.core.cue.internal;

import io.vigie.core.match.WordChars;

/**
 * Everything that hangs on digits: phone numbers, clock times, street numbers and postal codes, prices, and
 * (through {@link AgeExtractor}) stated ages and birth years. Runs only when the text has a digit. One
 * left-to-right pass collects the digit runs into reused arrays; every check then looks a bounded distance
 * around a run, so the work is linear in the text. Not thread-safe.
 */
final class NumberExtractor {

    private final Vocab vocab;
    private final AgeExtractor ages;
    private final int cuePhone;
    private final int cueTime;
    private final int cueAddress;
    private final int cuePrice;
    private final int cueNumber;
    private final int cueSize;

    private int[] runStart = new int[16];
    private int[] runEnd = new int[16];
    private int runs;

    NumberExtractor(Vocab vocab, AgeExtractor ages, int cuePhone, int cueTime, int cueAddress, int cuePrice,
                    int cueNumber, int cueSize) {
        this.vocab = vocab;
        this.ages = ages;
        this.cuePhone = cuePhone;
        this.cueTime = cueTime;
        this.cueAddress = cueAddress;
        this.cuePrice = cuePrice;
        this.cueNumber = cueNumber;
        this.cueSize = cueSize;
    }

    void extract(FoldedView v, int eventYear, DefaultCueExtractor out) {
        collectRuns(v);
        int phoneUntil = -1; // index of the last run used by a phone number
        for (int r = 0; r < runs; r++) {
            int s = runStart[r];
            int e = runEnd[r];
            if (r > phoneUntil) {
                int last = phone(v, r);
                if (last >= 0) {
                    out.cue(cuePhone, phoneStart(v, r), runEnd[last]);
                    phoneUntil = last;
                    continue;
                }
            } else {
                continue;
            }
            int len = e - s;
            int value = v.value(s, e);
            if (v.word(s - 1)) {
                // digits glued to letters ("kevin2010", "jai14ans"): only an age can hide there, and the age
                // extractor accepts it only when the glued letters are first person
                if (len <= 2) {
                    ages.tryNumber(v, s, e, value, false, out);
                }
                continue;
            }
            if (len <= 7 && !v.letter(e)) {
                out.cue(cueNumber, s, e);
            }
            if (len <= 5) {
                size(v, s, e, out);
            }
            if (len <= 2) {
                ages.tryNumber(v, s, e, value, false, out);
                time(v, r, s, e, value, out);
            } else if (len == 4) {
                ages.tryBirthYear(v, s, e, value, eventYear, out);
            }
            if (len <= 4) {
                address(v, s, e, out);
            } else if (len == 5) {
                postalCode(v, r, s, e, value, out);
            }
            if (len <= 7) {
                price(v, s, e, value, out);
            }
        }
    }

    /**
     * A data size: the run, then a size unit glued to it ("40gb") or after one space ("20 go"). Units are
     * {@link Vocab#sizeUnit}: "to" and "mo" are left out, they read as words ("2 to 3", "3mo").
     */
    private void size(FoldedView v, int s, int e, DefaultCueExtractor out) {
        int us = v.letter(e) ? e : v.at(e) == ' ' && v.letter(e + 1) ? e + 1 : -1;
        if (us < 0) {
            return;
        }
        int ue = v.tokenEnd(us);
        if (vocab.sizeUnit.contains(v.buf, us, ue)) {
            out.cue(cueSize, s, ue);
        }
    }

    private void collectRuns(FoldedView v) {
        runs = 0;
        char[] b = v.buf;
        int n = v.len;
        int i = 0;
        while (i < n) {
            if (WordChars.isDigit(b[i])) {
                int j = v.digitsEnd(i);
                if (runs == runStart.length) {
                    runStart = java.util.Arrays.copyOf(runStart, runs * 2);
                    runEnd = java.util.Arrays.copyOf(runEnd, runs * 2);
                }
                runStart[runs] = i;
                runEnd[runs++] = j;
                i = j;
            } else {
                i++;
            }
        }
        v.count(n);
    }

    private static boolean phoneSeparator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '/' || c == '\u00a0';
    }

    private int phoneStart(FoldedView v, int r) {
        int s = runStart[r];
        return v.at(s - 1) == '+' ? s - 1 : s;
    }

    /**
     * Index of the last run of a phone number starting at run {@code r}, or -1. Chains runs separated by one
     * separator char; stops once more digits than any phone number has, so each start costs O(1).
     */
    /** A national number starting 07 (its second digit may sit in the next run: "0 7700 ..."). */
    private boolean ukMobile(FoldedView v, int s) {
        int n = 0;
        for (int i = s; i < v.len && n < 2; i++) {
            char c = v.buf[i];
            if (c >= '0' && c <= '9') {
                if ((n == 0 && c != '0') || (n == 1 && c != '7')) {
                    return false;
                }
                n++;
            }
        }
        return n == 2;
    }

    private int phone(FoldedView v, int r) {
        int s = runStart[r];
        if (v.letter(s - 1)) {
            return -1;
        }
        boolean plus = v.at(s - 1) == '+';
        char d0 = v.buf[s];
        char d1 = runEnd[r] - s > 1 ? v.buf[s + 1] : (r + 1 < runs ? v.buf[runStart[r + 1]] : '\0');
        boolean national = !plus && d0 == '0' && d1 >= '1' && d1 <= '9';
        boolean intl00 = !plus && d0 == '0' && d1 == '0';
        if (!plus && !national && !intl00) {
            return -1;
        }
        int digits = 0;
        int best = -1;
        int k = r;
        while (true) {
            v.count(1);
            digits += runEnd[k] - runStart[k];
            if (digits > 17) {
                break;
            }
            if (v.letter(runEnd[k])) {
                break; // "0612h" is not a phone
            }
            if (national && !intl00 && digits == 10) {
                best = k;
                break;
            }
            if (national && !intl00 && digits == 11 && ukMobile(v, s)) {
                best = k; // UK mobile: 07xxx xxxxxx
                break;
            }
            if ((plus && digits >= 8 && digits <= 15) || (intl00 && digits >= 11 && digits <= 17)) {
                best = k;
            }
            if (k + 1 < runs && runStart[k + 1] - runEnd[k] == 1 && phoneSeparator(v.buf[runEnd[k]])) {
                k++;
            } else {
                break;
            }
        }
        return best;
    }

    private void time(FoldedView v, int r, int s, int e, int value, DefaultCueExtractor out) {
        char c = v.at(e);
        if (c == 'h' && value <= 24) {
            int after = e + 1;
            if (!v.word(after)) {
                out.cue(cueTime, s, after);
                return;
            }
            if (v.digit(after)) {
                int me = v.digitsEnd(after);
                if (me - after == 2 && v.value(after, me) <= 59 && !v.word(me)) {
                    out.cue(cueTime, s, me);
                }
            }
            return;
        }
        if (c == ':' && value <= 24 && v.digit(e + 1)) {
            int me = v.digitsEnd(e + 1);
            if (me - e - 1 == 2 && v.value(e + 1, me) <= 59 && !v.word(me)) {
                out.cue(cueTime, s, me);
            }
            return;
        }
        if (value >= 1 && value <= 24) {
            int ts;
            int te;
            if (v.letter(e)) {
                ts = e;
                te = v.tokenEnd(e);
                if (vocab.timeAttached.contains(v.buf, ts, te) && value <= 12) {
                    out.cue(cueTime, s, te);
                }
                return;
            }
            ts = v.nextTokenStart(e);
            if (ts >= 0 && ts - e == 1) {
                te = v.tokenEnd(ts);
                if (vocab.timeWord.contains(v.buf, ts, te)) {
                    out.cue(cueTime, s, te);
                }
            }
        }
    }

    private void address(FoldedView v, int s, int e, DefaultCueExtractor out) {
        if (v.word(e)) {
            return;
        }
        int ts = v.nextTokenStart(e);
        if (ts < 0 || ts - e > 2) {
            return;
        }
        int te = v.tokenEnd(ts);
        if (vocab.streetSuffix.contains(v.buf, ts, te)) {
            ts = v.nextTokenStart(te);
            if (ts < 0 || ts - te > 2) {
                return;
            }
            te = v.tokenEnd(ts);
        }
        if (vocab.street.contains(v.buf, ts, te)) {
            out.cue(cueAddress, s, te);
            return;
        }
        // "10 downing street": up to two name words, then an English street word
        for (int k = 0; k < 2 && v.letter(ts); k++) {
            ts = v.nextTokenStart(te);
            if (ts < 0 || ts - te > 1) {
                return;
            }
            te = v.tokenEnd(ts);
            if (vocab.streetAfterName.contains(v.buf, ts, te)) {
                out.cue(cueAddress, s, te);
                return;
            }
        }
    }

    private void postalCode(FoldedView v, int r, int s, int e, int value, DefaultCueExtractor out) {
        if (value < 1000 || value > 98999 || (value >= 96000 && value < 97000) || v.word(e)) {
            return;
        }
        // not a group of a longer digit sequence
        if (r > 0 && s - runEnd[r - 1] <= 1) {
            return;
        }
        if (r + 1 < runs && runStart[r + 1] - e <= 1) {
            return;
        }
        if (moneyAfter(v, e) >= 0) {
            return;
        }
        out.cue(cueAddress, s, e);
    }

    /** End of a currency mark right after {@code e} ("150€", "150 €", "150 euros"), or -1. */
    private int moneyAfter(FoldedView v, int e) {
        char c = v.at(e);
        if (currency(c)) {
            return e + 1;
        }
        if (c == ' ' && currency(v.at(e + 1))) {
            return e + 2;
        }
        if (v.word(e)) {
            int te = v.tokenEnd(e);
            return vocab.moneyUnit.contains(v.buf, e, te) ? te : -1;
        }
        int ts = v.nextTokenStart(e);
        if (ts >= 0 && ts - e == 1) {
            int te = v.tokenEnd(ts);
            if (vocab.moneyUnit.contains(v.buf, ts, te)) {
                return te;
            }
        }
        return -1;
    }

    static boolean currency(char c) {
        return c == '\u20ac' || c == '$' || c == '\u00a3';
    }

    private void price(FoldedView v, int s, int e, int value, DefaultCueExtractor out) {
        // decimals: "49,90€", "49.90 euros"
        int ve = e;
        if ((v.at(e) == ',' || v.at(e) == '.') && v.digit(e + 1)) {
            int de = v.digitsEnd(e + 1);
            if (de - e - 1 <= 2) {
                ve = de;
            }
        }
        int m = moneyAfter(v, ve);
        if (m >= 0) {
            out.cue(cuePrice, s, m);
            return;
        }
        char before = v.at(s - 1);
        if (currency(before) || (before == ' ' && currency(v.at(s - 2)))) {
            out.cue(cuePrice, currency(before) ? s - 1 : s - 2, ve);
            return;
        }
        if (value < 5 || v.word(ve)) {
            return;
        }
        int ts = v.nextTokenStart(ve);
        if (ts < 0 || ts - ve > 2) {
            return;
        }
        int te = v.tokenEnd(ts);
        if (vocab.rateDirect.contains(v.buf, ts, te)) {
            out.cue(cuePrice, s, te);
            return;
        }
        if (!vocab.rateLink.contains(v.buf, ts, te)) {
            return;
        }
        int us = v.nextTokenStart(te);
        if (us < 0 || us - te > 2) {
            return;
        }
        int ue = v.tokenEnd(us);
        if (vocab.rateUnit.contains(v.buf, us, ue) || vocab.rateDirect.contains(v.buf, us, ue)) {
            // "la demi-heure": take the second half too
            int ns = v.nextTokenStart(ue);
            if (ns >= 0 && ns - ue == 1 && v.at(ue) == '-') {
                int ne = v.tokenEnd(ns);
                if (vocab.rateUnit.contains(v.buf, ns, ne)) {
                    ue = ne;
                }
            }
            out.cue(cuePrice, s, ue);
        }
    }
}
