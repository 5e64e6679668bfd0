package io.homeport.tunnel.reconcile;

import java.util.UUID;

/** The deployer is still deploying a host's connector: the tunnel's reconcile is tried again later. */
final class ConnectorBusyException extends RuntimeException {

    ConnectorBusyException(UUID host) {
        super("the deployer is still deploying the connector of host " + host + "; tried again later");
    }
}
