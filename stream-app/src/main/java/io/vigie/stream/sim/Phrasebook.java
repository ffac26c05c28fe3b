package io.vigie.stream.sim;

import java.util.List;

/**
 * The lines the simulator speaks, FR and EN, with {@code {slot}} placeholders filled by {@link ChatSimulator}.
 * Benign topics include hard negatives (lines that look harmful to a naive keyword filter but are not).
 * Harmful scripts are patterns only: never graphic, never sexual content involving a minor.
 */
final class Phrasebook {

    private Phrasebook() {
    }

    /** A benign conversation topic; the constraint says who may hold it. */
    enum Topic {
        SMALL_TALK(Pairing.ANY),
        TEENS(Pairing.TWO_MINORS),
        PARENT_CHILD(Pairing.ADULT_AND_MINOR),
        FLIRT_MEET(Pairing.TWO_ADULTS),
        GAY_LIFE(Pairing.TWO_ADULTS),
        CONDEMN_SLUR(Pairing.ANY),
        SALE(Pairing.TWO_ADULTS),
        MINUTES_AWAY(Pairing.ANY);

        final Pairing pairing;

        Topic(Pairing pairing) {
            this.pairing = pairing;
        }
    }

    enum Pairing { ANY, TWO_MINORS, ADULT_AND_MINOR, TWO_ADULTS }

    static List<String> lines(Topic topic, boolean french) {
        return switch (topic) {
            case SMALL_TALK -> french ? SMALL_TALK_FR : SMALL_TALK_EN;
            case TEENS -> french ? TEENS_FR : TEENS_EN;
            case PARENT_CHILD -> french ? PARENT_CHILD_FR : PARENT_CHILD_EN;
            case FLIRT_MEET -> french ? FLIRT_FR : FLIRT_EN;
            case GAY_LIFE -> french ? GAY_FR : GAY_EN;
            case CONDEMN_SLUR -> french ? CONDEMN_FR : CONDEMN_EN;
            case SALE -> french ? SALE_FR : SALE_EN;
            case MINUTES_AWAY -> french ? MINUTES_FR : MINUTES_EN;
        };
    }

    static final List<String> SMALL_TALK_FR = List.of(
            "slt tout le monde, ça va ce soir ?", "qqn a vu le match hier ? incroyable la fin",
            "je m'ennuie grave au taf la", "quelqu'un de {city} ici ?", "bonne soirée à tous {emoji}",
            "mdr t'es trop drôle toi", "vous regardez quoi comme série en ce moment ?",
            "il pleut encore à {city}, j'en peux plus", "jsuis crevé, grosse journée aujourd'hui",
            "c'est quoi le meilleur kebab de {city} selon vous", "ah ouais carrément, je savais pas",
            "bon je vais manger, à toute", "re, vous parliez de quoi ?", "ptdr non c'est pas vrai",
            "j'ai eu mon permis aujourd'hui !!! {emoji}", "quelqu'un joue à valo ce soir ?",
            "mon chat a encore cassé un verre, il me rend fou", "on est dimanche et j'ai rien fait de la journée");
    static final List<String> SMALL_TALK_EN = List.of(
            "hey everyone, how's it going tonight?", "anyone watching the game? what a finish",
            "so bored at work rn", "anyone from {city} here?", "good night all {emoji}",
            "lol you're hilarious", "what shows are you guys watching lately?",
            "raining again in {city}, so done with this", "long day, i'm exhausted",
            "best pizza place in {city}? asking for a friend", "oh wow i didn't know that",
            "brb dinner", "back, what did i miss?", "no way that's not true haha",
            "passed my driving test today!!! {emoji}", "anyone up for some valorant tonight?",
            "my cat knocked over another glass, he's driving me crazy", "sunday and i did literally nothing");

    static final List<String> TEENS_FR = List.of(
            "t'as quel âge ? moi {n14} ans", "jsuis en 4e au collège de {city}", "t'as révisé pour le brevet ?",
            "ma mère veut pas que je sorte ce soir", "on se voit à la récré demain ?",
            "le prof de maths nous a mis un contrôle surprise trop nul", "t'es en quelle classe toi ?",
            "moi aussi {n14} ans, je suis en troisième", "trop hâte des vacances de noël");
    static final List<String> TEENS_EN = List.of(
            "how old r u? i'm {n14}", "i'm in 8th grade at middle school", "did you study for the math test?",
            "my mom won't let me go out tonight", "see you at lunch tomorrow?",
            "our teacher gave us a pop quiz so unfair", "what grade are you in?",
            "same i'm {n14} too, freshman year", "can't wait for winter break");

    static final List<String> PARENT_CHILD_FR = List.of(
            "maman tu rentres à quelle heure ?", "n'oublie pas ton goûter dans ton sac",
            "t'es où ? je viens te chercher à 18h devant le collège", "chut dis rien à papa, c'est pour son anniv",
            "t'as fini tes devoirs ?", "mon fils a {n14} ans et il passe sa vie sur son tel",
            "oui maman je suis chez léa, on fait l'exposé", "range ta chambre avant ce soir stp");
    static final List<String> PARENT_CHILD_EN = List.of(
            "mom what time are you coming home?", "don't forget your lunch in your bag",
            "where are you? i'll pick you up at 6 after school", "shh don't tell dad, it's for his birthday",
            "did you finish your homework?", "my son is {n14} and he lives on his phone",
            "yes mom i'm at emma's doing the project", "clean your room before tonight please");

    static final List<String> FLIRT_FR = List.of(
            "t'as un beau sourire sur ta photo {emoji}", "on se voit ce soir pour un verre ?",
            "ok pour samedi {time} au bar de la place", "j'ai {n30} ans et toi ?", "t'es mignonne toi",
            "grave, je viens te chercher à la gare si tu veux", "ajoute moi sur insta c'est plus simple",
            "j'ai passé une super soirée hier", "tu fais quoi dans la vie ?", "on se fait un resto vendredi ?");
    static final List<String> FLIRT_EN = List.of(
            "you have a lovely smile in your pic {emoji}", "wanna grab a drink tonight?",
            "ok saturday {time} at the bar downtown", "i'm {n30}, you?", "you're cute",
            "sure i'll pick you up at the station", "add me on insta it's easier",
            "had a great time last night", "what do you do for work?", "dinner on friday?");

    static final List<String> GAY_FR = List.of(
            "je suis gay et fier de l'être {emoji}", "mon mec et moi on fête nos 3 ans ce week-end",
            "ça fait du bien un salon où on peut être soi", "coming out à mes parents hier, ils ont été top",
            "ma copine et moi on cherche un bar lesbien sympa à {city}", "la marche des fiertés c'était génial");
    static final List<String> GAY_EN = List.of(
            "i'm gay and proud {emoji}", "my boyfriend and i celebrate 3 years this weekend",
            "nice to have a room where we can be ourselves", "came out to my parents yesterday, they were great",
            "my girlfriend and i are looking for a nice lesbian bar in {city}", "pride march was amazing");

    static final List<String> CONDEMN_FR = List.of(
            "arrête de dire pd comme insulte, c'est homophobe", "traiter qqn de tapette c'est nul, stop",
            "les insultes homophobes ici c'est non, je signale", "arrêtez de dire que c'est une maladie, sérieux");
    static final List<String> CONDEMN_EN = List.of(
            "stop using fag as an insult, it's homophobic", "calling people slurs isn't funny, reported",
            "not ok to say that about gay people", "stop saying being gay is a disease, seriously");

    static final List<String> SALE_FR = List.of(
            "je vends mon iphone 11 150€ très bon état", "dispo ce soir pour la remise en main propre ?",
            "vends vélo 80€, à récupérer à {city}", "150€ c'est mon dernier prix", "il est toujours dispo le tel ?");
    static final List<String> SALE_EN = List.of(
            "selling my used iphone 11 for 150€, great condition", "can we meet tonight for the handover?",
            "bike for sale $80, pickup in {city}", "150 is my final price", "is the phone still available?");

    static final List<String> MINUTES_FR = List.of(
            "j'ai 14 minutes de retard désolé", "j'arrive dans {n14} min", "rdv {time} devant le ciné",
            "je suis à 10 minutes à pied", "bus en retard, j'ai 14 min de retard");
    static final List<String> MINUTES_EN = List.of(
            "i'm 14 minutes away", "be there in {n14} min", "meet at {time} in front of the cinema",
            "i'm 10 minutes away on foot", "bus is late, i'm 14 minutes behind");

    /** Who speaks a scripted line. */
    enum Role { ATTACKER, VICTIM }

    /** Where a script takes place. */
    enum Venue { PRIVATE, ROOM_THEN_PRIVATE }

    /** One line of a script: FR and EN variants, one picked at random. */
    record Step(Role role, List<String> fr, List<String> en) {
    }

    /** A harmful script, in order. */
    record Script(Venue venue, List<Step> steps) {
    }

    private static Step a(List<String> fr, List<String> en) {
        return new Step(Role.ATTACKER, fr, en);
    }

    private static Step v(List<String> fr, List<String> en) {
        return new Step(Role.VICTIM, fr, en);
    }

    static Script script(Scenario scenario) {
        return switch (scenario) {
            case GROOMING -> new Script(Venue.PRIVATE, List.of(
                    a(List.of("slt tu as quel âge ?", "salut, t'as quel age toi ?", "asv ?"),
                            List.of("hi how old r u?", "hey, how old are you?", "asl?")),
                    v(List.of("{victimAge} ans et toi", "jai {victimAge} ans", "{victimAge} f {city}"),
                            List.of("{victimAge}, you?", "i'm {victimAge}", "{victimAge} f {city}")),
                    a(List.of("t'es trop mature pour ton âge", "t'es vraiment pas comme les filles de ton âge"),
                            List.of("you're so mature for your age", "you're not like other girls your age")),
                    a(List.of("t'es seule chez toi là ?", "tes parents sont là ce soir ?"),
                            List.of("are you home alone?", "are your parents home tonight?")),
                    v(List.of("oui ils rentrent tard", "non ils sont au travail"),
                            List.of("yeah they're back late", "no they're at work")),
                    a(List.of("dis rien à tes parents, c'est notre secret", "supprime la conv après stp"),
                            List.of("don't tell your parents, it's our secret", "delete the chat after ok")),
                    a(List.of("ajoute moi sur snap c'est plus simple : {handle}", "viens sur snap {handle}"),
                            List.of("add me on snap it's easier: {handle}", "move to snap {handle}")),
                    a(List.of("on se voit mercredi après les cours ? je viens te chercher",
                                    "je peux venir te chercher {time} devant ton collège"),
                            List.of("let's meet wednesday after school? i'll pick you up",
                                    "i can pick you up at {time} near your school"))));
            case CSAM_TRADE -> new Script(Venue.PRIVATE, List.of(
                    a(List.of("t'as du pthc ? j'échange", "qqn pour un échange cp ?"),
                            List.of("got any pthc? trading", "anyone up for a cp trade?")),
                    v(List.of("ouais j'ai un pack, t'as quoi toi", "j'ai des liens mega"),
                            List.of("yeah i have a pack, what do you have", "i have mega links")),
                    a(List.of("envoie le lien mega, je t'envoie ma collection", "pack contre pack, liens en privé"),
                            List.of("send the mega link, i'll send my collection", "pack for pack, links in dm")),
                    v(List.of("ok passe sur telegram {handle}", "on continue sur session"),
                            List.of("ok move to telegram {handle}", "let's continue on session"))));
            case HOMOPHOBIC_AMBUSH -> new Script(Venue.PRIVATE, List.of(
                    a(List.of("salut t'es gay ? moi aussi mais discret", "slt, mec discret ici, toi aussi ?"),
                            List.of("hey you gay? me too but discreet", "hi, discreet guy here, you too?")),
                    v(List.of("oui je suis gay, tu cherches quoi ?", "ouais, t'es d'où ?"),
                            List.of("yes i'm gay, what are you looking for?", "yeah, where are you from?")),
                    a(List.of("on se voit ce soir ? viens seul c'est mieux", "viens seul, personne doit savoir"),
                            List.of("meet tonight? come alone it's better", "come alone, nobody needs to know")),
                    a(List.of("rdv {time} au parking derrière le lidl", "rdv derrière la gare à {time}"),
                            List.of("meet at {time} in the parking lot behind the mall",
                                    "meet behind the station at {time}")),
                    v(List.of("ok j'y serai", "d'accord, je viens"), List.of("ok i'll be there", "alright, coming")),
                    a(List.of("viens seul hein, pas de pote", "t'inquiète on sera tranquille, viens seul"),
                            List.of("come alone ok, no friends", "don't worry it'll be quiet, come alone"))));
            case SEXUAL_VIOLENCE_RECRUITMENT -> new Script(Venue.ROOM_THEN_PRIVATE, List.of(
                    a(List.of("cherche des mecs pour ce soir, plan à plusieurs, mp", "qui veut venir ce soir ? mp"),
                            List.of("looking for guys tonight, group thing, dm", "who wants to come tonight? dm")),
                    v(List.of("c'est quoi le plan ?", "moi, c'est où ?"),
                            List.of("what's the plan?", "me, where is it?")),
                    a(List.of("elle sera endormie, droguée, elle saura rien", "elle dort, elle s'en souviendra pas"),
                            List.of("she'll be passed out, drugged, she won't know", "she'll be asleep, won't remember")),
                    a(List.of("adresse en privé, {time}, pas de photos", "c'est chez moi à {time}, discrétion"),
                            List.of("address in dm, {time}, no pics", "at my place at {time}, keep it quiet"))));
            case PIMPING -> new Script(Venue.ROOM_THEN_PRIVATE, List.of(
                    a(List.of("nouvelles filles dispo ce soir à {city}, mp pour les tarifs",
                                    "jolies filles dispo, rencontre tarifée, mp"),
                            List.of("new girls available tonight in {city}, dm for rates",
                                    "pretty girls available, paid dates, dm")),
                    v(List.of("c'est combien ?", "tarifs ?"), List.of("how much?", "rates?")),
                    a(List.of("{price} la demi-heure, {price2} l'heure", "{price} la demi heure, {price2} la nuit"),
                            List.of("{price} half hour, {price2} the hour", "{price} half an hour, {price2} all night")),
                    a(List.of("appelle au {phone}, demande pour la nouvelle", "réserve au {phone}"),
                            List.of("call {phone}, ask for the new one", "book at {phone}"))));
            case HOMOPHOBIC_HATE -> new Script(Venue.PRIVATE, List.of(
                    a(List.of("sale pd on sait qui t'es", "les pédés comme toi faut les dégager"),
                            List.of("dirty fag we know who you are", "fags like you should get out")),
                    v(List.of("laisse moi tranquille", "arrête stp"), List.of("leave me alone", "stop please")),
                    a(List.of("on va te retrouver sale tapette", "crève sale pd"),
                            List.of("we'll find you faggot", "die you fag"))));
            case SEXTORTION -> new Script(Venue.PRIVATE, List.of(
                    a(List.of("j'ai tes photos, envoie {price} ou je les diffuse", "j'ai tes photos et ta liste d'amis"),
                            List.of("i have your pics, send {price} or i post them", "i have your pics and your friends list")),
                    v(List.of("quoi ?? stp fais pas ça", "supprime les stp"), List.of("what?? please don't", "please delete them")),
                    a(List.of("tu payes sinon j'envoie à tout le monde", "t'as 24h, sinon j'envoie à ta famille"),
                            List.of("pay or i send them to everyone", "you have 24h or i send them to your family"))));
        };
    }

    static final List<String> CITIES = List.of("paris", "lyon", "marseille", "toulon", "lille", "nantes",
            "roubaix", "bordeaux", "toulouse", "montpellier", "strasbourg", "nice");
    static final List<String> EMOJI = List.of("😂", "😊", "❤️", "🙏", "😘", "🔥", "👍", "😭", "🥰", "😅", "🤣", "😎");
    static final List<String> ROOM_NAMES = List.of("general", "paris", "ados", "30-40ans", "gay", "sud",
            "nord", "gamers", "musique", "foot", "lyon", "rencontres");
}
