//! Thought records. Every free-text field (the emotions too, as JSON) is sealed with the owner's
//! data key, bound to its row; trap labels and intensities stay plain.

use steady_core::ids::{ThoughtId, UserId};
use steady_core::thought::{Emotion, Rating, ThoughtRecord, Trap};

use super::keys::{open_opt, seal_opt, Field};
use super::owned::Table;
use super::{from_millis, on_db, parse_id, to_millis, SqlStore};
use crate::crypto::DataKey;
use crate::records::ListQuery;
use crate::{Result, StoreError};

const COLUMNS: &str = "id, occurred_at, situation, thought, emotions, intensity_before, traps, \
    evidence_for, evidence_against, balanced_thought, intensity_after, created_at, updated_at";

type ThoughtRow = (
    String,
    i64,
    Option<Vec<u8>>,
    Vec<u8>,
    Option<Vec<u8>>,
    Option<i64>,
    String,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
    Option<i64>,
    i64,
    i64,
);

const TABLE: Table<ThoughtRow, ThoughtRecord> = Table {
    name: "thoughts",
    columns: COLUMNS,
    open: record_from_row,
};

/// The sealed columns of one record.
struct Sealed {
    situation: Option<Vec<u8>>,
    thought: Vec<u8>,
    emotions: Option<Vec<u8>>,
    evidence_for: Option<Vec<u8>>,
    evidence_against: Option<Vec<u8>>,
    balanced_thought: Option<Vec<u8>>,
}

fn field<'a>(column: &'a str, row_id: &'a str) -> Field<'a> {
    Field {
        table: "thoughts",
        column,
        row_id,
    }
}

fn seal_record(key: &DataKey, owner: &str, r: &ThoughtRecord) -> Result<Sealed> {
    let id = r.id.to_string();
    let emotions = if r.emotions.is_empty() {
        None
    } else {
        Some(
            serde_json::to_string(&r.emotions)
                .map_err(|_| StoreError::Corrupt("emotions could not be encoded".to_owned()))?,
        )
    };
    let seal = |column, text: Option<&str>| seal_opt(key, owner, field(column, &id), text);
    Ok(Sealed {
        situation: seal("situation", r.situation.as_deref()),
        thought: seal("thought", Some(&r.thought)).unwrap_or_default(),
        emotions: seal("emotions", emotions.as_deref()),
        evidence_for: seal("evidence_for", r.evidence_for.as_deref()),
        evidence_against: seal("evidence_against", r.evidence_against.as_deref()),
        balanced_thought: seal("balanced_thought", r.balanced_thought.as_deref()),
    })
}

fn traps_text(traps: &[Trap]) -> String {
    traps
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn rating(value: i64) -> Result<Rating> {
    Rating::new(value).map_err(|_| StoreError::Corrupt("intensity out of range".to_owned()))
}

fn record_from_row(key: &DataKey, owner: &str, row: ThoughtRow) -> Result<ThoughtRecord> {
    let (
        id,
        occurred_at,
        situation,
        thought,
        emotions,
        _intensity_before,
        traps,
        evidence_for,
        evidence_against,
        balanced_thought,
        intensity_after,
        created,
        updated,
    ) = row;
    let open = |column, sealed: Option<&[u8]>| open_opt(key, owner, field(column, &id), sealed);
    let emotions: Vec<Emotion> = match open("emotions", emotions.as_deref())? {
        None => Vec::new(),
        Some(json) => serde_json::from_str(&json)
            .map_err(|_| StoreError::Corrupt("stored emotions are not readable".to_owned()))?,
    };
    let traps = traps
        .split(',')
        .filter(|t| !t.is_empty())
        .map(|t| {
            t.parse::<Trap>()
                .map_err(|_| StoreError::Corrupt("a record has an unknown trap".to_owned()))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(ThoughtRecord {
        id: parse_id(&id)?,
        occurred_at: from_millis(occurred_at)?,
        situation: open("situation", situation.as_deref())?,
        thought: open("thought", Some(&thought))?.unwrap_or_default(),
        emotions,
        traps,
        evidence_for: open("evidence_for", evidence_for.as_deref())?,
        evidence_against: open("evidence_against", evidence_against.as_deref())?,
        balanced_thought: open("balanced_thought", balanced_thought.as_deref())?,
        intensity_after: intensity_after.map(rating).transpose()?,
        created_at: from_millis(created)?,
        updated_at: from_millis(updated)?,
    })
}

impl SqlStore {
    pub(super) async fn insert_thought_impl(&self, owner: UserId, r: &ThoughtRecord) -> Result<()> {
        let owner_id = owner.to_string();
        let key = self.data_key(owner).await?;
        let sealed = seal_record(&key, &owner_id, r)?;
        on_db!(&self.db, pool => {
            sqlx::query(&format!(
                "INSERT INTO thoughts (user_id, {COLUMNS}) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
            ))
            .bind(&owner_id)
            .bind(r.id.to_string())
            .bind(to_millis(r.occurred_at))
            .bind(&sealed.situation)
            .bind(&sealed.thought)
            .bind(&sealed.emotions)
            .bind(r.intensity_before().map(|i| i64::from(i.get())))
            .bind(traps_text(&r.traps))
            .bind(&sealed.evidence_for)
            .bind(&sealed.evidence_against)
            .bind(&sealed.balanced_thought)
            .bind(r.intensity_after.map(|i| i64::from(i.get())))
            .bind(to_millis(r.created_at))
            .bind(to_millis(r.updated_at))
            .execute(pool)
            .await
            .map_err(|e| StoreError::from_write(e, "a thought record with that id exists"))?;
        });
        Ok(())
    }

    pub(super) async fn thought_impl(
        &self,
        owner: UserId,
        id: ThoughtId,
    ) -> Result<Option<ThoughtRecord>> {
        self.owned_row(&TABLE, owner, id.to_string()).await
    }

    pub(super) async fn list_thoughts_impl(
        &self,
        owner: UserId,
        query: ListQuery,
    ) -> Result<Vec<ThoughtRecord>> {
        self.owned_rows(&TABLE, owner, query).await
    }

    pub(super) async fn update_thought_impl(
        &self,
        owner: UserId,
        r: &ThoughtRecord,
    ) -> Result<bool> {
        let owner_id = owner.to_string();
        let key = self.data_key(owner).await?;
        let sealed = seal_record(&key, &owner_id, r)?;
        let changed = on_db!(&self.db, pool => {
            sqlx::query(
                "UPDATE thoughts SET occurred_at = $3, situation = $4, thought = $5, emotions = $6, \
                 intensity_before = $7, traps = $8, evidence_for = $9, evidence_against = $10, \
                 balanced_thought = $11, intensity_after = $12, updated_at = $13 \
                 WHERE user_id = $1 AND id = $2",
            )
            .bind(&owner_id)
            .bind(r.id.to_string())
            .bind(to_millis(r.occurred_at))
            .bind(&sealed.situation)
            .bind(&sealed.thought)
            .bind(&sealed.emotions)
            .bind(r.intensity_before().map(|i| i64::from(i.get())))
            .bind(traps_text(&r.traps))
            .bind(&sealed.evidence_for)
            .bind(&sealed.evidence_against)
            .bind(&sealed.balanced_thought)
            .bind(r.intensity_after.map(|i| i64::from(i.get())))
            .bind(to_millis(r.updated_at))
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(changed > 0)
    }

    pub(super) async fn delete_thought_impl(&self, owner: UserId, id: ThoughtId) -> Result<bool> {
        let deleted = on_db!(&self.db, pool => {
            sqlx::query("DELETE FROM thoughts WHERE user_id = $1 AND id = $2")
                .bind(owner.to_string())
                .bind(id.to_string())
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(deleted > 0)
    }
}
