package io.homeport.tunnel.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OwnerMarkerTest {

    private final OwnerMarker marker = new OwnerMarker("hp-prod");

    @Test
    void theCommentNamesTheInstallation() {
        assertThat(marker.comment()).isEqualTo("homeport:managed owner=hp-prod");
        assertThat(marker.marks(marker.comment())).isTrue();
    }

    @Test
    void aCommentAnnotatedByAPersonStaysOurs() {
        assertThat(marker.marks("do not touch homeport:managed   owner=hp-prod (app web)")).isTrue();
    }

    @Test
    void anotherOwnerOrAnUnmarkedCommentIsNotOurs() {
        assertThat(marker.marks("homeport:managed owner=hp-staging")).isFalse();
        assertThat(marker.marks("homeport:managed owner=hp-prod-2")).isFalse();
        assertThat(marker.marks("owner=hp-prod")).isFalse();
        assertThat(marker.marks("homeport:managed")).isFalse();
        assertThat(marker.marks(null)).isFalse();
        assertThat(OwnerMarker.isHomeports("homeport:managed owner=hp-staging")).isTrue();
        assertThat(OwnerMarker.isHomeports("managed by hand")).isFalse();
    }

    @Test
    void anOwnerThatWouldBreakTheCommentIsRefused() {
        assertThatThrownBy(() -> new OwnerMarker("two words")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OwnerMarker("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OwnerMarker("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }
}
