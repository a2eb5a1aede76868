use chrono::{DateTime, Utc};
use steady_core::ids::{ThoughtId, UserId};
use steady_core::thought::{Emotion, Rating, ThoughtRecord, Trap};
use steady_store::{ListQuery, SqlStore, Store};

use crate::{each_backend, minutes, new_user, t0};

pub const SECRET_THOUGHT: &str = "She hasn't answered, she is bored of me";

pub fn record_at(at: DateTime<Utc>, thought: &str) -> ThoughtRecord {
    ThoughtRecord {
        id: ThoughtId::new(),
        occurred_at: at,
        situation: Some("Sunday evening, phone on the table".to_owned()),
        thought: thought.to_owned(),
        emotions: vec![
            Emotion {
                name: "anxious".to_owned(),
                intensity: Rating::new(80).expect("valid"),
            },
            Emotion {
                name: "ashamed".to_owned(),
                intensity: Rating::new(40).expect("valid"),
            },
        ],
        traps: vec![Trap::MindReading, Trap::FortuneTelling],
        evidence_for: Some("she replied late".to_owned()),
        evidence_against: Some("she planned our trip yesterday".to_owned()),
        balanced_thought: Some("She is busy; she has shown she cares".to_owned()),
        intensity_after: Some(Rating::new(35).expect("valid")),
        created_at: at,
        updated_at: at,
    }
}

pub async fn write(
    store: &SqlStore,
    owner: UserId,
    at: DateTime<Utc>,
    thought: &str,
) -> ThoughtRecord {
    let r = record_at(at, thought);
    store.insert_thought(owner, &r).await.expect("inserted");
    r
}

#[tokio::test]
async fn a_record_round_trips_with_every_field() {
    each_backend(|store, backend| async move {
        let owner = new_user(&store, "ana").await;
        let full = write(&store, owner, t0(), "Er liebt mich nicht mehr 💔").await;
        let back = store
            .thought(owner, full.id)
            .await
            .expect("query")
            .expect("found");
        assert_eq!(back, full, "{backend}");

        let mut bare = record_at(t0() + minutes(1), "only the thought");
        bare.situation = None;
        bare.emotions = Vec::new();
        bare.traps = Vec::new();
        bare.evidence_for = None;
        bare.evidence_against = None;
        bare.balanced_thought = None;
        bare.intensity_after = None;
        store.insert_thought(owner, &bare).await.expect("inserted");
        let back = store
            .thought(owner, bare.id)
            .await
            .expect("query")
            .expect("found");
        assert_eq!(back, bare, "{backend}");
    })
    .await;
}

#[tokio::test]
async fn lists_newest_first_within_a_window() {
    each_backend(|store, backend| async move {
        let owner = new_user(&store, "lee").await;
        let other = new_user(&store, "kim").await;
        let mut ids = Vec::new();
        for i in 0..4 {
            ids.push(write(&store, owner, t0() + minutes(i), "t").await.id);
        }
        write(&store, other, t0(), "not yours").await;
        let all = store
            .list_thoughts(owner, ListQuery::default())
            .await
            .expect("list");
        let got: Vec<_> = all.iter().map(|r| r.id).collect();
        assert_eq!(got, vec![ids[3], ids[2], ids[1], ids[0]], "{backend}");
        let window = store
            .list_thoughts(
                owner,
                ListQuery {
                    since: Some(t0() + minutes(1)),
                    before: Some(t0() + minutes(3)),
                    limit: 10,
                },
            )
            .await
            .expect("list");
        assert_eq!(
            window.iter().map(|r| r.id).collect::<Vec<_>>(),
            vec![ids[2], ids[1]]
        );
    })
    .await;
}

#[tokio::test]
async fn updates_and_deletes_touch_only_the_owners_records() {
    each_backend(|store, backend| async move {
        let owner = new_user(&store, "mo").await;
        let other = new_user(&store, "jo").await;
        let mut r = write(&store, owner, t0(), "mine").await;
        assert!(
            store.thought(other, r.id).await.expect("query").is_none(),
            "{backend}"
        );
        r.traps = vec![Trap::Catastrophizing];
        r.emotions.clear();
        r.balanced_thought = None;
        assert!(!store.update_thought(other, &r).await.expect("update"));
        assert!(!store.delete_thought(other, r.id).await.expect("delete"));
        assert!(store.update_thought(owner, &r).await.expect("update"));
        let back = store
            .thought(owner, r.id)
            .await
            .expect("query")
            .expect("found");
        assert_eq!(back, r);
        assert!(store.delete_thought(owner, r.id).await.expect("delete"));
        assert!(store.thought(owner, r.id).await.expect("query").is_none());
    })
    .await;
}

#[tokio::test]
async fn deleting_an_account_deletes_its_records() {
    each_backend(|store, backend| async move {
        let owner = new_user(&store, "gone").await;
        let keep = new_user(&store, "stays").await;
        write(&store, owner, t0(), "a").await;
        let kept = write(&store, keep, t0(), "b").await;
        store.delete_user(owner).await.expect("deleted");
        assert!(
            store
                .list_thoughts(owner, ListQuery::default())
                .await
                .expect("list")
                .is_empty(),
            "{backend}"
        );
        assert!(store.thought(keep, kept.id).await.expect("query").is_some());
    })
    .await;
}
