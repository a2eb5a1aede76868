//! Attachment questionnaires. The answers and the scores are sealed with the owner's data
//! key, bound to their row; a completed row is never changed again.

use std::collections::BTreeMap;

use steady_core::assessment::{Assessment, AssessmentStatus, InstrumentId, Scores};
use steady_core::ids::{AssessmentId, UserId};

use super::keys::{open_opt, seal_opt, Field};
use super::{from_millis, on_db, parse_id, to_millis, SqlStore};
use crate::crypto::DataKey;
use crate::{Result, StoreError};

const COLUMNS: &str =
    "id, instrument, about, answers, scores, status, started_at, updated_at, completed_at";

type AssessmentRow = (
    String,
    String,
    Option<String>,
    Vec<u8>,
    Option<Vec<u8>>,
    String,
    i64,
    i64,
    Option<i64>,
);

fn field<'a>(column: &'a str, row_id: &'a str) -> Field<'a> {
    Field {
        table: "assessments",
        column,
        row_id,
    }
}

/// The sealed columns of one assessment.
struct Sealed {
    answers: Vec<u8>,
    scores: Option<Vec<u8>>,
}

fn seal_assessment(key: &DataKey, owner: &str, a: &Assessment) -> Result<Sealed> {
    let id = a.id.to_string();
    let answers = serde_json::to_string(&a.answers)
        .map_err(|_| StoreError::Corrupt("answers could not be written".to_owned()))?;
    let scores = a
        .scores
        .map(|s| serde_json::to_string(&s))
        .transpose()
        .map_err(|_| StoreError::Corrupt("scores could not be written".to_owned()))?;
    Ok(Sealed {
        answers: seal_opt(key, owner, field("answers", &id), Some(&answers)).unwrap_or_default(),
        scores: seal_opt(key, owner, field("scores", &id), scores.as_deref()),
    })
}

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(format!("an assessment has {what}"))
}

fn from_row(key: &DataKey, owner: &str, row: AssessmentRow) -> Result<Assessment> {
    let (id, instrument, about, answers, scores, status, started, updated, completed) = row;
    let answers = open_opt(key, owner, field("answers", &id), Some(&answers))?
        .ok_or_else(|| corrupt("no answers"))?;
    let answers: BTreeMap<u16, u8> =
        serde_json::from_str(&answers).map_err(|_| corrupt("unreadable answers"))?;
    let scores: Option<Scores> = open_opt(key, owner, field("scores", &id), scores.as_deref())?
        .map(|s| serde_json::from_str(&s))
        .transpose()
        .map_err(|_| corrupt("unreadable scores"))?;
    Ok(Assessment {
        id: parse_id(&id)?,
        instrument: instrument
            .parse::<InstrumentId>()
            .map_err(|_| corrupt("an unknown instrument"))?,
        about,
        answers,
        status: status
            .parse::<AssessmentStatus>()
            .map_err(|_| corrupt("an unknown status"))?,
        scores,
        started_at: from_millis(started)?,
        updated_at: from_millis(updated)?,
        completed_at: completed.map(from_millis).transpose()?,
    })
}

impl SqlStore {
    async fn assessments_where(
        &self,
        owner: UserId,
        condition: &str,
        binds: &[&str],
    ) -> Result<Vec<Assessment>> {
        let owner_id = owner.to_string();
        let sql = format!("SELECT {COLUMNS} FROM assessments WHERE user_id = $1 AND {condition}");
        let rows: Vec<AssessmentRow> = on_db!(&self.db, pool => {
            let mut query = sqlx::query_as(&sql).bind(&owner_id);
            for b in binds {
                query = query.bind(*b);
            }
            query.fetch_all(pool).await?
        });
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let key = self.data_key(owner).await?;
        rows.into_iter()
            .map(|row| from_row(&key, &owner_id, row))
            .collect()
    }

    pub(super) async fn insert_assessment_impl(&self, owner: UserId, a: &Assessment) -> Result<()> {
        let owner_id = owner.to_string();
        let key = self.data_key(owner).await?;
        let sealed = seal_assessment(&key, &owner_id, a)?;
        on_db!(&self.db, pool => {
            sqlx::query(&format!(
                "INSERT INTO assessments (user_id, {COLUMNS}) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
            ))
            .bind(&owner_id)
            .bind(a.id.to_string())
            .bind(a.instrument.as_str())
            .bind(a.about.as_deref())
            .bind(&sealed.answers)
            .bind(&sealed.scores)
            .bind(a.status.as_str())
            .bind(to_millis(a.started_at))
            .bind(to_millis(a.updated_at))
            .bind(a.completed_at.map(to_millis))
            .execute(pool)
            .await
            .map_err(|e| StoreError::from_write(e, "an assessment with that id exists"))?;
        });
        Ok(())
    }

    pub(super) async fn assessment_impl(
        &self,
        owner: UserId,
        id: AssessmentId,
    ) -> Result<Option<Assessment>> {
        let id = id.to_string();
        Ok(self
            .assessments_where(owner, "id = $2", &[&id])
            .await?
            .into_iter()
            .next())
    }

    /// Writes answers, status, scores and times, but only over a row still in progress.
    pub(super) async fn update_assessment_impl(
        &self,
        owner: UserId,
        a: &Assessment,
    ) -> Result<bool> {
        let owner_id = owner.to_string();
        let key = self.data_key(owner).await?;
        let sealed = seal_assessment(&key, &owner_id, a)?;
        let changed = on_db!(&self.db, pool => {
            sqlx::query(
                "UPDATE assessments SET answers = $3, scores = $4, status = $5, updated_at = $6, \
                 completed_at = $7 \
                 WHERE user_id = $1 AND id = $2 AND status = 'in_progress'",
            )
            .bind(&owner_id)
            .bind(a.id.to_string())
            .bind(&sealed.answers)
            .bind(&sealed.scores)
            .bind(a.status.as_str())
            .bind(to_millis(a.updated_at))
            .bind(a.completed_at.map(to_millis))
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(changed > 0)
    }

    pub(super) async fn completed_assessments_impl(
        &self,
        owner: UserId,
        instrument: Option<InstrumentId>,
    ) -> Result<Vec<Assessment>> {
        let order = "ORDER BY completed_at ASC, id ASC";
        match instrument {
            Some(i) => {
                self.assessments_where(
                    owner,
                    &format!("status = 'completed' AND instrument = $2 {order}"),
                    &[i.as_str()],
                )
                .await
            }
            None => {
                self.assessments_where(owner, &format!("status = 'completed' {order}"), &[])
                    .await
            }
        }
    }

    pub(super) async fn assessments_in_progress_impl(
        &self,
        owner: UserId,
    ) -> Result<Vec<Assessment>> {
        self.assessments_where(
            owner,
            "status = 'in_progress' ORDER BY updated_at DESC, id DESC",
            &[],
        )
        .await
    }

    pub(super) async fn delete_assessment_impl(
        &self,
        owner: UserId,
        id: AssessmentId,
    ) -> Result<bool> {
        let deleted = on_db!(&self.db, pool => {
            sqlx::query("DELETE FROM assessments WHERE user_id = $1 AND id = $2")
                .bind(owner.to_string())
                .bind(id.to_string())
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(deleted > 0)
    }
}
