package io.homeport.agent.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.homeport.agent.protocol.Frame;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RcloneOutputTest {

    private static final UUID ID = UUID.randomUUID();

    @Test
    void aStatsLineBecomesProgress() {
        // as rclone 1.60 prints it with --use-json-log --stats 1s --stats-log-level NOTICE (msg shortened)
        String line = "{\"level\":\"warning\",\"msg\":\"\\nTransferred: 5.027 MiB / 28.610 MiB, 18%\\n\","
                + "\"source\":\"accounting/stats.go:482\",\"stats\":{\"bytes\":5271555,\"checks\":0,\"errors\":0,"
                + "\"totalBytes\":30000003,\"totalChecks\":0,\"totalTransfers\":2,\"transfers\":1},"
                + "\"time\":\"2026-11-25T20:26:00.639505+00:00\"}";

        RcloneOutput.Line read = RcloneOutput.read(ID, line);

        assertThat(read.message()).isNull();
        assertThat(read.progress()).isEqualTo(new Frame.Progress(ID, 17, 5271555L, 30000003L, "1 of 2 files"));
    }

    @Test
    void checkProgressCountsChecksAndErrors() {
        String line = "{\"level\":\"warning\",\"msg\":\"x\",\"stats\":{\"bytes\":0,\"checks\":3,\"errors\":1,"
                + "\"totalBytes\":0,\"totalChecks\":4,\"totalTransfers\":0,\"transfers\":0}}";

        assertThat(RcloneOutput.read(ID, line).progress())
                .isEqualTo(new Frame.Progress(ID, 75, 0L, null, "3 of 4 checked, 1 errors"));
    }

    @Test
    void otherLinesAreMessagesForTheResult() {
        assertThat(RcloneOutput.read(ID, "{\"level\":\"error\",\"msg\":\"sizes differ\\n\",\"object\":\"b.txt\"}")
                .message()).isEqualTo("error: b.txt: sizes differ");
        assertThat(RcloneOutput.read(ID, "2026/11/25 20:26:03 Failed to check: 1 differences found").message())
                .isEqualTo("2026/11/25 20:26:03 Failed to check: 1 differences found");
        assertThat(RcloneOutput.read(ID, "[1,2]").message()).isEqualTo("[1,2]");
    }

    @Test
    void theOutputTailKeepsTheLastLinesAndSaysWhatWasCut() {
        OutputTail tail = new OutputTail(20);
        for (int i = 1; i <= 10; i++) {
            tail.line("line " + i);
        }
        assertThat(tail.toString()).endsWith("line 9\nline 10\n").startsWith("[").contains("earlier characters cut");
        assertThat(tail.toString().lines().skip(1).mapToInt(String::length).sum()).isLessThanOrEqualTo(20);
    }
}
