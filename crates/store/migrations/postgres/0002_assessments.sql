-- Attachment questionnaires (ECR-R, ECR-RS): one row per taking, in progress or completed.
-- The answers and the scores are health data, so both are sealed with the owner's data
-- key (JSON inside, bound to the row); only what is needed to find rows stays plain.
CREATE TABLE assessments (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    instrument   TEXT NOT NULL,
    about        TEXT,
    answers      BYTEA NOT NULL,
    scores       BYTEA,
    status       TEXT NOT NULL CHECK (status IN ('in_progress', 'completed')),
    started_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    completed_at BIGINT
);
CREATE INDEX assessments_user ON assessments (user_id, instrument, status, completed_at);
