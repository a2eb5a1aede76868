-- Thought records. The free text (situation, thought, emotions as JSON, evidence, balanced
-- thought) is sealed with the owner's data key and bound to its row; trap labels
-- (comma-separated) and intensities (0-100) are plain, for charts and patterns.
CREATE TABLE thoughts (
    id               TEXT PRIMARY KEY,
    user_id          TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    occurred_at      BIGINT NOT NULL,
    situation        BLOB,
    thought          BLOB NOT NULL,
    emotions         BLOB,
    intensity_before BIGINT,
    traps            TEXT NOT NULL,
    evidence_for     BLOB,
    evidence_against BLOB,
    balanced_thought BLOB,
    intensity_after  BIGINT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX thoughts_user_time ON thoughts (user_id, occurred_at);
