-- Stacks: a compose file deployed in dependency order. A deployment that waits for other apps of its stack is
-- QUEUED: it has no start time and no deadline until every app it waits for has succeeded in the same stack deploy.
ALTER TABLE deployment ALTER COLUMN started_at DROP NOT NULL;
ALTER TABLE deployment ALTER COLUMN deadline DROP NOT NULL;

-- When the deploy was asked for (a queued deployment starts later): orders an app's deployments.
ALTER TABLE deployment ADD COLUMN created_at TIMESTAMPTZ;
UPDATE deployment SET created_at = started_at;
ALTER TABLE deployment ALTER COLUMN created_at SET NOT NULL;
ALTER TABLE deployment ALTER COLUMN created_at SET DEFAULT now();

-- The stack deploy (one POST /api/v1/stacks) a deployment belongs to, and the apps of it that must succeed first.
ALTER TABLE deployment ADD COLUMN stack_id UUID;
ALTER TABLE deployment ADD COLUMN waits_for JSONB NOT NULL DEFAULT '[]';
CREATE INDEX deployment_queued ON deployment (stack_id) WHERE state = 'QUEUED';

-- One deployment per app at a time, queued or in progress.
CREATE UNIQUE INDEX deployment_one_active_per_app ON deployment (app) WHERE state IN ('QUEUED', 'IN_PROGRESS');
