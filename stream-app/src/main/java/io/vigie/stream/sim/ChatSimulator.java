package io.vigie.stream.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.core.contract.Attachment;
import io.vigie.core.contract.ChatMessage;
import io.vigie.core.contract.Profile;
import io.vigie.core.contract.SenderSnapshot;
import io.vigie.stream.sim.Phrasebook.Pairing;
import io.vigie.stream.sim.Phrasebook.Role;
import io.vigie.stream.sim.Phrasebook.Script;
import io.vigie.stream.sim.Phrasebook.Step;
import io.vigie.stream.sim.Phrasebook.Topic;
import io.vigie.stream.sim.Phrasebook.Venue;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * A deterministic synthetic chat feed: an endless iterator of {@link SimEvent}s (profiles and messages) whose
 * content depends only on the seed and the {@link SimConfig}. The same seed and config give the same records
 * in the same order on any JVM.
 *
 * <p>Traffic: FR and EN chat with SMS spelling, typos and emoji, in public rooms and private conversations;
 * user activity is Zipf-distributed; about 15 % of users are minors, nearly half of whom typed 18 at sign-up.
 * Benign conversations include hard negatives (teens among themselves, a parent and a child, adults flirting
 * and agreeing to meet, gay users talking about themselves, someone condemning a slur, a phone for sale at
 * "150€", "I'm 14 minutes away"). Harmful {@link Scenario scenarios} are injected so that on average
 * {@link SimConfig#harmfulRate()} of the messages belong to one; their messages interleave with benign
 * traffic over event time and carry the ground-truth label.
 *
 * <p>Each user's {@link Profile} is emitted just before that user's first message. Event time never goes
 * backwards. Not thread-safe; {@link #hasNext()} is always true.
 */
public final class ChatSimulator implements Iterator<SimEvent> {

    private static final double MINOR_SHARE = 0.15;
    private static final double GAY_SHARE = 0.08;
    private static final int MAX_OPEN_PAIRS = 400;

    private final SimConfig config;
    private final SplittableRandom rnd;
    private final double[] zipfCdf;
    private final List<User> users = new ArrayList<>();
    private final List<Integer> minors = new ArrayList<>();
    private final List<Integer> adults = new ArrayList<>();
    private final List<Integer> gayAdults = new ArrayList<>();
    private final List<PrivatePair> openPairs = new ArrayList<>();
    private final List<OpenScenario> openScenarios = new ArrayList<>();
    private final ArrayDeque<SimEvent> pending = new ArrayDeque<>();
    private final long startMs;
    private double clockMs;
    private long messageSeq;
    private long conversationSeq;
    private long scenarioSeq;
    private long messagesEmitted;
    private long harmfulEmitted;

    /**
     * @param seed   every random choice derives from it
     * @param config traffic shape, never null
     */
    public ChatSimulator(long seed, SimConfig config) {
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.rnd = new SplittableRandom(seed);
        this.startMs = config.start().toEpochMilli();
        this.zipfCdf = zipfCdf(config.users(), config.zipfExponent());
        for (int i = 0; i < config.users(); i++) {
            users.add(regularUser(i));
        }
    }

    /** Always true: the feed never ends. */
    @Override
    public boolean hasNext() {
        return true;
    }

    /** The next record; profiles come before their user's first message. */
    @Override
    public SimEvent next() {
        if (pending.isEmpty()) {
            clockMs += -Math.log(1.0 - rnd.nextDouble()) * config.meanGapMs();
            if (config.harmfulRate() > 0 && rnd.nextDouble() < config.harmfulRate()) {
                scenarioMessage();
            } else {
                benignMessage();
            }
        }
        return pending.poll();
    }

    /** The next chat message, skipping (but still emitting nothing for) profiles; handy for benchmarks. */
    public SimEvent.MessageEvent nextMessage() {
        while (true) {
            SimEvent event = next();
            if (event instanceof SimEvent.MessageEvent message) {
                return message;
            }
        }
    }

    /** Messages produced so far (profiles excluded). */
    public long messagesEmitted() {
        return messagesEmitted;
    }

    /** Messages produced so far that belong to a harmful scenario. */
    public long harmfulEmitted() {
        return harmfulEmitted;
    }

    /**
     * Writes the next records as JSON lines (contract format, with profiles) until {@code messages} chat
     * messages have been written.
     *
     * @param out      file to create or overwrite
     * @param messages number of chat messages to write, at least 0
     * @return the number of lines written (messages plus profiles)
     * @throws UncheckedIOException when the file cannot be written
     */
    public long writeJsonl(Path out, long messages) {
        return writeJsonl(out, messages, false, null);
    }

    /**
     * Like {@link #writeJsonl(Path, long)}, optionally adding the ground truth to scenario messages as an
     * extra {@code "sim"} field (unknown fields are ignored by readers of the contract).
     *
     * @param withLabels add {@code "sim":{"scenario":..,"scenarioId":..,"step":..}} to harmful messages
     * @param progress   called with the number of messages written every 100,000 messages; may be null
     */
    public long writeJsonl(Path out, long messages, boolean withLabels, LongConsumer progress) {
        if (messages < 0) {
            throw new IllegalArgumentException("messages must be at least 0, got " + messages);
        }
        ObjectMapper mapper = SimJson.mapper();
        long lines = 0;
        long written = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            while (written < messages) {
                SimEvent event = next();
                writer.write(withLabels ? SimJson.toLabelledJson(mapper, event) : SimJson.toJson(mapper, event));
                writer.write('\n');
                lines++;
                if (event instanceof SimEvent.MessageEvent) {
                    written++;
                    if (progress != null && written % 100_000 == 0) {
                        progress.accept(written);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        return lines;
    }

    // ---------------------------------------------------------------- population

    private static final class User {
        final String id;
        final int realAge;
        final Integer declaredAge;
        final String gender;
        final String postalCode;
        final Instant createdAt;
        final String deviceId;
        final String ipHash;
        final boolean french;
        final boolean gay;
        boolean announced;

        User(String id, int realAge, Integer declaredAge, String gender, String postalCode, Instant createdAt,
             String deviceId, String ipHash, boolean french, boolean gay) {
            this.id = id;
            this.realAge = realAge;
            this.declaredAge = declaredAge;
            this.gender = gender;
            this.postalCode = postalCode;
            this.createdAt = createdAt;
            this.deviceId = deviceId;
            this.ipHash = ipHash;
            this.french = french;
            this.gay = gay;
        }

        boolean minor() {
            return realAge < 18;
        }

        Profile profile(Instant at) {
            return new Profile("profile", id, declaredAge, gender, postalCode, createdAt, deviceId, ipHash, at);
        }

        SenderSnapshot snapshot() {
            return new SenderSnapshot(declaredAge, gender, postalCode, createdAt, deviceId, ipHash);
        }
    }

    private User regularUser(int index) {
        boolean minor = rnd.nextDouble() < MINOR_SHARE;
        int realAge = minor ? 12 + rnd.nextInt(6) : 18 + (int) Math.min(52, Math.abs(rnd.nextGaussian()) * 14);
        Integer declared;
        double lie = rnd.nextDouble();
        if (minor) {
            // the site asked for 18+, so many children typed 18 (or a little more)
            declared = lie < 0.45 ? Integer.valueOf(18) : lie < 0.55 ? Integer.valueOf(19 + rnd.nextInt(3))
                    : lie < 0.9 ? Integer.valueOf(realAge) : null;
        } else {
            declared = lie < 0.1 ? null : lie < 0.15 ? Integer.valueOf(Math.max(18, realAge - 5))
                    : Integer.valueOf(realAge);
        }
        Instant created = Instant.ofEpochMilli(startMs - (long) (rnd.nextDouble() * Duration.ofDays(900).toMillis()));
        User user = new User("u-" + index, realAge, declared, rnd.nextBoolean() ? "M" : "F", postalCode(),
                created, "d-" + index, "h-" + Integer.toHexString(rnd.nextInt(1 << 20)),
                rnd.nextDouble() < config.frenchShare(), !minor && rnd.nextDouble() < GAY_SHARE);
        (minor ? minors : adults).add(index);
        if (user.gay) {
            gayAdults.add(index);
        }
        return user;
    }

    /** A scenario actor: a fresh account, often created minutes before (fake profiles are new). */
    private int newActor(int realAge, Integer declared, String gender, boolean french, long accountAgeMs) {
        int index = users.size();
        Instant created = Instant.ofEpochMilli(startMs + (long) clockMs - accountAgeMs);
        users.add(new User("u-" + index, realAge, declared, gender, postalCode(), created, "d-" + index,
                "h-" + Integer.toHexString(rnd.nextInt(1 << 20)), french, false));
        return index;
    }

    private String postalCode() {
        int dept = 1 + rnd.nextInt(95);
        return String.format(java.util.Locale.ROOT, "%02d%03d", dept == 20 ? 21 : dept, rnd.nextInt(10) * 10);
    }

    private static double[] zipfCdf(int n, double exponent) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / Math.pow(i + 1, exponent);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    /** A regular user drawn with Zipf-distributed activity (user 0 is the most active). */
    private int zipfUser() {
        int i = Arrays.binarySearch(zipfCdf, rnd.nextDouble());
        return Math.min(zipfCdf.length - 1, i >= 0 ? i : -i - 1);
    }

    /** A Zipf-drawn user from a subgroup: retry the Zipf draw, fall back to uniform within the group. */
    private int zipfUserFrom(List<Integer> group, int exclude) {
        for (int tries = 0; tries < 24; tries++) {
            int candidate = zipfUser();
            if (candidate != exclude && group.contains(candidate)) {
                return candidate;
            }
        }
        int candidate = group.get(rnd.nextInt(group.size()));
        return candidate == exclude && group.size() > 1 ? group.get((group.indexOf(candidate) + 1) % group.size())
                : candidate;
    }

    // ---------------------------------------------------------------- benign traffic

    private static final class PrivatePair {
        final int a;
        final int b;
        final Topic topic;
        final boolean french;
        final String conversationId;
        int remaining;
        int lastSender = -1;

        PrivatePair(int a, int b, Topic topic, boolean french, String conversationId, int remaining) {
            this.a = a;
            this.b = b;
            this.topic = topic;
            this.french = french;
            this.conversationId = conversationId;
            this.remaining = remaining;
        }
    }

    private static final Topic[] TOPICS = Topic.values();
    private static final int[] PRIVATE_TOPIC_WEIGHTS = {40, 8, 6, 16, 7, 4, 8, 8};
    private static final int[] ROOM_TOPIC_WEIGHTS = {62, 6, 0, 4, 8, 8, 6, 6};

    private void benignMessage() {
        if (rnd.nextDouble() < config.privateShare()) {
            privateMessage();
        } else {
            roomMessage();
        }
    }

    private void privateMessage() {
        PrivatePair pair;
        if (!openPairs.isEmpty() && (openPairs.size() >= MAX_OPEN_PAIRS || rnd.nextDouble() < 0.85)) {
            pair = openPairs.get(rnd.nextInt(openPairs.size()));
        } else {
            pair = openPair();
            openPairs.add(pair);
        }
        // mostly alternate, sometimes double-text
        int sender = pair.lastSender == pair.a ? (rnd.nextDouble() < 0.8 ? pair.b : pair.a)
                : pair.lastSender == pair.b ? (rnd.nextDouble() < 0.8 ? pair.a : pair.b) : pair.a;
        int recipient = sender == pair.a ? pair.b : pair.a;
        pair.lastSender = sender;
        String text = fill(pick(Phrasebook.lines(pair.topic, pair.french)), pair.french, null);
        text = TextNoise.apply(text, pair.french, config.noise(), true, rnd);
        emit(sender, List.of(recipient), pair.conversationId, null, text, null, null, -1);
        if (--pair.remaining <= 0) {
            openPairs.remove(pair);
        }
    }

    private PrivatePair openPair() {
        Topic topic = TOPICS[weighted(PRIVATE_TOPIC_WEIGHTS)];
        int a;
        int b;
        switch (topic.pairing) {
            case TWO_MINORS -> {
                a = zipfUserFrom(minors, -1);
                b = zipfUserFrom(minors, a);
            }
            case ADULT_AND_MINOR -> {
                a = zipfUserFrom(adults, -1);
                b = zipfUserFrom(minors, a);
            }
            case TWO_ADULTS -> {
                a = topic == Topic.GAY_LIFE && !gayAdults.isEmpty() ? zipfUserFrom(gayAdults, -1)
                        : zipfUserFrom(adults, -1);
                b = zipfUserFrom(adults, a);
            }
            default -> {
                a = zipfUser();
                b = zipfUser();
                if (b == a) {
                    b = (a + 1) % config.users();
                }
            }
        }
        if (rnd.nextBoolean() && topic.pairing != Pairing.ADULT_AND_MINOR) {
            int t = a;
            a = b;
            b = t;
        }
        return new PrivatePair(a, b, topic, users.get(a).french, "c-" + (++conversationSeq), 3 + rnd.nextInt(18));
    }

    private void roomMessage() {
        int room = rnd.nextInt(Math.min(config.rooms(), Phrasebook.ROOM_NAMES.size() * 100));
        String roomName = Phrasebook.ROOM_NAMES.get(room % Phrasebook.ROOM_NAMES.size())
                + (room >= Phrasebook.ROOM_NAMES.size() ? "-" + room / Phrasebook.ROOM_NAMES.size() : "");
        int sender = zipfUser();
        User user = users.get(sender);
        Topic topic = TOPICS[weighted(ROOM_TOPIC_WEIGHTS)];
        if ((topic == Topic.TEENS && !user.minor()) || (topic == Topic.GAY_LIFE && !user.gay)
                || (topic == Topic.FLIRT_MEET && user.minor()) || (topic == Topic.SALE && user.minor())) {
            topic = Topic.SMALL_TALK;
        }
        String text = fill(pick(Phrasebook.lines(topic, user.french)), user.french, null);
        text = TextNoise.apply(text, user.french, config.noise(), true, rnd);
        emit(sender, List.of(), "room-" + roomName, "r-" + roomName, text, null, null, -1);
    }

    // ---------------------------------------------------------------- harmful scenarios

    private static final Scenario[] SCENARIOS = Scenario.values();
    /** Relative frequencies: grooming dominates, as it did on the site this project was built for. */
    private static final int[] SCENARIO_WEIGHTS = {30, 10, 15, 8, 15, 14, 8};

    private static final class OpenScenario {
        final Scenario scenario;
        final Script script;
        final String id;
        final int attacker;
        final int victim;
        final boolean french;
        final String conversationId;
        final String roomName;
        final Map<String, String> slots;
        int step;

        OpenScenario(Scenario scenario, Script script, String id, int attacker, int victim, boolean french,
                     String conversationId, String roomName, Map<String, String> slots) {
            this.scenario = scenario;
            this.script = script;
            this.id = id;
            this.attacker = attacker;
            this.victim = victim;
            this.french = french;
            this.conversationId = conversationId;
            this.roomName = roomName;
            this.slots = slots;
        }
    }

    private void scenarioMessage() {
        OpenScenario open;
        if (openScenarios.isEmpty()
                || (openScenarios.size() < config.maxOpenScenarios() && rnd.nextDouble() < 0.3)) {
            open = openScenario(SCENARIOS[weighted(SCENARIO_WEIGHTS)]);
            openScenarios.add(open);
        } else {
            open = openScenarios.get(rnd.nextInt(openScenarios.size()));
        }
        Step step = open.script.steps().get(open.step);
        boolean attackerSpeaks = step.role() == Role.ATTACKER;
        int sender = attackerSpeaks ? open.attacker : open.victim;
        int other = attackerSpeaks ? open.victim : open.attacker;
        String text = fill(pick(open.french ? step.fr() : step.en()), open.french, open.slots);
        text = TextNoise.apply(text, open.french, config.noise() * 0.6, false, rnd);
        boolean inRoom = open.script.venue() == Venue.ROOM_THEN_PRIVATE && open.step == 0;
        if (inRoom) {
            emit(sender, List.of(), "room-" + open.roomName, "r-" + open.roomName, text, open.scenario, open.id,
                    open.step);
        } else {
            emit(sender, List.of(other), open.conversationId, null, text, open.scenario, open.id, open.step);
        }
        if (++open.step >= open.script.steps().size()) {
            openScenarios.remove(open);
        }
    }

    private OpenScenario openScenario(Scenario scenario) {
        String id = "s-" + (++scenarioSeq);
        long minutes = Duration.ofMinutes(1).toMillis();
        int attacker;
        int victim;
        switch (scenario) {
            case GROOMING -> {
                victim = zipfUserFrom(minors, -1);
                int age = 28 + rnd.nextInt(25);
                attacker = newActor(age, rnd.nextBoolean() ? Integer.valueOf(age) : Integer.valueOf(19 + rnd.nextInt(4)),
                        "M", users.get(victim).french, (5 + rnd.nextInt(600)) * minutes);
            }
            case HOMOPHOBIC_AMBUSH -> {
                victim = gayAdults.isEmpty() ? zipfUserFrom(adults, -1) : zipfUserFrom(gayAdults, -1);
                attacker = newActor(18 + rnd.nextInt(6), 19 + rnd.nextInt(5), "M", users.get(victim).french,
                        (2 + rnd.nextInt(30)) * minutes);
            }
            case HOMOPHOBIC_HATE -> {
                victim = gayAdults.isEmpty() ? zipfUserFrom(adults, -1) : zipfUserFrom(gayAdults, -1);
                attacker = zipfUserFrom(adults, victim);
            }
            case CSAM_TRADE -> {
                boolean french = rnd.nextDouble() < config.frenchShare();
                attacker = newActor(25 + rnd.nextInt(30), null, "M", french, (1 + rnd.nextInt(60)) * minutes);
                victim = newActor(25 + rnd.nextInt(30), null, "M", french, (1 + rnd.nextInt(60)) * minutes);
            }
            default -> {
                victim = zipfUserFrom(adults, -1);
                attacker = newActor(22 + rnd.nextInt(25), 20 + rnd.nextInt(20), "M", users.get(victim).french,
                        (10 + rnd.nextInt(2000)) * minutes);
            }
        }
        boolean french = users.get(attacker).french;
        Map<String, String> slots = Map.of(
                "victimAge", Integer.toString(users.get(victim).realAge),
                "handle", handle(),
                "price", price(french, 80 + 10 * rnd.nextInt(8)),
                "price2", price(french, 150 + 50 * rnd.nextInt(4)),
                "phone", phone(french),
                "time", time(french),
                "city", pick(Phrasebook.CITIES));
        String room = Phrasebook.ROOM_NAMES.get(rnd.nextInt(Math.min(config.rooms(), Phrasebook.ROOM_NAMES.size())));
        return new OpenScenario(scenario, Phrasebook.script(scenario), id, attacker, victim, french,
                "c-" + (++conversationSeq), room, slots);
    }

    // ---------------------------------------------------------------- output

    private void emit(int senderIndex, List<Integer> recipients, String conversationId, String roomName,
                      String text, Scenario scenario, String scenarioId, int step) {
        Instant at = Instant.ofEpochMilli(startMs + (long) clockMs);
        User sender = users.get(senderIndex);
        announce(sender, at);
        List<String> recipientIds = new ArrayList<>(recipients.size());
        for (int r : recipients) {
            User recipient = users.get(r);
            announce(recipient, at);
            recipientIds.add(recipient.id);
        }
        List<Attachment> attachments = scenario == null && rnd.nextDouble() < 0.01
                ? List.of(new Attachment("image", hex(64), hex(64), "image/jpeg")) : List.of();
        SenderSnapshot snapshot = rnd.nextBoolean() ? sender.snapshot() : null;
        ChatMessage message = new ChatMessage("message", "m-" + (++messageSeq), conversationId, roomName,
                sender.id, recipientIds, at, text, attachments, snapshot);
        pending.add(new SimEvent.MessageEvent(message, scenario, scenarioId, step));
        messagesEmitted++;
        if (scenario != null) {
            harmfulEmitted++;
        }
    }

    private void announce(User user, Instant at) {
        if (!user.announced) {
            user.announced = true;
            pending.add(new SimEvent.ProfileEvent(user.profile(at)));
        }
    }

    private String fill(String line, boolean french, Map<String, String> slots) {
        if (line.indexOf('{') < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length() + 16);
        int i = 0;
        while (i < line.length()) {
            int open = line.indexOf('{', i);
            if (open < 0) {
                out.append(line, i, line.length());
                break;
            }
            int close = line.indexOf('}', open);
            out.append(line, i, open);
            String name = line.substring(open + 1, close);
            String value = slots == null ? null : slots.get(name);
            out.append(value != null ? value : slot(name, french));
            i = close + 1;
        }
        return out.toString();
    }

    private String slot(String name, boolean french) {
        return switch (name) {
            case "city" -> pick(Phrasebook.CITIES);
            case "emoji" -> pick(Phrasebook.EMOJI);
            case "n14" -> Integer.toString(12 + rnd.nextInt(5));
            case "n30" -> Integer.toString(19 + rnd.nextInt(27));
            case "time" -> time(french);
            case "handle" -> handle();
            case "phone" -> phone(french);
            case "price" -> price(french, 50 + 10 * rnd.nextInt(10));
            case "price2" -> price(french, 150 + 50 * rnd.nextInt(4));
            default -> throw new IllegalStateException("phrasebook uses unknown slot {" + name + "}");
        };
    }

    private String time(boolean french) {
        int hour = 17 + rnd.nextInt(7);
        int minute = rnd.nextInt(4) * 15;
        if (french) {
            return minute == 0 ? hour + "h" : hour + "h" + minute;
        }
        return (hour - 12) + (minute == 0 ? "" : ":" + minute) + "pm";
    }

    private String price(boolean french, int amount) {
        return french ? amount + "€" : "$" + amount;
    }

    /** Numbers in ranges reserved for fiction (ARCEP 06 39 98, Ofcom 07700 900). */
    private String phone(boolean french) {
        return french
                ? String.format(java.util.Locale.ROOT, "06 39 98 %02d %02d", rnd.nextInt(100), rnd.nextInt(100))
                : String.format(java.util.Locale.ROOT, "07700 900%03d", rnd.nextInt(1000));
    }

    private String handle() {
        String[] stems = {"lucas", "jul", "kev", "max", "nono", "tom", "ryan", "dark", "bgdu", "alex"};
        return "@" + stems[rnd.nextInt(stems.length)] + "_" + (10 + rnd.nextInt(90));
    }

    private String hex(int length) {
        char[] digits = "0123456789abcdef".toCharArray();
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = digits[rnd.nextInt(16)];
        }
        return new String(out);
    }

    private String pick(List<String> options) {
        return options.get(rnd.nextInt(options.size()));
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rnd.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
