-- The credentials of a host that was replaced or decommissioned: revoked for good, and its agent, if it ever dials in
-- again, is told so (close code 4410) and stops everything Homeport placed on the host.
ALTER TABLE agent_credential ADD COLUMN retired BOOLEAN NOT NULL DEFAULT FALSE;
