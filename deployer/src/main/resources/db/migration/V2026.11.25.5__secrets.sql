-- App secrets: every version of a value, encrypted with the master key (AES-256-GCM, nonce first). An app
-- revision keeps the versions it was deployed with, so a new value reaches a container only with a new revision.
CREATE TABLE secret (
    name       TEXT        PRIMARY KEY,
    version    BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE secret_version (
    name       TEXT        NOT NULL REFERENCES secret (name) ON DELETE CASCADE,
    version    BIGINT      NOT NULL,
    ciphertext BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (name, version)
);

-- secret name → version, for the secrets the revision's spec refers to
ALTER TABLE app_revision ADD COLUMN secret_versions JSONB NOT NULL DEFAULT '{}';

-- The public JWK the host's agent offers: secrets for the host are sealed to it.
ALTER TABLE placement_host ADD COLUMN sealing_key TEXT;
