//! Pieces every client command shares: building a JSON body from options, showing times,
//! printing a list.

use chrono::{DateTime, Local, Utc};
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::client::Api;

/// Adds `key` to a JSON body when the option was given.
pub fn insert(fields: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(v) = value {
        fields.insert(key.to_owned(), v);
    }
}

/// A time in this computer's time zone, for people.
pub fn local(t: DateTime<Utc>) -> String {
    t.with_timezone(&Local).format("%a %d %b %H:%M").to_string()
}

/// Fetches up to `limit` items from `path` and prints them as JSON or one summary each,
/// with `empty` when there are none.
pub fn print_list<T: DeserializeOwned + Serialize>(
    api: &Api,
    path: &str,
    limit: u32,
    json: bool,
    empty: &str,
    summary: impl Fn(&T) -> String,
) -> anyhow::Result<()> {
    let items: Vec<T> = api.send(api.request(Method::GET, path).query(&[("limit", limit)]))?;
    if json {
        println!("{}", serde_json::to_string(&items)?);
    } else if items.is_empty() {
        println!("{empty}");
    } else {
        for item in &items {
            println!("{}", summary(item));
        }
    }
    Ok(())
}
