package io.homeport.agent.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HostFactsReaderTest {

    @Test
    void readsOsReleaseWithAndWithoutQuotes() {
        Map<String, String> os = HostFactsReader.parseOsRelease("""
                PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
                NAME="Debian GNU/Linux"
                VERSION_ID="12"
                # a comment
                ID=debian
                HOME_URL='https://www.debian.org/'
                """);

        assertThat(os).containsEntry("ID", "debian").containsEntry("VERSION_ID", "12")
                .containsEntry("PRETTY_NAME", "Debian GNU/Linux 12 (bookworm)")
                .containsEntry("HOME_URL", "https://www.debian.org/");
    }

    @Test
    void readsUbuntuVersions() {
        assertThat(HostFactsReader.parseOsRelease("ID=ubuntu\nVERSION_ID=\"24.04\"\n"))
                .containsEntry("ID", "ubuntu").containsEntry("VERSION_ID", "24.04");
    }

    @Test
    void turnsMemTotalIntoBytes() {
        assertThat(HostFactsReader.parseMemTotalBytes("""
                MemTotal:       24683160 kB
                MemFree:        20405500 kB
                """)).isEqualTo(24683160L * 1024);
        assertThat(HostFactsReader.parseMemTotalBytes("nothing here")).isZero();
    }
}
