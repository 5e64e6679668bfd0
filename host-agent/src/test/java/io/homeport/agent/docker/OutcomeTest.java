package io.homeport.agent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.homeport.agent.reconcile.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    @Test
    void aSummaryNamesEachFailureAndWhyAContainerIsHeldBack() {
        List<Outcome> outcomes = List.of(Outcome.done(new Action.Start("hp-web-0")),
                Outcome.failed(new Action.Create("hp-db-0", null), "no such image"),
                Outcome.held(new Action.Hold("hp-notes-0",
                        "lease of notes/data is stale (fence holds epoch 2, this host 1): not started")));

        assertThat(Outcome.summary(outcomes)).isEqualTo("3 step(s), 2 failed; hp-db-0 create: no such image; "
                + "hp-notes-0: lease of notes/data is stale (fence holds epoch 2, this host 1): not started");
        assertThat(Outcome.summary(List.of())).isEqualTo("in sync");
    }
}
