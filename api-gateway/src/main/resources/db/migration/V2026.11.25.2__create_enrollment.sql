-- Enrollment keys let an agent obtain its credential; only their SHA-256 is stored, the key is shown once.
CREATE TABLE enrollment_key (
    id          UUID        PRIMARY KEY,
    key_hash    TEXT        NOT NULL UNIQUE,
    kind        TEXT        NOT NULL CHECK (kind IN ('ONE_TIME', 'REUSABLE')),
    host_id     UUID,
    labels      JSONB       NOT NULL DEFAULT '{}',
    expires_at  TIMESTAMPTZ NOT NULL,
    max_uses    INTEGER     NOT NULL CHECK (max_uses > 0),
    uses        INTEGER     NOT NULL DEFAULT 0,
    revoked_at  TIMESTAMPTZ,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    CHECK (kind = 'REUSABLE' OR host_id IS NOT NULL)
);

-- One credential per enrolled agent; only its SHA-256 is stored.
CREATE TABLE agent_credential (
    id              UUID        PRIMARY KEY,
    host_id         UUID        NOT NULL,
    credential_hash TEXT        NOT NULL UNIQUE,
    key_id          UUID        NOT NULL REFERENCES enrollment_key (id),
    hostname        TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    revoked_at      TIMESTAMPTZ
);
CREATE INDEX agent_credential_host ON agent_credential (host_id);
