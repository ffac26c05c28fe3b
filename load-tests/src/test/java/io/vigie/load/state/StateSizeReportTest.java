package io.vigie.load.state;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class StateSizeReportTest {

    @Test
    void shouldMeasureEveryStoreAndFindStateBounded() {
        // when a few thousand simulated messages go through the topology's core calls
        Map<String, StateSizeReport.StoreSize> sizes = new StateSizeReport().run(7, 500, 5_000, null);

        // then every store has entries whose size was measured with the stores' serdes
        for (String store : new String[] {"conversations", "users", "senders", "devices"}) {
            StateSizeReport.StoreSize s = sizes.get(store);
            assertTrue(s.entries() > 0 && s.meanValueBytes() > 20, store + ": " + s);
        }
        // and no single state grows without bound (evidence, participants and contacts are capped)
        for (StateSizeReport.StoreSize s : sizes.values()) {
            assertTrue(s.maxValueBytes() < 64 * 1024, s.toString());
        }
    }
}
