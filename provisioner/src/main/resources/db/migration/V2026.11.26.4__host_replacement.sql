-- Replacing a dead host by a freshly provisioned one (POST /api/v1/hosts/{id}/replace): the old host ends REPLACED,
-- pointing at its successor.
ALTER TABLE host
    ADD COLUMN replaced_by UUID REFERENCES host (id),
    ADD COLUMN replaced_at TIMESTAMPTZ;

-- One replacement run. Its phases follow each other: provision, enroll, restore-data, start-apps, move-routes; each
-- *_at column is when the phase of that name ended. At most one runs per old host at a time.
CREATE TABLE host_replacement (
    id                  UUID        PRIMARY KEY,
    host_id             UUID        NOT NULL REFERENCES host (id),
    new_host_id         UUID        NOT NULL REFERENCES host (id),
    provisioning_run_id UUID        REFERENCES provisioning_run (id),
    state               TEXT        NOT NULL,
    phase               TEXT        NOT NULL,
    failure             TEXT,
    started_at          TIMESTAMPTZ NOT NULL,
    provisioned_at      TIMESTAMPTZ,
    enrolled_at         TIMESTAMPTZ,
    -- when the deployer began moving the apps (host.evacuation.started)
    evacuation_at       TIMESTAMPTZ,
    restored_at         TIMESTAMPTZ,
    apps_started_at     TIMESTAMPTZ,
    routes_moved_at     TIMESTAMPTZ,
    finished_at         TIMESTAMPTZ,
    version             BIGINT      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX host_replacement_one_running_per_host ON host_replacement (host_id) WHERE state = 'RUNNING';
CREATE INDEX host_replacement_by_host ON host_replacement (host_id, started_at DESC);

-- What became of each app that was placed on the old host, from the deployer's, storage-manager's and
-- tunnel-manager's events.
CREATE TABLE host_replacement_app (
    id                 BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    replacement_id     UUID        NOT NULL REFERENCES host_replacement (id),
    app                TEXT        NOT NULL,
    state              TEXT        NOT NULL,
    problem            TEXT,
    volumes_requested  INTEGER     NOT NULL DEFAULT 0,
    volumes_ready      INTEGER     NOT NULL DEFAULT 0,
    data_restored_from TIMESTAMPTZ,
    data_ready_at      TIMESTAMPTZ,
    started_at         TIMESTAMPTZ,
    -- the hostnames (with path) the app had on the old host's tunnel when it began to move, and those now on the
    -- new host's
    routes_expected    JSONB       NOT NULL DEFAULT '[]',
    routes_moved       JSONB       NOT NULL DEFAULT '[]',
    serving_since      TIMESTAMPTZ,
    UNIQUE (replacement_id, app)
);

-- Where each exposed hostname (and path) is served: which host's tunnel, for which app (route.exposed/.removed).
CREATE TABLE exposed_route (
    route   TEXT        PRIMARY KEY,
    app     TEXT,
    host_id UUID        NOT NULL,
    at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX exposed_route_by_host ON exposed_route (host_id, app);
