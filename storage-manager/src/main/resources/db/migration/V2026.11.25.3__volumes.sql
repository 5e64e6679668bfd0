-- App volumes the deployer asked for. Today a volume is a directory (on the shared mount, or local and synced) that
-- the agent makes when it starts the container, so a request is ready at once; leases with fencing, syncing and
-- backups come with issue 6 and may keep ready_at empty until they are in place.
CREATE TABLE volume (
    app          TEXT        NOT NULL,
    name         TEXT        NOT NULL,
    mode         TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    ready_at     TIMESTAMPTZ,
    PRIMARY KEY (app, name)
);
