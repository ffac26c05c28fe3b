package io.vigie.core.cue.internal;

import io.vigie.core.match.WordChars;

/**
 * E-mail addresses and {@code @handles} (runs only when the text has an '@'), handles joined by an underscore
 * (only when it has one), and links (only when it has a '.' or ':'). Folding squashes repeated letters, so "https"
 * and "www" arrive as "htps" and "w": both forms are accepted, and top-level domains are stored both ways. Every
 * scan walks a bounded distance from an '@', '_', '.' or "://", so the work is linear. Not thread-safe.
 */
final class ContactExtractor {

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 128;
    private static final int MAX_URL = 512;

    private final TokenTable tlds;
    private final TokenTable slashTlds;
    private final int cueEmail;
    private final int cueHandle;
    private final int cueLink;

    ContactExtractor(TokenTable tlds, TokenTable slashTlds, int cueEmail, int cueHandle, int cueLink) {
        this.tlds = tlds;
        this.slashTlds = slashTlds;
        this.cueEmail = cueEmail;
        this.cueHandle = cueHandle;
        this.cueLink = cueLink;
    }

    private static boolean localChar(char c) {
        return WordChars.isWordChar(c) || c == '.' || c == '_' || c == '-' || c == '+' || c == '%';
    }

    private static boolean domainChar(char c) {
        return WordChars.isWordChar(c) || c == '.' || c == '-';
    }

    private static boolean handleChar(char c) {
        return WordChars.isWordChar(c) || c == '_' || c == '.';
    }

    private static boolean urlChar(char c) {
        return c > ' ' && c != '"' && c != '<' && c != '>' && c < 0x7f || c > 0x7f && !Character.isWhitespace(c);
    }

    void extractAt(FoldedView v, DefaultCueExtractor out) {
        char[] b = v.buf;
        int n = v.len;
        for (int p = 0; p < n; p++) {
            if (b[p] != '@') {
                continue;
            }
            int ls = p;
            int limit = Math.max(0, p - MAX_LOCAL);
            while (ls > limit && localChar(b[ls - 1])) {
                ls--;
            }
            v.count(p - ls + 1);
            if (ls < p) {
                int de = domainEnd(v, p + 1);
                if (de > 0) {
                    out.cue(cueEmail, ls, de);
                    p = de - 1;
                }
                continue;
            }
            int he = handleEnd(v, p + 1, p);
            if (he - p - 1 >= 2) {
                out.cue(cueHandle, p, he);
                p = he - 1;
            }
        }
    }

    /**
     * Handles without an '@': a word joined to another by an underscore ("perle_events", "keish_23", "max_lln22").
     * People type underscores in chat almost only to give a username; a smiley ("^_^") or a lone underscore has no
     * letter on both sides and is not one, nor is a part of a link or an address (their own cues cover them).
     */
    void extractUnderscored(FoldedView v, DefaultCueExtractor out) {
        char[] b = v.buf;
        int n = v.len;
        for (int p = 1; p + 1 < n; p++) {
            if (b[p] != '_' || !WordChars.isWordChar(b[p - 1]) || !WordChars.isWordChar(b[p + 1])) {
                continue;
            }
            int s = p;
            int limit = Math.max(0, p - MAX_LOCAL);
            while (s > limit && handleChar(b[s - 1])) {
                s--;
            }
            int e = handleEnd(v, p + 1, s);
            while (s < p && b[s] == '.') {
                s++;
            }
            boolean inLinkOrAddress = s > 0 && (b[s - 1] == '@' || b[s - 1] == '/' || b[s - 1] == '=')
                    || e < n && (b[e] == '@' || b[e] == '/');
            if (!inLinkOrAddress && letters(b, s, e) >= 2) {
                out.cue(cueHandle, s, e);
            }
            p = e;
        }
    }

    /**
     * The end of a handle's chars from {@code from} (bounded), without trailing dots ("@lea." ends a sentence);
     * counts the chars read since {@code countFrom} as work.
     */
    private static int handleEnd(FoldedView v, int from, int countFrom) {
        char[] b = v.buf;
        int e = from;
        int limit = Math.min(v.len, from + MAX_LOCAL);
        while (e < limit && handleChar(b[e])) {
            e++;
        }
        v.count(e - countFrom);
        while (e > from && b[e - 1] == '.') {
            e--;
        }
        return e;
    }

    private static int letters(char[] b, int s, int e) {
        int k = 0;
        for (int i = s; i < e; i++) {
            k += WordChars.isLetter(b[i]) ? 1 : 0;
        }
        return k;
    }

    /** End of a domain "label(.label)+" with a known-looking last label starting at {@code s}, or -1. */
    private int domainEnd(FoldedView v, int s) {
        char[] b = v.buf;
        int e = s;
        int limit = Math.min(v.len, s + MAX_DOMAIN);
        while (e < limit && domainChar(b[e])) {
            e++;
        }
        v.count(e - s);
        while (e > s && (b[e - 1] == '.' || b[e - 1] == '-')) {
            e--;
        }
        int dot = -1;
        for (int i = e - 1; i > s; i--) {
            if (b[i] == '.') {
                dot = i;
                break;
            }
        }
        if (dot < 0 || e - dot - 1 < 1) {
            return -1;
        }
        for (int i = dot + 1; i < e; i++) {
            if (!WordChars.isLetter(b[i])) {
                return -1;
            }
        }
        return e;
    }

    /** Links: "scheme:/..." (folded "://"), and "label.tld" with a known top-level domain. */
    void extractLinks(FoldedView v, DefaultCueExtractor out) {
        char[] b = v.buf;
        int n = v.len;
        int covered = 0;
        for (int p = 0; p < n; p++) {
            char c = b[p];
            if (p < covered || (c != ':' && c != '.')) {
                continue;
            }
            if (c == ':') {
                // folding squashes "//" to "/": "https://x" arrives as "htps:/x"
                if (p + 1 < n && b[p + 1] == '/') {
                    int s = p;
                    int limit = Math.max(0, p - 8);
                    while (s > limit && WordChars.isLetter(b[s - 1])) {
                        s--;
                    }
                    if (s < p && !v.word(s - 1)) {
                        int body = p + 1;
                        while (body < n && body < p + 3 && b[body] == '/') {
                            body++;
                        }
                        int e = urlEnd(v, body);
                        if (e > body) {
                            out.cue(cueLink, s, e);
                            covered = e;
                        }
                    }
                }
                continue;
            }
            // '.': a label before, a known top-level domain after
            if (!v.word(p - 1) || !v.letter(p + 1)) {
                continue;
            }
            int te = v.lettersEnd(p + 1);
            if (v.word(te)) {
                continue; // "1.5kg", "mdr.jsp123"
            }
            boolean slash = v.at(te) == '/';
            if (!tlds.contains(b, p + 1, te) && !(slash && slashTlds.contains(b, p + 1, te))) {
                continue;
            }
            // walk back over labels; an '@' means this was an e-mail domain or a handle
            int s = p;
            int limit = Math.max(0, p - MAX_DOMAIN);
            boolean at = false;
            while (s > limit) {
                char d = b[s - 1];
                if (d == '@') {
                    at = true;
                    break;
                }
                if (!domainChar(d) && d != '_') {
                    break;
                }
                s--;
            }
            v.count(p - s + 1);
            if (at) {
                continue;
            }
            while (s < p && !WordChars.isWordChar(b[s])) {
                s++;
            }
            int e = slash ? urlEnd(v, te) : te;
            out.cue(cueLink, s, e);
            covered = e;
        }
    }

    private int urlEnd(FoldedView v, int s) {
        int e = s;
        int limit = Math.min(v.len, s + MAX_URL);
        while (e < limit && urlChar(v.buf[e])) {
            e++;
        }
        v.count(e - s);
        while (e > s && (v.buf[e - 1] == '.' || v.buf[e - 1] == ',' || v.buf[e - 1] == '!'
                || v.buf[e - 1] == '?' || v.buf[e - 1] == ')')) {
            e--;
        }
        return e;
    }
}
