use chrono::{DateTime, Utc};
use steady_core::ids::{UrgeId, UserId};
use steady_core::urge::{Action, Form, Intensity, Trigger, Urge};
use steady_store::{ListQuery, SqlStore, Store};

use crate::{each_backend, minutes, new_user, t0};

pub fn urge_at(at: DateTime<Utc>, note: &str) -> Urge {
    Urge {
        id: UrgeId::new(),
        occurred_at: at,
        trigger: Trigger::NoReply,
        trigger_detail: Some("no reply since noon".to_owned()),
        form: Form::RepeatedQuestion,
        function: None,
        intensity_before: Intensity::new(7).expect("valid"),
        did: Action::Delayed,
        partner_response: None,
        intensity_after: None,
        note: Some(note.to_owned()),
        created_at: at,
        updated_at: at,
    }
}

pub async fn log(store: &SqlStore, owner: UserId, at: DateTime<Utc>, note: &str) -> Urge {
    let urge = urge_at(at, note);
    store.insert_urge(owner, &urge).await.expect("inserted");
    urge
}

#[tokio::test]
async fn an_urge_round_trips_with_its_private_text() {
    each_backend(|store, backend| async move {
        let owner = new_user(&store, "ana").await;
        let urge = log(&store, owner, t0(), "Ich habe Angst — 💔 he's quiet").await;
        let back = store
            .urge(owner, urge.id)
            .await
            .expect("query")
            .expect("found");
        assert_eq!(back, urge, "{backend}");
    })
    .await;
}

#[tokio::test]
async fn lists_newest_first_with_limits_and_windows() {
    each_backend(|store, backend| async move {
        let owner = new_user(&store, "lee").await;
        let mut ids = Vec::new();
        for i in 0..5 {
            ids.push(log(&store, owner, t0() + minutes(i), "n").await.id);
        }
        let all = store
            .list_urges(owner, ListQuery::default())
            .await
            .expect("list");
        let got: Vec<_> = all.iter().map(|u| u.id).collect();
        let mut want = ids.clone();
        want.reverse();
        assert_eq!(got, want, "{backend}");
        let page = store
            .list_urges(
                owner,
                ListQuery {
                    limit: 2,
                    before: Some(t0() + minutes(3)),
                    since: None,
                },
            )
            .await
            .expect("list");
        assert_eq!(
            page.iter().map(|u| u.id).collect::<Vec<_>>(),
            vec![ids[2], ids[1]]
        );
        let window = store
            .list_urges(
                owner,
                ListQuery {
                    limit: 50,
                    before: None,
                    since: Some(t0() + minutes(4)),
                },
            )
            .await
            .expect("list");
        assert_eq!(window.len(), 1);
    })
    .await;
}

#[tokio::test]
async fn updates_and_deletes_touch_only_the_owners_entries() {
    each_backend(|store, backend| async move {
        let owner = new_user(&store, "mo").await;
        let other = new_user(&store, "jo").await;
        let mut urge = log(&store, owner, t0(), "mine").await;

        assert!(
            store.urge(other, urge.id).await.expect("query").is_none(),
            "{backend}"
        );
        urge.intensity_after = Some(Intensity::new(2).expect("valid"));
        urge.note = None;
        assert!(!store.update_urge(other, &urge).await.expect("update"));
        assert!(!store.delete_urge(other, urge.id).await.expect("delete"));

        assert!(store.update_urge(owner, &urge).await.expect("update"));
        let back = store
            .urge(owner, urge.id)
            .await
            .expect("query")
            .expect("found");
        assert_eq!(back.intensity_after.map(Intensity::get), Some(2));
        assert_eq!(back.note, None);

        assert!(store.delete_urge(owner, urge.id).await.expect("delete"));
        assert!(store.urge(owner, urge.id).await.expect("query").is_none());
        assert!(!store
            .delete_urge(owner, urge.id)
            .await
            .expect("delete again"));
    })
    .await;
}

#[tokio::test]
async fn entries_survive_closing_and_reopening() {
    for db in steady_store::testing::TestDb::all().await {
        let store = db.store().await.expect("opens");
        let owner = new_user(&store, "dee").await;
        let urge = log(&store, owner, t0(), "still here").await;
        store.close().await;
        let reopened = db.store().await.expect("reopens");
        let back = reopened.urge(owner, urge.id).await.expect("query");
        assert_eq!(
            back.and_then(|u| u.note).as_deref(),
            Some("still here"),
            "{}",
            db.name
        );
        reopened.close().await;
        db.teardown().await;
    }
}
