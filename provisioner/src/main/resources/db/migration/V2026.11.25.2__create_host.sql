CREATE TABLE host (
    id            UUID        PRIMARY KEY,
    name          TEXT        NOT NULL UNIQUE,
    address       TEXT        NOT NULL,
    port          INTEGER     NOT NULL CHECK (port BETWEEN 1 AND 65535),
    ssh_user      TEXT        NOT NULL,
    labels        JSONB       NOT NULL DEFAULT '{}',
    state         TEXT        NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL,
    version       BIGINT      NOT NULL DEFAULT 0
);
