-- Whether each alert rule is firing for each thing it watches, so that an alert is raised once while its condition
-- lasts, whichever gateway replica sees it and however often Kafka redelivers. Rows are locked while a rule decides.
CREATE TABLE alert_state (
    rule        TEXT        NOT NULL,
    state_key   TEXT        NOT NULL,  -- the alert's subject; for disk usage the subject and the mount point
    firing      BOOLEAN     NOT NULL,
    raised_at   TIMESTAMPTZ,           -- when it was last raised (crash loops are raised at most once per window)
    changed_at  TIMESTAMPTZ NOT NULL,  -- the time of the observation that last changed it; older ones are ignored
    cause       TEXT,                  -- the id of the event it was last raised on
    PRIMARY KEY (rule, state_key)
);

-- The restart counts agents report per container, for the crash-loop rule: the last count and when it was seen,
-- and the restarts within the rule's window (ISO-8601 instants, space separated). Rows exist only for containers
-- that restarted while the gateway watched.
CREATE TABLE container_restarts (
    host_id     UUID        NOT NULL,
    container   TEXT        NOT NULL,
    last_count  INTEGER     NOT NULL,
    seen_at     TIMESTAMPTZ NOT NULL,
    restarts    TEXT        NOT NULL DEFAULT '',
    PRIMARY KEY (host_id, container)
);
