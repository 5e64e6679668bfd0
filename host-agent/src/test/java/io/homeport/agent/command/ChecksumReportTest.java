package io.homeport.agent.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChecksumReportTest {

    @Test
    void anAllMatchingReportIsIntact() {
        ChecksumReport report = ChecksumReport.read("= a.bin\n= notes/b.txt\n");

        assertThat(report.intact()).isTrue();
        assertThat(report.matching()).isEqualTo(2);
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void everyFileThatIsNotAsBackedUpIsNamedByWhatIsWrong() {
        ChecksumReport report = ChecksumReport.read("""
                = a.bin
                * z.txt
                * notes/b.txt
                + gone.txt
                - added later.txt
                ! unreadable.db
                """);

        assertThat(report.intact()).isFalse();
        assertThat(report.matching()).isEqualTo(1);
        assertThat(report.damaged()).isEqualTo(Map.of("changed", List.of("notes/b.txt", "z.txt"),
                "missing", List.of("gone.txt"), "not in the checksums", List.of("added later.txt"),
                "unreadable", List.of("unreadable.db")));
        assertThat(report.problems()).isEqualTo("changed: notes/b.txt, z.txt; missing: gone.txt; "
                + "not in the checksums: added later.txt; unreadable: unreadable.db");
    }

    @Test
    void linesThatAreNotReportLinesAreIgnored() {
        assertThat(ChecksumReport.read("\n=\nnotice: something\n= a.bin\n").matching()).isEqualTo(1);
    }
}
