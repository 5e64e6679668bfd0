package io.homeport.agent.volume;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MountTableTest {

    @Test
    void readsTheMountPointOfEachLineWithItsEscapesUndone() {
        String mountinfo = """
                22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
                98 22 0:52 / /mnt/homeport rw,nosuid,nodev,relatime shared:50 - fuse.rclone cloud: rw,user_id=0
                99 22 0:53 / /mnt/with\\040space rw shared:51 - tmpfs tmpfs rw
                """;

        assertThat(MountTable.mountPoints(mountinfo)).containsExactlyInAnyOrder("/", "/mnt/homeport",
                "/mnt/with space");
    }
}
