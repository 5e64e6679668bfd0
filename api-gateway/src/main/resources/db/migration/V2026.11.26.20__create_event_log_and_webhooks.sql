-- The user-facing events (hosts, apps, deployments, storage, tunnels, alerts) as the gateway received them. seq is
-- the stream position (SSE id, ?after=); rows are appended one transaction at a time (EventLog takes an advisory
-- lock first), so seq order is commit order and a reader never passes a seq that commits later.
CREATE TABLE event_log (
    seq        BIGSERIAL   PRIMARY KEY,
    event_id   TEXT        NOT NULL UNIQUE,
    type       TEXT        NOT NULL,
    subject    TEXT,
    source     TEXT        NOT NULL,
    time       TIMESTAMPTZ NOT NULL,
    data       JSONB,
    logged_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX event_log_type ON event_log (type, seq);
CREATE INDEX event_log_subject ON event_log (subject, seq);
CREATE INDEX event_log_logged_at ON event_log (logged_at);

-- Webhook subscriptions; the signing secret is encrypted with the master key and never shown again.
CREATE TABLE webhook (
    id          UUID        PRIMARY KEY,
    url         TEXT        NOT NULL,
    types       JSONB       NOT NULL DEFAULT '[]',
    subjects    JSONB       NOT NULL DEFAULT '[]',
    format      TEXT        NOT NULL CHECK (format IN ('CLOUDEVENTS', 'SLACK', 'DISCORD', 'NTFY')),
    secret      BYTEA       NOT NULL,
    created_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

-- One delivery per matching event and webhook: the delivery log. Pruned with its event.
CREATE TABLE webhook_delivery (
    id              UUID        PRIMARY KEY,
    webhook_id      UUID        NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    event_seq       BIGINT      NOT NULL REFERENCES event_log (seq) ON DELETE CASCADE,
    event_id        TEXT        NOT NULL,
    event_type      TEXT        NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'DEAD')),
    attempts        INTEGER     NOT NULL DEFAULT 0,
    last_status     INTEGER,
    last_error      TEXT,
    last_attempt_at TIMESTAMPTZ,
    next_attempt_at TIMESTAMPTZ,
    claimed_until   TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (webhook_id, event_seq)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_delivery_event ON webhook_delivery (event_seq);
