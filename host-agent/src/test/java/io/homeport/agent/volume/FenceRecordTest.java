package io.homeport.agent.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.homeport.agent.protocol.VolumeState.Lease;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FenceRecordTest {

    @Test
    void aWrittenFenceReadsBackTheSame() {
        FenceRecord record = new FenceRecord(7, "4f1c6a4e-0000-4000-8000-000000000001",
                Instant.parse("2026-11-26T04:00:00Z"));

        assertThat(record.text()).isEqualTo("7\n4f1c6a4e-0000-4000-8000-000000000001\n2026-11-26T04:00:00Z\n");
        assertThat(FenceRecord.parse(record.text())).isEqualTo(record);
    }

    @Test
    void anEmptyFenceIsEpochZeroAndOnlyTheEpochIsRequired() {
        assertThat(FenceRecord.parse("")).isEqualTo(FenceRecord.NONE);
        assertThat(FenceRecord.parse("\n")).isEqualTo(FenceRecord.NONE);
        assertThat(FenceRecord.parse(" 3 \r\n")).isEqualTo(new FenceRecord(3, null, null));
        assertThat(FenceRecord.parse("3\nhost\nyesterday\n")).isEqualTo(new FenceRecord(3, "host", null));
    }

    @Test
    void aFenceThatDoesNotStartWithAnEpochIsRefused() {
        assertThatThrownBy(() -> FenceRecord.parse("<html>quota exceeded</html>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not start with an epoch");
        assertThatThrownBy(() -> FenceRecord.parse("-1\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLeaseHoldsUntilTheFenceMovesPastThisHostsEpoch() {
        assertThat(FenceRecord.NONE.leaseFor(1)).isEqualTo(Lease.HELD);
        assertThat(new FenceRecord(1, null, null).leaseFor(1)).isEqualTo(Lease.HELD);
        assertThat(new FenceRecord(2, null, null).leaseFor(1)).isEqualTo(Lease.STALE);
    }
}
