package io.vigie.core.cue.internal;

import io.vigie.core.normalize.TextNormalizer;

import java.util.Map;

/**
 * The small closed word lists the pattern extractors read around numbers (age units, first-person words,
 * street words, money units...). Built once per model through the model's normalizer, so each word is
 * stored exactly as folded text shows it. Immutable, thread-safe.
 */
final class Vocab {

    /** Number words, FR and EN, fed to the automaton as hidden terms (value by raw spelling). */
    static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("cinq", 5), Map.entry("six", 6), Map.entry("sept", 7), Map.entry("huit", 8),
            Map.entry("neuf", 9), Map.entry("dix", 10), Map.entry("onze", 11), Map.entry("douze", 12),
            Map.entry("treize", 13), Map.entry("quatorze", 14), Map.entry("quinze", 15), Map.entry("seize", 16),
            Map.entry("dix-sept", 17), Map.entry("dix sept", 17), Map.entry("dixsept", 17),
            Map.entry("dix-huit", 18), Map.entry("dix huit", 18), Map.entry("dixhuit", 18),
            Map.entry("dix-neuf", 19), Map.entry("dix neuf", 19), Map.entry("dixneuf", 19),
            Map.entry("vingt", 20), Map.entry("vingt et un", 21), Map.entry("vingt-et-un", 21),
            Map.entry("vingt-deux", 22), Map.entry("vingt deux", 22), Map.entry("vingt-cinq", 25),
            Map.entry("vingt cinq", 25), Map.entry("trente", 30), Map.entry("quarante", 40),
            Map.entry("cinquante", 50),
            Map.entry("five", 5), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19),
            Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50));

    /** Age units glued to the number: "14ans", "14a", "13yo", "13y/o". */
    final TokenTable ageUnitAttached;
    /** Age units after a space: "14 ans", "13 yo", "13 years (old)". */
    final TokenTable ageUnit;
    /** "year"/"years": may be followed by "old". */
    final TokenTable years;
    final TokenTable old;
    /** Words by which the writer speaks of themself right before the number: "j'ai", "I'm", "moi". */
    final TokenTable firstPerson;
    /** The writer's next birthday right before the number ("j'aurai 14 ans", "I turn 14"): one year less now. */
    final TokenTable firstPersonFuture;
    /** The number words of {@link #NUMBER_WORDS}, for "four and twelve"-like lists. */
    final TokenTable numberWords;
    /** Words that may open the clause before a bare age answer: greetings, fillers, "asv". */
    final TokenTable opener;
    /** Words that may follow a bare number answer: "et toi", "and u", "lol". */
    final TokenTable follower;
    final TokenTable conjunction;
    final TokenTable afterConjunction;
    /** A third person opening the clause right after an age: "8 ans, elle joue", "12, he loves it". */
    final TokenTable thirdPersonSubject;
    /** A copula right after an age makes the age the sentence's subject: "12 years is too young". */
    final TokenTable copula;
    /** What makes "N ans" a span of time, not an age, right after the unit: "7 ans d'écart", "10 years ago". */
    final TokenTable spanAfterUnit;
    /** Words after an age unit that make the age one of goods on offer ("9yo series", "10 ans dossiers"). */
    final TokenTable goodsAfterUnit;
    /** Data-size units after a number, glued or not: "40gb", "20 go" (the French gigaoctet), "12 gigs". */
    final TokenTable sizeUnit;
    /** The same after "de": "20 ans de mariage", "3 ans de plus". */
    final TokenTable spanAfterUnitDe;
    /** asv genders: "14 f paris", "14/h/75". */
    final TokenTable gender;
    /** "né", "née", "born" (folded). */
    final TokenTable born;
    /** "en", "in" between "né" and the year. */
    final TokenTable bornPrep;
    /** What may stand before "né en": "je suis", "moi", "chui". */
    final TokenTable bornSubject;
    /** Spaced time words: "8 pm", "20 heures". */
    final TokenTable timeWord;
    /** Glued time suffixes besides "h": "8pm", "7am". */
    final TokenTable timeAttached;
    /** Street words: "12 rue ...", "3 avenue ...". */
    final TokenTable street;
    /** English street words that come after the street's name: "10 downing street", "12 main st". */
    final TokenTable streetAfterName;
    /** "bis", "ter" between the number and the street word. */
    final TokenTable streetSuffix;
    /** Currency words: "150 euros", "200 dollars", "50 balles". */
    final TokenTable moneyUnit;
    /** Words between a price and its rate unit: "la", "de", "per". */
    final TokenTable rateLink;
    /** Rate units: "passe", "heure", "demi", "nuit", "hour". */
    final TokenTable rateUnit;
    /** Rate units glued to their article by folding: "l'heure" → "lheure". */
    final TokenTable rateDirect;

    Vocab(TextNormalizer n) {
        ageUnitAttached = TokenTable.builder(n).add("ans", "an", "a", "yo", "yrs", "yr", "y", "years").build();
        ageUnit = TokenTable.builder(n).add("ans", "an", "yo", "yrs", "yr", "years", "year", "y").build();
        years = TokenTable.builder(n).add("years", "year", "yrs", "yr").build();
        old = TokenTable.builder(n).add("old").build();
        firstPerson = TokenTable.builder(n).add("j'ai", "jai", "g", "ai", "moi", "i'm", "im", "am", "suis",
                "jsuis", "chui", "jsui", "perso", "aussi", "also").build();
        numberWords = TokenTable.builder(n).add(NUMBER_WORDS.keySet().toArray(String[]::new)).build();
        firstPersonFuture = TokenTable.builder(n).add("j'aurai", "jaurai", "jorai", "aurai", "turn", "turning")
                .build();
        opener = TokenTable.builder(n).add("slt", "salut", "cc", "coucou", "hello", "hey", "hi", "yo", "bjr",
                "bonjour", "bsr", "bonsoir", "re", "ok", "oui", "ouais", "ouai", "yes", "yep", "yeah", "nan",
                "non", "no", "lol", "mdr", "ptdr", "bah", "ben", "bein", "euh", "sinon", "alors", "asv", "asl",
                "age", "et", "and", "moi", "me").build();
        follower = TokenTable.builder(n).add("et", "and", "toi", "u", "you", "mais", "but", "bientot", "lol",
                "mdr", "ptdr", "xd", "btw", "stp", "sinon", "bisous", "i", "je", "jsuis", "tho", "though",
                "actually", "now", "rn", "hbu", "wbu", "nearly", "almost", "presque", "haha", "jpense", "why", "pk", "pourquoi", "pq", "et alors", "lol", "ok",
                "so", "donc").build();
        conjunction = TokenTable.builder(n).add("et", "and", "mais", "but", "so", "donc").build();
        thirdPersonSubject = TokenTable.builder(n).add("elle", "il", "ils", "elles", "she", "he", "shes", "hes",
                "they", "theyre").build();
        copula = TokenTable.builder(n).add("is", "was", "isnt", "wasnt", "est", "etait").build();
        afterConjunction = TokenTable.builder(n).add("toi", "tu", "t", "u", "you", "ya", "vous", "i", "im", "i'm",
                "je", "j", "jsuis", "j'ai", "jai", "jhabite", "habite", "live", "moi", "me", "from", "f", "h", "m", "g", "single", "toujours",
                "still", "wbu", "hbu", "demi", "half").build();
        spanAfterUnit = TokenTable.builder(n).add("d'écart", "écart", "apart", "older", "younger", "difference",
                "différence", "gap", "ago", "later", "d'expérience", "experience", "ensemble", "together",
                "married", "mariés", "d'âge", "earlier", "with", "avec", "since", "depuis", "at", "chez", "sober",
                "clean", "sobre", "hour", "hours", "hr", "hrs").build();
        sizeUnit = TokenTable.builder(n).add("gb", "go", "tb", "mb", "gig", "gigs", "giga", "gigas").build();
        goodsAfterUnit = TokenTable.builder(n).add("series", "serie", "séries", "set", "sets", "pack", "packs",
                "folder", "folders", "vids", "vid", "videos", "vidéos", "pics", "pic", "photos", "album", "albums",
                "collection", "collections", "dossier", "dossiers", "fichiers", "files", "content", "mix", "lot",
                "lots", "archive", "archives", "clips", "bundle", "bundles").build();
        spanAfterUnitDe = TokenTable.builder(n).add("mariage", "plus", "moins", "différence", "relation",
                "expérience", "carrière", "service", "prison", "retard", "avance", "couple", "vie").build();
        gender = TokenTable.builder(n).add("f", "h", "m", "fille", "garcon", "gars", "mec", "meuf", "femme",
                "homme", "girl", "boy", "male", "female", "fem").build();
        born = TokenTable.builder(n).add("né", "née", "nee", "ne", "born").build();
        bornPrep = TokenTable.builder(n).add("en", "in").build();
        bornSubject = TokenTable.builder(n).add("suis", "jsuis", "jsui", "chui", "moi", "was", "perso", "je")
                .build();
        timeWord = TokenTable.builder(n).add("pm", "am", "heures", "heure", "hrs").build();
        timeAttached = TokenTable.builder(n).add("pm", "am").build();
        street = TokenTable.builder(n).add("rue", "avenue", "av", "ave", "bd", "boulevard", "blvd", "chemin",
                "impasse", "allée", "allee", "place", "quai", "route", "cours", "square", "street", "st",
                "road", "rd", "lane", "drive", "résidence", "residence", "cité", "cite").build();
        streetAfterName = TokenTable.builder(n).add("street", "st", "road", "rd", "lane", "drive", "avenue",
                "ave", "blvd", "boulevard").build();
        streetSuffix = TokenTable.builder(n).add("bis", "ter").build();
        moneyUnit = TokenTable.builder(n).add("euros", "euro", "eur", "balles", "boules", "dollars", "dollar",
                "usd", "bucks", "roses").build();
        rateLink = TokenTable.builder(n).add("la", "le", "l", "de", "par", "pour", "the", "per", "an", "a",
                "for", "each").build();
        rateUnit = TokenTable.builder(n).add("passe", "heure", "heures", "h", "1h", "demi", "nuit", "soirée",
                "soiree", "fois", "prestation", "hour", "hr", "night", "session", "rdv", "service", "massage")
                .build();
        rateDirect = TokenTable.builder(n).add("l'heure", "lheure", "lh").build();
    }
}
