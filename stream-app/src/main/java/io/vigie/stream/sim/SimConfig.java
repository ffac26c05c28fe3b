package io.vigie.stream.sim;

import java.time.Instant;
import java.util.Objects;

/**
 * Shape of the simulated traffic. Immutable; copy with the {@code withX} methods.
 *
 * @param users            size of the regular user population (scenario actors come on top), at least 2
 * @param rooms            number of public rooms, at least 1
 * @param harmfulRate      expected fraction of chat messages that belong to a harmful scenario, in [0, 1]
 * @param start            event time of the first record, never null
 * @param meanGapMs        mean event-time gap between two messages in ms (exponential), at least 0.001
 * @param frenchShare      fraction of conversations held in French, the rest in English, in [0, 1]
 * @param zipfExponent     skew of user activity (1.0 = classic Zipf), at least 0
 * @param noise            how much SMS spelling, typos and emoji are sprinkled in, in [0, 1]
 * @param privateShare     fraction of benign messages sent in private conversations, in [0, 1]
 * @param maxOpenScenarios how many harmful scenarios may run interleaved at once, at least 1
 */
public record SimConfig(int users, int rooms, double harmfulRate, Instant start, double meanGapMs,
                        double frenchShare, double zipfExponent, double noise, double privateShare,
                        int maxOpenScenarios) {

    /** Event time of the first record with {@link #defaults()}: the evening of the contract's examples. */
    public static final Instant DEFAULT_START = Instant.parse("2026-11-28T20:00:00Z");

    public SimConfig {
        Objects.requireNonNull(start, "start must not be null");
        require(users >= 2, "users must be at least 2, got " + users);
        require(rooms >= 1, "rooms must be at least 1, got " + rooms);
        require(harmfulRate >= 0 && harmfulRate <= 1, "harmfulRate must be in [0, 1], got " + harmfulRate);
        require(meanGapMs >= 0.001, "meanGapMs must be at least 0.001, got " + meanGapMs);
        require(frenchShare >= 0 && frenchShare <= 1, "frenchShare must be in [0, 1], got " + frenchShare);
        require(zipfExponent >= 0, "zipfExponent must be at least 0, got " + zipfExponent);
        require(noise >= 0 && noise <= 1, "noise must be in [0, 1], got " + noise);
        require(privateShare >= 0 && privateShare <= 1, "privateShare must be in [0, 1], got " + privateShare);
        require(maxOpenScenarios >= 1, "maxOpenScenarios must be at least 1, got " + maxOpenScenarios);
    }

    /**
     * 5,000 users, 12 rooms, 1 % harmful messages, a message every 20 ms of event time (50 msgs/s, a busy
     * evening), 70 % French, Zipf 1.07, moderate noise, 60 % private messages, 6 scenarios interleaved.
     */
    public static SimConfig defaults() {
        return new SimConfig(5_000, 12, 0.01, DEFAULT_START, 20.0, 0.7, 1.07, 0.35, 0.6, 6);
    }

    public SimConfig withUsers(int value) {
        return new SimConfig(value, rooms, harmfulRate, start, meanGapMs, frenchShare, zipfExponent, noise,
                privateShare, maxOpenScenarios);
    }

    public SimConfig withHarmfulRate(double value) {
        return new SimConfig(users, rooms, value, start, meanGapMs, frenchShare, zipfExponent, noise,
                privateShare, maxOpenScenarios);
    }

    public SimConfig withStart(Instant value) {
        return new SimConfig(users, rooms, harmfulRate, value, meanGapMs, frenchShare, zipfExponent, noise,
                privateShare, maxOpenScenarios);
    }

    public SimConfig withMeanGapMs(double value) {
        return new SimConfig(users, rooms, harmfulRate, start, value, frenchShare, zipfExponent, noise,
                privateShare, maxOpenScenarios);
    }

    public SimConfig withFrenchShare(double value) {
        return new SimConfig(users, rooms, harmfulRate, start, meanGapMs, value, zipfExponent, noise,
                privateShare, maxOpenScenarios);
    }

    public SimConfig withNoise(double value) {
        return new SimConfig(users, rooms, harmfulRate, start, meanGapMs, frenchShare, zipfExponent, value,
                privateShare, maxOpenScenarios);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
