-- rclone remotes: options in clear, credentials encrypted with the master key (context storage-remote:<name>).
CREATE TABLE remote (
    name             TEXT        PRIMARY KEY,
    type             TEXT        NOT NULL,
    options          JSONB       NOT NULL,
    credential_names JSONB       NOT NULL,
    credentials      BYTEA       NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

-- The public key each host's agent offered when it last connected; its rclone config is sealed to it.
CREATE TABLE agent_key (
    host_id      UUID        PRIMARY KEY,
    sealing_key  TEXT        NOT NULL,
    connected_at TIMESTAMPTZ NOT NULL
);

-- Leases with fencing epochs, the holder's last sync, and the backup policy.
ALTER TABLE volume
    ADD COLUMN holder_host_id          UUID,
    ADD COLUMN epoch                   BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN leased_at               TIMESTAMPTZ,
    ADD COLUMN last_sync_at            TIMESTAMPTZ,
    ADD COLUMN last_sync_succeeded     BOOLEAN,
    ADD COLUMN created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN backup_enabled          BOOLEAN     NOT NULL DEFAULT true,
    ADD COLUMN backup_interval_minutes INTEGER     NOT NULL DEFAULT 1440,
    ADD COLUMN backup_keep_last        INTEGER     NOT NULL DEFAULT 7,
    ADD COLUMN backup_max_age_days     INTEGER     NOT NULL DEFAULT 30,
    ADD COLUMN backup_remote           TEXT,
    ADD COLUMN next_backup_at          TIMESTAMPTZ NOT NULL DEFAULT now() + interval '1 day';

-- Mount health: since when the state holds and why it is degraded.
ALTER TABLE host_mount
    ADD COLUMN state_since TIMESTAMPTZ,
    ADD COLUMN message     TEXT;

CREATE TABLE backup (
    id          UUID        PRIMARY KEY,
    app         TEXT        NOT NULL,
    volume      TEXT        NOT NULL,
    state       TEXT        NOT NULL,
    remote      TEXT        NOT NULL,
    location    TEXT        NOT NULL,
    checksums   TEXT        NOT NULL,
    host_id     UUID        NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    verified_at TIMESTAMPTZ,
    message     TEXT,
    UNIQUE (location),
    FOREIGN KEY (app, volume) REFERENCES volume (app, name)
);
CREATE INDEX backup_volume ON backup (app, volume, started_at DESC);
CREATE INDEX backup_running ON backup (started_at) WHERE state = 'RUNNING';

CREATE TABLE restore (
    id          UUID        PRIMARY KEY,
    backup_id   UUID        NOT NULL REFERENCES backup (id),
    app         TEXT        NOT NULL,
    volume      TEXT        NOT NULL,
    host_id     UUID        NOT NULL,
    destination TEXT        NOT NULL,
    state       TEXT        NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    message     TEXT
);

-- Commands sent to agents whose answers the storage-manager waits for (backup, verify, restore, delete).
CREATE TABLE agent_command (
    command_id   UUID        PRIMARY KEY,
    host_id      UUID        NOT NULL,
    kind         TEXT        NOT NULL,
    backup_id    UUID        REFERENCES backup (id),
    restore_id   UUID        REFERENCES restore (id),
    reason       TEXT,
    requested_at TIMESTAMPTZ NOT NULL,
    completed_at TIMESTAMPTZ
);
CREATE INDEX agent_command_backup ON agent_command (backup_id) WHERE completed_at IS NULL;
