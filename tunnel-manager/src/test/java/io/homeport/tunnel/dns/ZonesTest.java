package io.homeport.tunnel.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ZonesTest {

    private static final List<String> ZONES = List.of("example.com", "sub.example.com", "example.org");

    @Test
    void theLongestMatchingZoneWins() {
        assertThat(Zones.zoneFor("a.sub.example.com", ZONES)).contains("sub.example.com");
        assertThat(Zones.zoneFor("sub.example.com", ZONES)).contains("sub.example.com");
        assertThat(Zones.zoneFor("a.example.com", ZONES)).contains("example.com");
        assertThat(Zones.zoneFor("example.org", ZONES)).contains("example.org");
    }

    @Test
    void onlyWholeLabelsMatch() {
        assertThat(Zones.zoneFor("badexample.com", ZONES)).isEmpty();
        assertThat(Zones.zoneFor("example.com.evil.net", ZONES)).isEmpty();
        assertThat(Zones.zoneFor("com", ZONES)).isEmpty();
    }

    @Test
    void caseTrailingDotsAndWildcardsDoNotMatter() {
        assertThat(Zones.zoneFor("App.Example.COM.", List.of("EXAMPLE.com"))).contains("example.com");
        assertThat(Zones.zoneFor("*.plex.example.com", ZONES)).contains("example.com");
    }

    @Test
    void noZonesNoMatch() {
        assertThat(Zones.zoneFor("a.example.com", List.of())).isEmpty();
    }
}
