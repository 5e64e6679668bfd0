-- A host replaced by a freshly provisioned one (host.replaced): nothing is placed on it again, and its apps move to
-- replaced_by once that host's agent is connected (replacement_moved_at: when they began to).
ALTER TABLE placement_host ADD COLUMN replaced_by          UUID;
ALTER TABLE placement_host ADD COLUMN replacement_moved_at TIMESTAMPTZ;
