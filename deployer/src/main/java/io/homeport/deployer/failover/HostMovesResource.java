package io.homeport.deployer.failover;

import io.homeport.api.hosts.HostMoveView;
import io.homeport.api.hosts.HostMovesApi;
import java.util.List;
import java.util.UUID;

/** The apps that moved off or onto a host. */
public class HostMovesResource implements HostMovesApi {

    private final AppMoves moves;

    HostMovesResource(AppMoves moves) {
        this.moves = moves;
    }

    @Override
    public List<HostMoveView> moves(UUID id) {
        return moves.ofHost(id);
    }
}
