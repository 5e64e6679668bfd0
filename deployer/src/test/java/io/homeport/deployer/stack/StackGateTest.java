package io.homeport.deployer.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StackGateTest {

    /** api and worker wait for db and cache; web waits for api; docs waits for nothing left in the queue. */
    private static Map<String, List<String>> queue() {
        Map<String, List<String>> queued = new LinkedHashMap<>();
        queued.put("api", List.of("db", "cache"));
        queued.put("worker", List.of("db"));
        queued.put("web", List.of("api"));
        queued.put("docs", List.of("cache"));
        return queued;
    }

    @Test
    void anAppStartsOnlyOnceEveryAppItWaitsForHasSucceeded() {
        assertThat(StackGate.ready(queue(), Set.of())).isEmpty();
        assertThat(StackGate.ready(queue(), Set.of("db"))).containsExactly("worker");
        assertThat(StackGate.ready(queue(), Set.of("db", "cache"))).containsExactly("api", "worker", "docs");
    }

    @Test
    void aFailureBlocksEverythingQueuedBehindItNamingWhatItWaitedFor() {
        assertThat(StackGate.blocked("db", queue())).containsExactly(Map.entry("api", "db"),
                Map.entry("worker", "db"), Map.entry("web", "api"));
        assertThat(StackGate.blocked("web", queue())).isEmpty();
    }
}
