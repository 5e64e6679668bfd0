-- The deployer's view of the hosts it may place applications on, fed by host events.
CREATE TABLE placement_host (
    host_id       UUID        PRIMARY KEY,
    name          TEXT        NOT NULL,
    labels        JSONB       NOT NULL DEFAULT '{}',
    registered_at TIMESTAMPTZ NOT NULL,
    known_since   TIMESTAMPTZ NOT NULL DEFAULT now()
);
