-- API tokens for automation; only their SHA-256 is stored, the token is shown once.
CREATE TABLE api_token (
    id           UUID        PRIMARY KEY,
    name         TEXT        NOT NULL,
    token_hash   TEXT        NOT NULL UNIQUE,
    role         TEXT        NOT NULL CHECK (role IN ('admin', 'operator', 'viewer')),
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
-- a name is the token's principal (token:<name>) in the audit log, so two live tokens never share one
CREATE UNIQUE INDEX api_token_live_name ON api_token (name) WHERE revoked_at IS NULL;

-- Every mutation through the gateway (and every refused attempt): who, what, on what, when, with what outcome.
-- Never a request body: it may hold secrets.
CREATE TABLE audit_entry (
    id          BIGSERIAL   PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    actor_kind  TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    target      TEXT        NOT NULL,
    status      INTEGER     NOT NULL,
    duration_ms BIGINT      NOT NULL,
    client      TEXT
);
CREATE INDEX audit_entry_at ON audit_entry (at DESC);
CREATE INDEX audit_entry_actor ON audit_entry (actor, id DESC);
