//! The reassurance log. Free text is sealed with the owner's data key, bound to its row.

use steady_core::ids::{UrgeId, UserId};
use steady_core::urge::{Intensity, Urge};

use super::keys::{open_opt, seal_opt, Field};
use super::owned::Table;
use super::{from_millis, on_db, parse_id, to_millis, SqlStore};
use crate::crypto::DataKey;
use crate::records::ListQuery;
use crate::{Result, StoreError};

const COLUMNS: &str = "id, occurred_at, trigger_kind, trigger_detail, form, function, \
    intensity_before, did, partner_response, intensity_after, note, created_at, updated_at";

type UrgeRow = (
    String,
    i64,
    String,
    Option<Vec<u8>>,
    String,
    Option<String>,
    i64,
    String,
    Option<Vec<u8>>,
    Option<i64>,
    Option<Vec<u8>>,
    i64,
    i64,
);

const TABLE: Table<UrgeRow, Urge> = Table {
    name: "urges",
    columns: COLUMNS,
    open: urge_from_row,
};

/// The sealed columns of one urge.
struct Sealed {
    trigger_detail: Option<Vec<u8>>,
    partner_response: Option<Vec<u8>>,
    note: Option<Vec<u8>>,
}

fn field<'a>(column: &'a str, row_id: &'a str) -> Field<'a> {
    Field {
        table: "urges",
        column,
        row_id,
    }
}

fn seal_urge(key: &DataKey, owner: &str, urge: &Urge) -> Sealed {
    let id = urge.id.to_string();
    Sealed {
        trigger_detail: seal_opt(
            key,
            owner,
            field("trigger_detail", &id),
            urge.trigger_detail.as_deref(),
        ),
        partner_response: seal_opt(
            key,
            owner,
            field("partner_response", &id),
            urge.partner_response.as_deref(),
        ),
        note: seal_opt(key, owner, field("note", &id), urge.note.as_deref()),
    }
}

fn parse_enum<T: std::str::FromStr>(text: &str) -> Result<T> {
    text.parse()
        .map_err(|_| StoreError::Corrupt("an urge has an unknown choice".to_owned()))
}

fn intensity(value: i64) -> Result<Intensity> {
    Intensity::new(value).map_err(|_| StoreError::Corrupt("intensity out of range".to_owned()))
}

fn urge_from_row(key: &DataKey, owner: &str, row: UrgeRow) -> Result<Urge> {
    let (
        id,
        occurred_at,
        trigger,
        trigger_detail,
        form,
        function,
        before,
        did,
        partner,
        after,
        note,
        created,
        updated,
    ) = row;
    Ok(Urge {
        id: parse_id(&id)?,
        occurred_at: from_millis(occurred_at)?,
        trigger: parse_enum(&trigger)?,
        trigger_detail: open_opt(
            key,
            owner,
            field("trigger_detail", &id),
            trigger_detail.as_deref(),
        )?,
        form: parse_enum(&form)?,
        function: function.as_deref().map(parse_enum).transpose()?,
        intensity_before: intensity(before)?,
        did: parse_enum(&did)?,
        partner_response: open_opt(
            key,
            owner,
            field("partner_response", &id),
            partner.as_deref(),
        )?,
        intensity_after: after.map(intensity).transpose()?,
        note: open_opt(key, owner, field("note", &id), note.as_deref())?,
        created_at: from_millis(created)?,
        updated_at: from_millis(updated)?,
    })
}

impl SqlStore {
    pub(super) async fn insert_urge_impl(&self, owner: UserId, urge: &Urge) -> Result<()> {
        let owner_id = owner.to_string();
        let key = self.data_key(owner).await?;
        let sealed = seal_urge(&key, &owner_id, urge);
        on_db!(&self.db, pool => {
            sqlx::query(&format!(
                "INSERT INTO urges (user_id, {COLUMNS}) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
            ))
            .bind(&owner_id)
            .bind(urge.id.to_string())
            .bind(to_millis(urge.occurred_at))
            .bind(urge.trigger.as_str())
            .bind(&sealed.trigger_detail)
            .bind(urge.form.as_str())
            .bind(urge.function.map(|f| f.as_str()))
            .bind(i64::from(urge.intensity_before.get()))
            .bind(urge.did.as_str())
            .bind(&sealed.partner_response)
            .bind(urge.intensity_after.map(|i| i64::from(i.get())))
            .bind(&sealed.note)
            .bind(to_millis(urge.created_at))
            .bind(to_millis(urge.updated_at))
            .execute(pool)
            .await
            .map_err(|e| StoreError::from_write(e, "an entry with that id exists"))?;
        });
        Ok(())
    }

    pub(super) async fn urge_impl(&self, owner: UserId, id: UrgeId) -> Result<Option<Urge>> {
        self.owned_row(&TABLE, owner, id.to_string()).await
    }

    pub(super) async fn list_urges_impl(
        &self,
        owner: UserId,
        query: ListQuery,
    ) -> Result<Vec<Urge>> {
        self.owned_rows(&TABLE, owner, query).await
    }

    pub(super) async fn update_urge_impl(&self, owner: UserId, urge: &Urge) -> Result<bool> {
        let owner_id = owner.to_string();
        let key = self.data_key(owner).await?;
        let sealed = seal_urge(&key, &owner_id, urge);
        let changed = on_db!(&self.db, pool => {
            sqlx::query(
                "UPDATE urges SET occurred_at = $3, trigger_kind = $4, trigger_detail = $5, form = $6, \
                 function = $7, intensity_before = $8, did = $9, partner_response = $10, \
                 intensity_after = $11, note = $12, updated_at = $13 \
                 WHERE user_id = $1 AND id = $2",
            )
            .bind(&owner_id)
            .bind(urge.id.to_string())
            .bind(to_millis(urge.occurred_at))
            .bind(urge.trigger.as_str())
            .bind(&sealed.trigger_detail)
            .bind(urge.form.as_str())
            .bind(urge.function.map(|f| f.as_str()))
            .bind(i64::from(urge.intensity_before.get()))
            .bind(urge.did.as_str())
            .bind(&sealed.partner_response)
            .bind(urge.intensity_after.map(|i| i64::from(i.get())))
            .bind(&sealed.note)
            .bind(to_millis(urge.updated_at))
            .execute(pool)
            .await?
            .rows_affected()
        });
        Ok(changed > 0)
    }

    pub(super) async fn delete_urge_impl(&self, owner: UserId, id: UrgeId) -> Result<bool> {
        let deleted = on_db!(&self.db, pool => {
            sqlx::query("DELETE FROM urges WHERE user_id = $1 AND id = $2")
                .bind(owner.to_string())
                .bind(id.to_string())
                .execute(pool)
                .await?
                .rows_affected()
        });
        Ok(deleted > 0)
    }
}
