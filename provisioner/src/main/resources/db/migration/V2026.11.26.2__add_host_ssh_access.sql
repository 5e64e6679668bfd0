-- How the provisioner logs in (a key encrypted with the master key, or the name of a key file) and what it
-- learned at first contact: the pinned host key and the operating system. A host is never deleted, only
-- decommissioned, so its runs and events keep pointing at it.
ALTER TABLE host ADD COLUMN ssh_key           BYTEA;
ALTER TABLE host ADD COLUMN ssh_key_reference TEXT;
ALTER TABLE host ADD COLUMN host_key_fingerprint TEXT;
ALTER TABLE host ADD COLUMN host_public_key   TEXT;
ALTER TABLE host ADD COLUMN os                TEXT;
ALTER TABLE host ADD COLUMN decommissioned_at TIMESTAMPTZ;
ALTER TABLE host ADD CONSTRAINT host_one_ssh_key CHECK (ssh_key IS NULL OR ssh_key_reference IS NULL);
