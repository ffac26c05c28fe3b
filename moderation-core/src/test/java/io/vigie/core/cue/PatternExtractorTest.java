package io.vigie.core.cue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Table tests of every pattern extractor: what a user writes, and whether the cue must fire. */
class PatternExtractorTest {

    private final CueModel model = TestCues.model();
    private final CueExtractor extractor = model.newExtractor();

    static Stream<Arguments> statedAges() {
        return Stream.of(
                Arguments.of("j'ai 14 ans", 14),
                Arguments.of("jai 14a", 14),
                Arguments.of("jai 14ans", 14),
                Arguments.of("jai14ans", 14),
                Arguments.of("g14ans", 14),
                Arguments.of("J'ai 14 ans et toi ?", 14),
                Arguments.of("13 ans, tu as quel âge toi ?", 13),
                Arguments.of("j'ai 14 ans, elle 15", 14),
                Arguments.of("slt jai 15 ans", 15),
                Arguments.of("quatorze ans", 14),
                Arguments.of("j'ai treize ans", 13),
                Arguments.of("g 13 ans", 13),
                Arguments.of("moi 16", 16),
                Arguments.of("jai 14 et toi", 14),
                Arguments.of("14 and u?", 14),
                Arguments.of("15 et j'habite à lyon", 15),
                Arguments.of("tas quel age ? 14 ans", 14),
                Arguments.of("I'm 13", 13),
                Arguments.of("im 13", 13),
                Arguments.of("i am 13 years old", 13),
                Arguments.of("I AM 12 YEARS OLD", 12),
                Arguments.of("13yo", 13),
                Arguments.of("13 y/o", 13),
                Arguments.of("13 years old", 13),
                Arguments.of("I'm thirteen", 13),
                Arguments.of("14 f paris", 14),
                Arguments.of("14 h 75", 14),
                Arguments.of("14/f/lyon", 14),
                Arguments.of("asv ? 15 f 69", 15),
                Arguments.of("né en 2012", 14),
                Arguments.of("nee en 2011", 15),
                Arguments.of("je suis née en 2012", 14),
                Arguments.of("born in 2012", 14),
                Arguments.of("I was born in 2010", 16),
                Arguments.of("j'ai 19 ans", 19),
                Arguments.of("I'm 35 years old", 35),
                Arguments.of("j'aurai 14 ans en mars", 13),
                Arguments.of("jaurai 18 ans dans 2 jours", 17),
                Arguments.of("i turn 13", 12),
                Arguments.of("im 13, is that too young?", 13),
                Arguments.of("14 years, is that ok?", 14),
                Arguments.of("13 ans c'est grave ?", 13),
                Arguments.of("i'm 13.5 actually", 13));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("statedAges")
    void shouldReadTheWritersOwnAge(String text, int age) {
        // when
        MessageCues f = extractor.extract(text, List.of(), TestCues.EVENT_MS);
        // then
        assertEquals(age, f.statedAge(), text);
        assertTrue(has(f, Cues.AGE_STATED), text);
        assertEquals(age < 18, has(f, Cues.AGE_STATED_MINOR), text);
        assertEquals(age >= 18, has(f, Cues.AGE_STATED_ADULT), text);
        assertTrue(f.statedAgeStart() >= 0 && f.statedAgeEnd() <= text.length()
                && f.statedAgeStart() < f.statedAgeEnd(), text);
    }

    static Stream<String> notStatedAges() {
        return Stream.of("14 minutes", "mon fils a 12 ans", "ma fille a 13 ans", "I'm 14 minutes away",
                "rdv 18h", "j'ai 2 chats", "il y a 14 ans", "il est né en 2012", "my son was born in 2012",
                "une fille de 13 ans", "rdv 14 h 30", "jai 14 minutes de retard", "en 4e", "ça fait 15 ans",
                "my daughter is 13 years old", "dans 14 jours", "150€", "06 12 34 56 78", "j'ai 3 ans de plus",
                "kevin14ans", "lea2010", "p3d0",
                "11 and cracked like that??", "13 et déjà ce niveau", "the kids turn 14 at the party",
                "mon fils aura 12 ans", "12€/h, brevet de secourisme", "j'ai deux garçons de 4 et 7 ans",
                "taux 15%/h", "j'ai 12, 13 et 14 dans ma classe", "7 ans d'écart ça te dérange ?",
                "12 years apart, is that ok?", "20 ans de mariage demain", "15 years ago i moved here",
                "5 years with my husband next week", "12 ans avec lui en mai", "14 years at the plant",
                "16 ans de vie commune", "9yo series, full", "11 yo pics no faces", "10 ans dossiers, récents",
                "ha. 5 years, that's the wooden one isn't it", "oh 7 ans déjà, le temps passe",
                "8 ans, elle joue sur notre serveur", "12 years, he loves the game",
                "13 years is too young to be giving out an address", "12.60 an hour, more after 11pm", "perfect age. 15 an hour", "14,5 km à pied", "15 ans est l'âge de la majorité sexuelle ici",
                "had two kids, same story. \"14 year old\" in a game, gifts");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notStatedAges")
    void shouldNotTakeOtherNumbersForTheWritersAge(String text) {
        MessageCues f = extractor.extract(text, List.of(), TestCues.EVENT_MS);
        assertEquals(-1, f.statedAge(), text);
        assertFalse(has(f, Cues.AGE_STATED), text);
    }

    static Stream<Arguments> cues() {
        return Stream.of(
                // phones
                Arguments.of("mon num 06 12 34 56 78", Cues.CONTACT_PHONE, "06 12 34 56 78"),
                Arguments.of("0612345678", Cues.CONTACT_PHONE, "0612345678"),
                Arguments.of("appelle 06.12.34.56.78 stp", Cues.CONTACT_PHONE, "06.12.34.56.78"),
                Arguments.of("07-12-34-56-78", Cues.CONTACT_PHONE, "07-12-34-56-78"),
                Arguments.of("+33 6 12 34 56 78", Cues.CONTACT_PHONE, "+33 6 12 34 56 78"),
                Arguments.of("+33612345678", Cues.CONTACT_PHONE, "+33612345678"),
                Arguments.of("0033 6 12 34 56 78", Cues.CONTACT_PHONE, "0033 6 12 34 56 78"),
                Arguments.of("call +44 7911 123456", Cues.CONTACT_PHONE, "+44 7911 123456"),
                Arguments.of("06 12 34 56 78 jai 14 ans", Cues.CONTACT_PHONE, "06 12 34 56 78"),
                // e-mail, handles, links
                Arguments.of("ecris a lea.dupont@gmail.com", Cues.CONTACT_EMAIL, "lea.dupont@gmail.com"),
                Arguments.of("kevin2010@hotmail.fr", Cues.CONTACT_EMAIL, "kevin2010@hotmail.fr"),
                Arguments.of("ajoute @lea_du_93", Cues.CONTACT_HANDLE, "@lea_du_93"),
                Arguments.of("@kevin.2010 sur insta", Cues.CONTACT_HANDLE, "@kevin.2010"),
                Arguments.of("écrivez-moi sur Kobbo: perle_events", Cues.CONTACT_HANDLE, "perle_events"),
                Arguments.of("same name there, max_lln22.", Cues.CONTACT_HANDLE, "max_lln22"),
                // data sizes, glued or apart
                Arguments.of("40gb for the lot", Cues.NUMBER_SIZE, "40gb"),
                Arguments.of("le lot fait 20 Go", Cues.NUMBER_SIZE, "20 Go"),
                Arguments.of("got 12 gigs", Cues.NUMBER_SIZE, "12 gigs"),
                Arguments.of("va sur https://bit.ly/abc12", Cues.CONTACT_LINK, "https://bit.ly/abc12"),
                Arguments.of("www.monsite.com", Cues.CONTACT_LINK, "www.monsite.com"),
                Arguments.of("rejoins discord.gg/abcd", Cues.CONTACT_LINK, "discord.gg/abcd"),
                Arguments.of("t.me/someone", Cues.CONTACT_LINK, "t.me/someone"),
                Arguments.of("va sur monsite.fr", Cues.CONTACT_LINK, "monsite.fr"),
                Arguments.of("proof at the door: cellar-club.chat/inv/q9z", Cues.CONTACT_LINK, "cellar-club.chat/inv/q9z"),
                // times
                Arguments.of("rdv 18h", Cues.MEETING_TIME, "18h"),
                Arguments.of("on dit 20h30 ?", Cues.MEETING_TIME, "20h30"),
                Arguments.of("see you at 8pm", Cues.MEETING_TIME, "8pm"),
                Arguments.of("at 8 pm", Cues.MEETING_TIME, "8 pm"),
                Arguments.of("à 20:30", Cues.MEETING_TIME, "20:30"),
                Arguments.of("on se voit ce soir", Cues.MEETING_TIME, "ce soir"),
                Arguments.of("tonight?", Cues.MEETING_TIME, "tonight"),
                Arguments.of("demain", Cues.MEETING_TIME, "demain"),
                // addresses
                Arguments.of("c'est au 12 rue de la paix", Cues.MEETING_ADDRESS, "12 rue"),
                Arguments.of("3 bis avenue foch", Cues.MEETING_ADDRESS, "3 bis avenue"),
                Arguments.of("j'habite 75011 paris", Cues.MEETING_ADDRESS, "75011"),
                Arguments.of("10 downing street", Cues.MEETING_ADDRESS, "10 downing street"),
                // prices
                Arguments.of("150€", Cues.MONEY_PRICE, "150€"),
                Arguments.of("150 € la nuit", Cues.MONEY_PRICE, "150 €"),
                Arguments.of("150 euros", Cues.MONEY_PRICE, "150 euros"),
                Arguments.of("100 la demi-heure", Cues.MONEY_PRICE, "100 la demi-heure"),
                Arguments.of("c'est $200", Cues.MONEY_PRICE, "$200"),
                Arguments.of("200 dollars", Cues.MONEY_PRICE, "200 dollars"),
                Arguments.of("50 la passe", Cues.MONEY_PRICE, "50 la passe"),
                Arguments.of("100 de l'heure", Cues.MONEY_PRICE, "100 de l'heure"),
                Arguments.of("49,90€", Cues.MONEY_PRICE, "49,90€"),
                // names capitalized inside a sentence (apps nobody listed, people, places)
                Arguments.of("ok add me on Kestrel", Cues.TEXT_NAME, "Kestrel"),
                Arguments.of("coucou ici ça rame, t'as Blinq? on serait mieux", Cues.TEXT_NAME, "Blinq"),
                Arguments.of("après on passe sur Fennec et je te file le lien", Cues.TEXT_NAME, "Fennec"),
                Arguments.of("salut Élodie ça va", Cues.TEXT_NAME, "Élodie"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("cues")
    void shouldFireTheCueWithTheRawSpan(String text, String cue, String evidence) {
        // when
        MessageCues f = extractor.extract(text, List.of(), TestCues.EVENT_MS);
        // then
        int id = model.cues().id(cue);
        assertTrue(f.has(id), () -> text + " should fire " + cue + ", fired " + fired(f));
        assertEquals(evidence, text.substring(f.start(id), f.end(id)), text);
    }

    static Stream<Arguments> quiet() {
        return Stream.of(
                Arguments.of("12/03/2012", Cues.CONTACT_PHONE),
                Arguments.of("j'ai 14 ans", Cues.CONTACT_PHONE),
                Arguments.of("le 06 12", Cues.CONTACT_PHONE),
                Arguments.of("1234567890", Cues.CONTACT_PHONE),
                Arguments.of("ajoute @lea_du_93", Cues.CONTACT_EMAIL),
                Arguments.of("a@b", Cues.CONTACT_EMAIL),
                Arguments.of("lea@gmail.com", Cues.CONTACT_HANDLE),
                Arguments.of("trop bien ^_^", Cues.CONTACT_HANDLE),
                Arguments.of("mail lea_b@exemple.fr", Cues.CONTACT_HANDLE),
                Arguments.of("see you in 3mo", Cues.NUMBER_SIZE),
                Arguments.of("from 2 to 3", Cues.NUMBER_SIZE),
                Arguments.of("we need 20 good ones", Cues.NUMBER_SIZE),
                Arguments.of("lea@gmail.com", Cues.CONTACT_LINK),
                Arguments.of("il pèse 1.5 kg", Cues.CONTACT_LINK),
                Arguments.of("ok. demain", Cues.CONTACT_LINK),
                Arguments.of("the live chat was useless. shop later", Cues.CONTACT_LINK),
                Arguments.of("j'ai 14 ans", Cues.MEETING_TIME),
                Arguments.of("en 4e", Cues.MEETING_TIME),
                Arguments.of("14 h 75", Cues.MEETING_TIME),
                Arguments.of("06 12 34 56 78", Cues.MEETING_ADDRESS),
                Arguments.of("15000 euros", Cues.MEETING_ADDRESS),
                Arguments.of("j'ai 14 ans", Cues.MONEY_PRICE),
                Arguments.of("en 4e", Cues.MONEY_PRICE),
                Arguments.of("rdv 18h", Cues.MONEY_PRICE),
                Arguments.of("salut ça va", Cues.MEETING_TIME),
                Arguments.of("Kestrel is the app", Cues.TEXT_NAME),
                Arguments.of("ok. Kestrel then", Cues.TEXT_NAME),
                Arguments.of("see you on Monday", Cues.TEXT_NAME),
                Arguments.of("meet me in March", Cues.TEXT_NAME),
                Arguments.of("I'm on it, I swear", Cues.TEXT_NAME),
                Arguments.of("add me on KESTREL", Cues.TEXT_NAME),
                Arguments.of("add me on kestrel", Cues.TEXT_NAME),
                Arguments.of("coucou 😘 Lina", Cues.TEXT_NAME));
    }

    @ParameterizedTest(name = "{0} must not fire {1}")
    @MethodSource("quiet")
    void shouldStayQuietOnLookalikes(String text, String cue) {
        MessageCues f = extractor.extract(text, List.of(), TestCues.EVENT_MS);
        assertFalse(f.has(model.cues().id(cue)), () -> text + " fired " + fired(f));
    }

    private boolean has(MessageCues f, String cue) {
        return f.has(model.cues().id(cue));
    }

    private String fired(MessageCues f) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < f.firedCount(); i++) {
            int id = f.firedCues()[i];
            sb.append(model.cues().name(id)).append('[').append(f.start(id)).append(',').append(f.end(id))
                    .append("] ");
        }
        return sb.toString();
    }
}
