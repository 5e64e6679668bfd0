-- A planned move of a volume whose holder is online waits for the holder to let go of it: the holder stops the
-- app, syncs a local-synced volume one last time and reports the volume released; only then is the volume requested
-- for the new host. handover_from is the holder asked to let go, handover_deadline when the request goes out anyway.
ALTER TABLE app_volume ADD COLUMN handover_from UUID;
ALTER TABLE app_volume ADD COLUMN handover_deadline TIMESTAMPTZ;

CREATE INDEX app_volume_handover ON app_volume (handover_from) WHERE handover_from IS NOT NULL;
