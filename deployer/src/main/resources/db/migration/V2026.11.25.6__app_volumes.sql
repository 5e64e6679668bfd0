-- The volumes the deployer asked the storage-manager for, per app: pending until ready_at is set. An app's
-- deployment waits (QUEUED) until all of its volumes are ready.
CREATE TABLE app_volume (
    app          TEXT        NOT NULL,
    name         TEXT        NOT NULL,
    mode         TEXT        NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    ready_at     TIMESTAMPTZ,
    PRIMARY KEY (app, name)
);

ALTER TABLE deployment ADD COLUMN waits_for_volumes JSONB NOT NULL DEFAULT '[]';
