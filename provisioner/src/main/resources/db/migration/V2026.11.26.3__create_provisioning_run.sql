-- A provisioning run: the playbook applied to one host. At most one runs per host at a time (the partial unique
-- index); its steps are the run's log, one row per finished task, numbered from 1.
CREATE TABLE provisioning_run (
    id               UUID        PRIMARY KEY,
    host_id          UUID        NOT NULL REFERENCES host (id),
    state            TEXT        NOT NULL,
    os               TEXT,
    started_at       TIMESTAMPTZ NOT NULL,
    ended_at         TIMESTAMPTZ,
    total_steps      INTEGER     NOT NULL DEFAULT 0,
    done_steps       INTEGER     NOT NULL DEFAULT 0,
    ok               INTEGER     NOT NULL DEFAULT 0,
    changed          INTEGER     NOT NULL DEFAULT 0,
    failed_task      TEXT,
    message          TEXT,
    cancel_requested BOOLEAN     NOT NULL DEFAULT FALSE,
    -- refreshed every second by the replica running the playbook: a RUNNING run it stopped refreshing was
    -- orphaned by a provisioner that died, and is failed so that the host can be provisioned again
    alive_at         TIMESTAMPTZ NOT NULL,
    version          BIGINT      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX provisioning_run_one_running_per_host ON provisioning_run (host_id) WHERE state = 'RUNNING';
CREATE INDEX provisioning_run_by_host ON provisioning_run (host_id, started_at DESC);

CREATE TABLE provisioning_step (
    id      BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id  UUID        NOT NULL REFERENCES provisioning_run (id),
    n       INTEGER     NOT NULL,
    total   INTEGER     NOT NULL,
    task    TEXT        NOT NULL,
    status  TEXT        NOT NULL,
    message TEXT,
    at      TIMESTAMPTZ NOT NULL,
    UNIQUE (run_id, n)
);
