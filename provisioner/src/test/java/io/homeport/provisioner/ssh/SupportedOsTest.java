package io.homeport.provisioner.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link SupportedOs#decide} on the os-release files of real releases, read as {@link Preflight} reads them. */
class SupportedOsTest {

    static Stream<Arguments> osReleases() {
        return Stream.of(
                Arguments.of("Ubuntu 22.04", """
                        PRETTY_NAME="Ubuntu 22.04.4 LTS"
                        NAME="Ubuntu"
                        VERSION_ID="22.04"
                        VERSION="22.04.4 LTS (Jammy Jellyfish)"
                        VERSION_CODENAME=jammy
                        ID=ubuntu
                        ID_LIKE=debian
                        """, true, "Ubuntu 22.04 is supported"),
                Arguments.of("Ubuntu 24.04", """
                        PRETTY_NAME="Ubuntu 24.04.1 LTS"
                        NAME="Ubuntu"
                        VERSION_ID="24.04"
                        VERSION="24.04.1 LTS (Noble Numbat)"
                        ID=ubuntu
                        ID_LIKE=debian
                        """, true, "Ubuntu 24.04 is supported"),
                Arguments.of("Debian 12", """
                        PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
                        NAME="Debian GNU/Linux"
                        VERSION_ID="12"
                        VERSION="12 (bookworm)"
                        VERSION_CODENAME=bookworm
                        ID=debian
                        """, true, "Debian 12 is supported"),
                Arguments.of("Debian 12, single quotes and comments", """
                        # written by hand
                        ID='debian'
                        VERSION_ID='12'
                        """, true, "Debian 12 is supported"),
                Arguments.of("Ubuntu 20.04", """
                        NAME="Ubuntu"
                        VERSION="20.04.6 LTS (Focal Fossa)"
                        ID=ubuntu
                        ID_LIKE=debian
                        PRETTY_NAME="Ubuntu 20.04.6 LTS"
                        VERSION_ID="20.04"
                        """, false,
                        "Ubuntu 20.04 is not supported (supported: Ubuntu 22.04, Ubuntu 24.04, Debian 12)"),
                Arguments.of("Ubuntu 22.10 (not an LTS)", """
                        NAME="Ubuntu"
                        ID=ubuntu
                        VERSION_ID="22.10"
                        """, false, "Ubuntu 22.10 is not supported"),
                Arguments.of("Debian 11", """
                        PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"
                        NAME="Debian GNU/Linux"
                        VERSION_ID="11"
                        ID=debian
                        """, false, "Debian 11 is not supported"),
                Arguments.of("Debian testing (no VERSION_ID)", """
                        PRETTY_NAME="Debian GNU/Linux trixie/sid"
                        NAME="Debian GNU/Linux"
                        VERSION_CODENAME=trixie
                        ID=debian
                        """, false, "Debian (no VERSION_ID) is not supported"),
                Arguments.of("Linux Mint 21.3 (an Ubuntu derivative)", """
                        NAME="Linux Mint"
                        VERSION="21.3 (Virginia)"
                        ID=linuxmint
                        ID_LIKE="ubuntu debian"
                        PRETTY_NAME="Linux Mint 21.3"
                        VERSION_ID="21.3"
                        UBUNTU_CODENAME=jammy
                        """, false, "Linux Mint 21.3 is not supported"),
                Arguments.of("Alpine 3.20", """
                        NAME="Alpine Linux"
                        ID=alpine
                        VERSION_ID=3.20.3
                        PRETTY_NAME="Alpine Linux v3.20"
                        """, false, "Alpine Linux 3.20.3 is not supported (supported: Ubuntu 22.04"),
                Arguments.of("Rocky Linux 9", """
                        NAME="Rocky Linux"
                        VERSION="9.4 (Blue Onyx)"
                        ID="rocky"
                        ID_LIKE="rhel centos fedora"
                        VERSION_ID="9.4"
                        """, false, "Rocky Linux 9.4 is not supported"),
                Arguments.of("an ID with the version of a supported one", """
                        ID=raspbian
                        NAME="Raspbian GNU/Linux"
                        VERSION_ID="12"
                        """, false, "Raspbian GNU/Linux 12 is not supported"),
                Arguments.of("an empty os-release", "", false,
                        "the operating system cannot be identified: /etc/os-release has no ID"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("osReleases")
    void decidesFromOsRelease(String release, String osRelease, boolean supported, String reason) {
        SupportedOs.Decision decision = SupportedOs.decide(OsRelease.parse(osRelease));

        assertThat(decision.supported()).isEqualTo(supported);
        assertThat(decision.reason()).startsWith(reason);
    }
}
