use std::collections::BTreeMap;

use steady_core::assessment::{Assessment, AssessmentStatus, InstrumentId, Scores};
use steady_core::ids::{AssessmentId, UserId};
use steady_store::{SqlStore, Store};

use crate::{each_backend, minutes, new_user, t0};

fn answers(pairs: impl IntoIterator<Item = (u16, u8)>) -> BTreeMap<u16, Option<u8>> {
    pairs.into_iter().map(|(k, v)| (k, Some(v))).collect()
}

async fn start(store: &SqlStore, owner: UserId, instrument: InstrumentId) -> Assessment {
    let a = Assessment::start(AssessmentId::new(), instrument, None, t0()).expect("starts");
    store.insert_assessment(owner, &a).await.expect("inserted");
    a
}

/// Starts, answers everything with `answer` and completes an ECR-RS at `minute`.
async fn completed(store: &SqlStore, owner: UserId, minute: i64, answer: u8) -> Assessment {
    let mut a = start(store, owner, InstrumentId::EcrRs).await;
    a.save_answers(
        &answers((1..=9).map(|n| (n, answer))),
        t0() + minutes(minute),
    )
    .expect("valid answers");
    a.complete(t0() + minutes(minute)).expect("complete");
    assert!(store.update_assessment(owner, &a).await.expect("saved"));
    a
}

#[tokio::test]
async fn partial_answers_are_saved_resumed_and_completed() {
    each_backend(|store, backend| async move {
        let owner = new_user(&store, "ana").await;
        let mut a = start(&store, owner, InstrumentId::EcrR).await;
        let back = store.assessment(owner, a.id).await.expect("query");
        assert_eq!(back.as_ref(), Some(&a), "{backend}");

        a.save_answers(&answers([(1, 6), (2, 7), (36, 1)]), t0() + minutes(3))
            .expect("valid");
        assert!(store.update_assessment(owner, &a).await.expect("saved"));
        let back = store
            .assessment(owner, a.id)
            .await
            .expect("query")
            .expect("found");
        assert_eq!(back, a, "{backend}: partial answers round trip");
        assert_eq!(back.answered(), 3);
        let in_progress = store.assessments_in_progress(owner).await.expect("list");
        assert_eq!(in_progress, vec![a.clone()], "{backend}");
        assert!(store
            .completed_assessments(owner, None)
            .await
            .expect("list")
            .is_empty());

        a.save_answers(&answers((1..=36).map(|n| (n, 4))), t0() + minutes(9))
            .expect("valid");
        let scores = a.complete(t0() + minutes(10)).expect("complete");
        assert_eq!(
            scores,
            Scores {
                anxiety: 4.0,
                avoidance: 4.0
            }
        );
        assert!(store.update_assessment(owner, &a).await.expect("saved"));
        let back = store
            .assessment(owner, a.id)
            .await
            .expect("query")
            .expect("found");
        assert_eq!(back.status, AssessmentStatus::Completed, "{backend}");
        assert_eq!(back.scores, Some(scores));
        assert_eq!(back.completed_at, Some(t0() + minutes(10)));
        assert_eq!(back, a);
        assert!(store
            .assessments_in_progress(owner)
            .await
            .expect("list")
            .is_empty());
    })
    .await;
}

#[tokio::test]
async fn a_completed_assessment_never_changes() {
    each_backend(|store, backend| async move {
        let owner = new_user(&store, "kim").await;
        let done = completed(&store, owner, 5, 4).await;
        let mut tampered = done.clone();
        tampered.answers.insert(1, 7);
        tampered.status = AssessmentStatus::InProgress;
        assert!(
            !store
                .update_assessment(owner, &tampered)
                .await
                .expect("query"),
            "{backend}"
        );
        let back = store.assessment(owner, done.id).await.expect("query");
        assert_eq!(back, Some(done), "{backend}");
    })
    .await;
}

#[tokio::test]
async fn completed_ones_list_oldest_first_and_by_instrument() {
    each_backend(|store, backend| async move {
        let owner = new_user(&store, "lee").await;
        let later = completed(&store, owner, 90, 5).await;
        let earlier = completed(&store, owner, 30, 3).await;
        let _open = start(&store, owner, InstrumentId::EcrRs).await;
        let list = store
            .completed_assessments(owner, None)
            .await
            .expect("list");
        let ids: Vec<_> = list.iter().map(|a| a.id).collect();
        assert_eq!(ids, vec![earlier.id, later.id], "{backend}");
        let rs = store
            .completed_assessments(owner, Some(InstrumentId::EcrRs))
            .await
            .expect("list");
        assert_eq!(rs.len(), 2);
        let r = store
            .completed_assessments(owner, Some(InstrumentId::EcrR))
            .await
            .expect("list");
        assert!(r.is_empty(), "{backend}");
    })
    .await;
}

#[tokio::test]
async fn another_person_cannot_read_change_or_delete() {
    each_backend(|store, backend| async move {
        let ana = new_user(&store, "ana").await;
        let bo = new_user(&store, "bo").await;
        let mut a = start(&store, ana, InstrumentId::EcrRs).await;
        assert_eq!(
            store.assessment(bo, a.id).await.expect("query"),
            None,
            "{backend}"
        );
        a.save_answers(&answers([(1, 2)]), t0() + minutes(1))
            .expect("valid");
        assert!(!store.update_assessment(bo, &a).await.expect("query"));
        assert!(!store.delete_assessment(bo, a.id).await.expect("query"));
        assert!(store
            .assessments_in_progress(bo)
            .await
            .expect("list")
            .is_empty());
        let back = store
            .assessment(ana, a.id)
            .await
            .expect("query")
            .expect("still there");
        assert!(
            back.answers.is_empty(),
            "{backend}: bo's write changed nothing"
        );
        assert!(store.delete_assessment(ana, a.id).await.expect("query"));
        assert_eq!(store.assessment(ana, a.id).await.expect("query"), None);
    })
    .await;
}

#[tokio::test]
async fn answers_and_scores_are_sealed_at_rest() {
    use steady_store::testing::TestDb;
    let db = TestDb::sqlite();
    let store = db.store().await.expect("store");
    let owner = new_user(&store, "mia").await;
    let done = completed(&store, owner, 5, 7).await;
    store.close().await;
    let path = db.sqlite_path().expect("sqlite file");
    let raw = std::fs::read(path).expect("read db");
    let wal =
        std::fs::read(db.sqlite_path().expect("p").with_extension("db-wal")).unwrap_or_default();
    for bytes in [&raw, &wal] {
        for needle in [&b"\"anxiety\""[..], b"{\"1\":7", b"avoidance"] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "plain {:?} found on disk",
                String::from_utf8_lossy(needle)
            );
        }
    }
    assert!(done.scores.is_some());
}

#[tokio::test]
async fn deleting_an_account_deletes_its_assessments() {
    each_backend(|store, backend| async move {
        let owner = new_user(&store, "zoe").await;
        let done = completed(&store, owner, 5, 4).await;
        store.delete_user(owner).await.expect("deleted");
        let again = new_user(&store, "zoe").await;
        assert!(store
            .completed_assessments(again, None)
            .await
            .expect("list")
            .is_empty());
        assert_eq!(
            store.assessment(owner, done.id).await.ok().flatten(),
            None,
            "{backend}"
        );
    })
    .await;
}
