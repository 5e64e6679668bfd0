package io.homeport.gateway.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.homeport.platform.problem.ProblemException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventFilterTest {

    @Test
    void aTypeFilterIsExactOrAPrefixEndingInADot() {
        EventFilter filter = EventFilter.of(List.of("io.homeport.host.", "io.homeport.alert.raised.v1"), List.of(),
                "type", "subject");

        assertThat(filter.matches("io.homeport.host.lost.v1", "host/1")).isTrue();
        assertThat(filter.matches("io.homeport.alert.raised.v1", "host/1")).isTrue();
        assertThat(filter.matches("io.homeport.alert.raised.v2", "host/1")).isFalse();
        assertThat(filter.matches("io.homeport.hosting.v1", "host/1")).isFalse();
        assertThat(filter.matches("io.homeport.deployment.started.v1", "host/1")).isFalse();
        assertThat(filter.types()).containsExactly("io.homeport.alert.raised.v1", "io.homeport.host.");
    }

    @Test
    void subjectsAreExactAndNoFilterMatchesEverything() {
        EventFilter bySubject = EventFilter.of(null, List.of("host/1"), "type", "subject");

        assertThat(bySubject.matches("io.homeport.host.lost.v1", "host/1")).isTrue();
        assertThat(bySubject.matches("io.homeport.host.lost.v1", "host/10")).isFalse();
        assertThat(bySubject.matches("io.homeport.host.lost.v1", null)).isFalse();
        assertThat(EventFilter.ANY.matches("anything", null)).isTrue();
    }

    @Test
    void aMalformedFilterIsRefusedNamingItsField() {
        assertThatThrownBy(() -> EventFilter.of(List.of("io.homeport.host.%"), List.of(), "types", "subjects"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().errors()).singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("types")));
        assertThatThrownBy(() -> EventFilter.of(List.of(""), List.of(), "type", "subject"))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> EventFilter.of(List.of(), Arrays.asList(" "), "type", "subject"))
                .isInstanceOf(ProblemException.class).hasMessageStartingWith("subject ");
        assertThatThrownBy(() -> EventFilter.of(List.of(), List.of("x".repeat(256)), "type", "subject"))
                .isInstanceOf(ProblemException.class);
    }
}
