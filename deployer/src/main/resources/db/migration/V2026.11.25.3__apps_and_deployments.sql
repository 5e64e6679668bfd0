-- What the agents say about each host: connected or not, and its capacity.
ALTER TABLE placement_host ADD COLUMN online    BOOLEAN          NOT NULL DEFAULT false;
ALTER TABLE placement_host ADD COLUMN cpus      DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE placement_host ADD COLUMN memory_mb BIGINT           NOT NULL DEFAULT 0;

-- An application and the revisions of its spec; target = the revision its hosts are told to run.
CREATE TABLE app (
    name            TEXT        PRIMARY KEY,
    target_revision BIGINT      NOT NULL,
    good_revision   BIGINT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE app_revision (
    app        TEXT        NOT NULL REFERENCES app (name) ON DELETE CASCADE,
    revision   BIGINT      NOT NULL,
    spec       JSONB       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (app, revision)
);

-- Where each replica of an app's target revision runs.
CREATE TABLE replica (
    app     TEXT    NOT NULL REFERENCES app (name) ON DELETE CASCADE,
    replica INT     NOT NULL,
    host_id UUID    NOT NULL,
    PRIMARY KEY (app, replica)
);

-- A rollout of one revision and how it ended.
CREATE TABLE deployment (
    id                UUID        PRIMARY KEY,
    app               TEXT        NOT NULL REFERENCES app (name) ON DELETE CASCADE,
    revision          BIGINT      NOT NULL,
    previous_revision BIGINT,
    state             TEXT        NOT NULL,
    reason            TEXT,
    started_at        TIMESTAMPTZ NOT NULL,
    deadline          TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ
);
CREATE INDEX deployment_in_progress ON deployment (app) WHERE state = 'IN_PROGRESS';

-- The revision of the desired state last published for each host (the compacted topic keeps the latest).
CREATE TABLE host_desired (
    host_id  UUID   PRIMARY KEY,
    revision BIGINT NOT NULL
);

-- What the agents report about managed containers, one row per container name on a host.
CREATE TABLE container_state (
    host_id       UUID        NOT NULL,
    name          TEXT        NOT NULL,
    app           TEXT        NOT NULL,
    revision      BIGINT,
    state         TEXT        NOT NULL,
    health        TEXT,
    running_since TIMESTAMPTZ,
    reported_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (host_id, name)
);
CREATE INDEX container_state_app ON container_state (app);
