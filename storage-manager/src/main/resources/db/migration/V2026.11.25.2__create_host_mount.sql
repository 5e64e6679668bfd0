-- The shared-remote mount each host must keep; created when a host registers, PENDING until its agent reports.
CREATE TABLE host_mount (
    host_id    UUID        PRIMARY KEY,
    host_name  TEXT        NOT NULL,
    mount_path TEXT        NOT NULL,
    state      TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
