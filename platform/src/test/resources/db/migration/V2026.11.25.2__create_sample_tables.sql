-- A sample aggregate whose changes emit events, and a record of the effects a consumer applied.
CREATE TABLE sample_host (
    id   UUID PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE sample_effect (
    event_id TEXT    NOT NULL,
    applied  INTEGER NOT NULL
);
