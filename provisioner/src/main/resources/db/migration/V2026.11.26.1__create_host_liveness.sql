-- Host liveness from agent heartbeats (liveness/). One row per host id heard from, in the inventory or not yet
-- (an adopted host's heartbeats may arrive before its adoption). No foreign key to host for that reason.
-- status: ONLINE, SUSPECT or LOST (UNKNOWN only inside the transaction that inserts the row).
-- version counts status changes; a change is made under the row's lock and only from the version it read.
CREATE TABLE host_liveness (
    host_id           UUID        PRIMARY KEY,
    last_heartbeat_at TIMESTAMPTZ NOT NULL,
    status            TEXT        NOT NULL,
    status_since      TIMESTAMPTZ NOT NULL,
    version           BIGINT      NOT NULL DEFAULT 0
);
