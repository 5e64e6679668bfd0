-- Volumes are requested for the host an app is placed on, and the storage-manager grants that host the volume's
-- writable lease: requested_host_id is the host the last request named; host_id, epoch and lease (the HostVolume the
-- holder's agent is to use, as JSON) are the lease the storage-manager last granted. A volume is ready for a
-- deployment on host H only when it was last requested for H and H holds its lease.
ALTER TABLE app_volume ADD COLUMN requested_host_id UUID;
ALTER TABLE app_volume ADD COLUMN host_id UUID;
ALTER TABLE app_volume ADD COLUMN epoch BIGINT;
ALTER TABLE app_volume ADD COLUMN lease JSONB;

-- an answer from before leases names no host: such a volume is requested again for the host its app goes to
UPDATE app_volume SET ready_at = NULL;

CREATE INDEX app_volume_holder ON app_volume (host_id);
