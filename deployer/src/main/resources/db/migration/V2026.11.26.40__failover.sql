-- A host is drained once evacuated (nothing new is placed there until it is un-drained) and lost while the
-- provisioner says so (host.lost until host.online).
ALTER TABLE placement_host ADD COLUMN drained_at TIMESTAMPTZ;
ALTER TABLE placement_host ADD COLUMN lost_at    TIMESTAMPTZ;

-- Each time an app was moved off a host (failover or evacuation): the deployment that moves it, where from and to,
-- why, and when its replicas arrived (null while the deployment waits for the new host's volume leases).
CREATE TABLE app_move (
    deployment_id UUID        PRIMARY KEY,
    app           TEXT        NOT NULL REFERENCES app (name) ON DELETE CASCADE,
    from_host_id  UUID        NOT NULL,
    to_host_id    UUID        NOT NULL,
    reason        TEXT        NOT NULL,
    started_at    TIMESTAMPTZ NOT NULL,
    moved_at      TIMESTAMPTZ
);
CREATE INDEX app_move_app ON app_move (app, started_at DESC);
CREATE INDEX app_move_from_pending ON app_move (from_host_id) WHERE moved_at IS NULL;
