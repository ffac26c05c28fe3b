package io.vigie.stream.sim;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Makes scripted lines look typed on a phone: SMS spellings, dropped accents, one typo, stretched letters,
 * shouting, emoji. Stateless; randomness comes from the caller's generator so the output is reproducible.
 */
final class TextNoise {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private static final Map<String, String> SMS_FR = Map.ofEntries(
            Map.entry("salut", "slt"), Map.entry("c'est", "c"), Map.entry("quoi", "koi"),
            Map.entry("pourquoi", "pk"), Map.entry("beaucoup", "bcp"), Map.entry("toi", "twa"),
            Map.entry("moi", "mwa"), Map.entry("bien", "bi1"), Map.entry("demain", "2m1"), Map.entry("aujourd'hui", "ajd"),
            Map.entry("quelqu'un", "qqn"), Map.entry("ouais", "ouai"), Map.entry("mdr", "mdrrr"),
            Map.entry("rien", "ri1"), Map.entry("rendez-vous", "rdv"),
            Map.entry("message", "msg"), Map.entry("vraiment", "vrmt"), Map.entry("parce", "pcq"), Map.entry("est-ce", "esk"), Map.entry("d'accord", "dac"));
    private static final Map<String, String> SMS_EN = Map.ofEntries(
            Map.entry("you", "u"), Map.entry("are", "r"), Map.entry("to", "2"), Map.entry("tonight", "2nite"),
            Map.entry("please", "plz"), Map.entry("because", "bc"), Map.entry("for", "4"),
            Map.entry("your", "ur"), Map.entry("okay", "k"), Map.entry("ok", "k"), Map.entry("see", "c"),
            Map.entry("before", "b4"), Map.entry("tomorrow", "tmrw"), Map.entry("people", "ppl"),
            Map.entry("really", "rly"), Map.entry("what", "wat"), Map.entry("great", "gr8"));

    private TextNoise() {
    }

    /**
     * Applies noise to a line.
     *
     * @param level  overall noise in [0, 1]; 0 returns the line unchanged
     * @param typos  whether a typo may be introduced (scripted lines use fewer)
     */
    static String apply(String line, boolean french, double level, boolean typos, SplittableRandom rnd) {
        if (level <= 0) {
            return line;
        }
        String text = line;
        if (rnd.nextDouble() < level) {
            text = sms(text, french, level, rnd);
        }
        if (french && rnd.nextDouble() < level * 0.8) {
            text = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        }
        if (typos && rnd.nextDouble() < level * 0.4) {
            text = typo(text, rnd);
        }
        if (rnd.nextDouble() < level * 0.15) {
            text = stretch(text, rnd);
        }
        if (rnd.nextDouble() < level * 0.05) {
            text = text.toUpperCase(Locale.ROOT);
        }
        if (rnd.nextDouble() < level * 0.4) {
            text = text + " " + Phrasebook.EMOJI.get(rnd.nextInt(Phrasebook.EMOJI.size()));
        }
        return text;
    }

    private static String sms(String text, boolean french, double level, SplittableRandom rnd) {
        Map<String, String> table = french ? SMS_FR : SMS_EN;
        String[] words = text.split(" ", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            String word = words[i];
            String replacement = table.get(word);
            out.append(replacement != null && rnd.nextDouble() < 0.5 + level / 2 ? replacement : word);
        }
        return out.toString();
    }

    /** Swaps two adjacent letters of one word of at least 5 letters, if there is one. */
    private static String typo(String text, SplittableRandom rnd) {
        char[] chars = text.toCharArray();
        int tries = 6;
        while (tries-- > 0) {
            int i = rnd.nextInt(Math.max(1, chars.length - 1));
            if (i + 1 < chars.length && Character.isLetter(chars[i]) && Character.isLetter(chars[i + 1])
                    && chars[i] != chars[i + 1] && wordLength(chars, i) >= 5) {
                char c = chars[i];
                chars[i] = chars[i + 1];
                chars[i + 1] = c;
                return new String(chars);
            }
        }
        return text;
    }

    private static int wordLength(char[] chars, int at) {
        int start = at;
        while (start > 0 && Character.isLetter(chars[start - 1])) {
            start--;
        }
        int end = at;
        while (end < chars.length && Character.isLetter(chars[end])) {
            end++;
        }
        return end - start;
    }

    /** Repeats the last letter of the line, as in "ouiiii". */
    private static String stretch(String text, SplittableRandom rnd) {
        int last = text.length() - 1;
        while (last >= 0 && !Character.isLetter(text.charAt(last))) {
            last--;
        }
        if (last < 0) {
            return text;
        }
        return text.substring(0, last + 1) + String.valueOf(text.charAt(last)).repeat(2 + rnd.nextInt(3))
                + text.substring(last + 1);
    }
}
