-- One Cloudflare tunnel per host. reconcile_due is when the host's tunnel is next brought in line: each change
-- moves it to one debounce later, but never past pending_since (the first change not yet reconciled) plus ten
-- debounces, so a burst lands in one reconcile and a stream of changes still does; reconciling_until guards a
-- reconcile under way on one replica. owned_rules: the ingress rule keys ([{hostname, path}]) Homeport wrote into the tunnel's configuration;
-- every other rule there is someone else's and is kept as it is.
CREATE TABLE host_tunnel (
    host_id           UUID PRIMARY KEY,
    host_name         TEXT NOT NULL,
    tunnel_id         TEXT,
    tunnel_name       TEXT,
    owned_rules       JSONB NOT NULL DEFAULT '[]',
    connector_at      TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL,
    reconciled_at     TIMESTAMPTZ,
    reconcile_due     TIMESTAMPTZ,
    pending_since     TIMESTAMPTZ,
    reconciling_until TIMESTAMPTZ,
    failures          INT NOT NULL DEFAULT 0,
    last_error        TEXT
);
CREATE INDEX host_tunnel_due ON host_tunnel (reconcile_due) WHERE reconcile_due IS NOT NULL;

-- What a container on a host asked for with its labels, as last reported: the hash of its exposure labels (so an
-- unchanged container is not parsed again), whether it runs, and whether its labels were rejected.
CREATE TABLE container_exposure (
    host_id     UUID NOT NULL,
    container   TEXT NOT NULL,
    app         TEXT,
    labels_hash TEXT NOT NULL,
    running     BOOLEAN NOT NULL,
    rejected    BOOLEAN NOT NULL,
    seen_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (host_id, container)
);

-- One public hostname (and path, '' for none) a container on a host asks for. ACTIVE while the container runs;
-- GRACE from its stop until remove_at. Of the routes of one hostname and path, the one served is the ACTIVE one
-- that became active last (else the GRACE one): an app that moved is served by its new host.
CREATE TABLE exposed_route (
    host_id          UUID NOT NULL,
    container        TEXT NOT NULL,
    hostname         TEXT NOT NULL,
    path             TEXT NOT NULL,
    zone_name        TEXT,
    service          TEXT NOT NULL,
    origin_request   JSONB,
    app              TEXT,
    state            TEXT NOT NULL,
    active_since     TIMESTAMPTZ NOT NULL,
    remove_at        TIMESTAMPTZ,
    previous_host_id UUID,
    exposed_at       TIMESTAMPTZ,
    conflict         TEXT,
    PRIMARY KEY (host_id, container, hostname, path)
);
CREATE INDEX exposed_route_key ON exposed_route (hostname, path);
CREATE INDEX exposed_route_grace ON exposed_route (remove_at) WHERE remove_at IS NOT NULL;
