-- Cloudflare Access from labels. exposed_route.access: what the container's access.* labels ask for (JSON), null for
-- a public route. access_app: the Access applications Homeport created, one per hostname and path; it changes and
-- deletes only these, never an application someone else made.
ALTER TABLE exposed_route ADD COLUMN access JSONB;

CREATE TABLE access_app (
    hostname TEXT NOT NULL,
    path     TEXT NOT NULL,
    app_id   TEXT NOT NULL,
    PRIMARY KEY (hostname, path)
);
