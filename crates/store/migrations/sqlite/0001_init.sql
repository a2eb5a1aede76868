-- Steady's first schema. Times are unix milliseconds (UTC); ids are UUIDv7 text;
-- private free text is sealed (see crates/store/src/crypto) and stored as BLOB.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    time_zone     TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);

CREATE TABLE data_keys (
    owner_id   TEXT NOT NULL,
    version    BIGINT NOT NULL,
    wrapped    BLOB NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (owner_id, version)
);

CREATE TABLE sessions (
    id         TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash BLOB NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    label      TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE urges (
    id               TEXT PRIMARY KEY,
    user_id          TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    occurred_at      BIGINT NOT NULL,
    trigger_kind     TEXT NOT NULL,
    trigger_detail   BLOB,
    form             TEXT NOT NULL,
    function         TEXT,
    intensity_before BIGINT NOT NULL,
    did              TEXT NOT NULL,
    partner_response BLOB,
    intensity_after  BIGINT,
    note             BLOB,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX urges_user_time ON urges (user_id, occurred_at);
