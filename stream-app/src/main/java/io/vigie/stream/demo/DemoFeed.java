package io.vigie.stream.demo;

import io.vigie.stream.sim.ChatSimulator;
import io.vigie.stream.sim.SimConfig;
import io.vigie.stream.sim.SimEvent;
import io.vigie.stream.sim.SimJson;

import java.time.Instant;

/**
 * The demo's chat: the seeded simulator (mostly benign FR/EN chat with scripted harmful conversations) with its
 * event time starting now and advancing at the feed rate, so windows and decay behave as they would live. The
 * harmful share is raised above the load tests' 1 % so that a viewer sees alerts within the first minute.
 * Not thread-safe; one feed thread uses it.
 */
final class DemoFeed {

    /** Share of messages that belong to a harmful scenario in the demo. */
    static final double HARMFUL_RATE = 0.08;

    /** One record to send: a profile (to the profiles topic) or a message, with its key and contract JSON. */
    record Item(boolean profile, String key, byte[] value) {
    }

    private final ChatSimulator simulator;

    private DemoFeed(ChatSimulator simulator) {
        this.simulator = simulator;
    }

    /**
     * @param seed the simulator's seed: the same seed gives the same conversations
     * @param rate messages per second, more than 0
     */
    static DemoFeed open(long seed, double rate) {
        SimConfig config = SimConfig.defaults()
                .withUsers(800)
                .withHarmfulRate(HARMFUL_RATE)
                .withStart(Instant.now())
                .withMeanGapMs(1000.0 / rate);
        return new DemoFeed(new ChatSimulator(seed, config));
    }

    Item next() {
        SimEvent event = simulator.next();
        return new Item(event instanceof SimEvent.ProfileEvent, event.key(), SimJson.toBytes(event));
    }
}
