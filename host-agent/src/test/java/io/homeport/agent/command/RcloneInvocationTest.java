package io.homeport.agent.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.homeport.agent.protocol.Commands;
import io.homeport.agent.protocol.Frame;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RcloneInvocationTest {

    private static Map<String, String> args(String operation, String... more) {
        Map<String, String> args = new java.util.HashMap<>(Map.of(Commands.OPERATION, operation,
                Commands.SOURCE, "/srv/app", Commands.DESTINATION, "gdrive:apps/app"));
        for (int i = 0; i < more.length; i += 2) {
            args.put(more[i], more[i + 1]);
        }
        return args;
    }

    @Test
    void buildsTheCommandLineWithJsonStatsEverySecond() {
        assertThat(RcloneInvocation.of("rclone", args("sync", Commands.BACKUP_DIR, "gdrive:old/2026-11-25",
                Commands.BANDWIDTH_LIMIT, "10M", Commands.CHECKSUM, "true")).argv())
                .containsExactly("rclone", "sync", "/srv/app", "gdrive:apps/app", "--use-json-log", "--stats", "1s",
                        "--stats-log-level", "NOTICE", "--backup-dir", "gdrive:old/2026-11-25", "--bwlimit", "10M",
                        "--checksum");
        assertThat(RcloneInvocation.of("/usr/bin/rclone", args("check")).argv())
                .containsExactly("/usr/bin/rclone", "check", "/srv/app", "gdrive:apps/app", "--use-json-log",
                        "--stats", "1s", "--stats-log-level", "NOTICE");
    }

    @Test
    void refusesAnythingNotListedWithTheReason() {
        assertRefused(args("delete"), "operation must be one of [check, copy, sync], not delete");
        assertRefused(args("sync", "flags", "--config=/etc/shadow"), "unknown rclone arguments [flags]");
        assertRefused(args("copy", Commands.SOURCE, "--files-from=/etc/passwd"), "source must not start with '-'");
        assertRefused(args("sync", Commands.DESTINATION, " "), "destination is required");
        assertRefused(args("check", Commands.BACKUP_DIR, "x:old"), "backupDir does not apply to rclone check");
        assertRefused(args("copy", Commands.BANDWIDTH_LIMIT, "fast"), "bandwidthLimit must read like 10M");
        assertRefused(Map.of(Commands.OPERATION, "copy", Commands.SOURCE, "a"), "destination is required");
    }

    private static void assertRefused(Map<String, String> args, String reason) {
        assertThatThrownBy(() -> RcloneInvocation.of("rclone", args)).isInstanceOf(CommandFailure.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(((CommandFailure) e).failure()).isEqualTo(Frame.Failure.INVALID));
    }
}
