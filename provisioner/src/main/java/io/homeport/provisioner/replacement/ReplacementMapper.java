package io.homeport.provisioner.replacement;

import io.homeport.api.hosts.ReplacementView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

final class ReplacementMapper {

    private ReplacementMapper() {
    }

    static ReplacementView toView(Replacement replacement, List<ReplacementApp> apps) {
        List<ReplacementView.Phase> phases = new ArrayList<>();
        for (ReplacementPhase phase : ReplacementPhase.values()) {
            Instant start = replacement.startOf(phase);
            Instant end = replacement.endOf(phase);
            String state = end != null ? "done"
                    : phase != replacement.phase ? "pending"
                    : replacement.state == ReplacementState.FAILED ? "failed" : "running";
            Instant until = end != null ? end : "failed".equals(state) ? replacement.finishedAt : null;
            phases.add(new ReplacementView.Phase(phase.label(), state, start, end,
                    start != null && until != null ? Duration.between(start, until).toMillis() / 1000.0 : null));
        }
        return new ReplacementView(replacement.id, replacement.hostId, replacement.newHostId,
                replacement.provisioningRunId, replacement.state.name(), replacement.phase.label(),
                replacement.failure, replacement.startedAt, replacement.finishedAt, phases,
                apps.stream().map(ReplacementMapper::toView).toList());
    }

    private static ReplacementView.AppReport toView(ReplacementApp app) {
        return new ReplacementView.AppReport(app.app, app.state, app.problem, app.dataRestoredFrom, app.dataReadyAt,
                app.startedAt, List.copyOf(app.routesMoved), app.servingSince);
    }
}
