-- REGISTERED: added through the API and provisioned over SSH; ADOPTED: installed by hand, enrolled its agent.
ALTER TABLE host ADD COLUMN origin TEXT NOT NULL DEFAULT 'REGISTERED';
