use steady_core::ids::SessionId;
use steady_store::{ListQuery, NewSession, NewUser, SessionKind, Store, StoreError};

use crate::{each_backend, minutes, new_user, t0};

#[tokio::test]
async fn usernames_are_unique() {
    each_backend(|store, backend| async move {
        let id = new_user(&store, "robin").await;
        let found = store.user_by_username("robin").await.expect("query");
        let found = found.expect("found");
        assert_eq!(found.account.id, id, "{backend}");
        assert_eq!(found.account.time_zone, "Europe/Berlin");
        assert!(found.password_hash.starts_with("$argon2id$"));
        let again = store
            .create_user(NewUser {
                id: steady_core::ids::UserId::new(),
                username: "robin".to_owned(),
                password_hash: "x".to_owned(),
                time_zone: "UTC".to_owned(),
                now: t0(),
            })
            .await;
        assert!(
            matches!(again, Err(StoreError::Conflict(_))),
            "{backend}: {again:?}"
        );
        assert!(store
            .user_by_username("nobody")
            .await
            .expect("query")
            .is_none());
    })
    .await;
}

#[tokio::test]
async fn time_zone_can_change() {
    each_backend(|store, _| async move {
        let id = new_user(&store, "sam").await;
        store
            .set_time_zone(id, "America/New_York")
            .await
            .expect("set");
        let account = store.user(id).await.expect("query").expect("found");
        assert_eq!(account.time_zone, "America/New_York");
    })
    .await;
}

#[tokio::test]
async fn sessions_are_found_by_hash_until_they_expire() {
    each_backend(|store, backend| async move {
        let user = new_user(&store, "kai").await;
        let hash = vec![1u8; 32];
        store
            .create_session(NewSession {
                id: SessionId::new(),
                user_id: user,
                token_hash: hash.clone(),
                kind: SessionKind::Api,
                label: "cli".to_owned(),
                created_at: t0(),
                expires_at: t0() + minutes(60),
            })
            .await
            .expect("created");
        let live = store
            .session_by_token_hash(&hash, t0() + minutes(1))
            .await
            .expect("query");
        let live = live.expect("live");
        assert_eq!(live.user_id, user, "{backend}");
        assert_eq!(live.kind, SessionKind::Api);
        let expired = store
            .session_by_token_hash(&hash, t0() + minutes(61))
            .await
            .expect("query");
        assert!(expired.is_none(), "{backend}: expired session still found");
        assert!(store
            .session_by_token_hash(&[2u8; 32], t0())
            .await
            .expect("query")
            .is_none());
        store.delete_session(&hash).await.expect("deleted");
        assert!(store
            .session_by_token_hash(&hash, t0())
            .await
            .expect("query")
            .is_none());
    })
    .await;
}

#[tokio::test]
async fn deleting_an_account_removes_everything_it_owns() {
    each_backend(|store, backend| async move {
        let gone = new_user(&store, "gone").await;
        let stays = new_user(&store, "stays").await;
        for owner in [gone, stays] {
            crate::urges::log(&store, owner, t0(), "a private note").await;
            store
                .create_session(NewSession {
                    id: SessionId::new(),
                    user_id: owner,
                    token_hash: owner.0.as_bytes().to_vec(),
                    kind: SessionKind::Web,
                    label: "browser".to_owned(),
                    created_at: t0(),
                    expires_at: t0() + minutes(60),
                })
                .await
                .expect("session");
        }
        store.delete_user(gone).await.expect("deleted");
        assert!(
            store.user(gone).await.expect("query").is_none(),
            "{backend}"
        );
        assert!(store
            .list_urges(gone, ListQuery::default())
            .await
            .expect("query")
            .is_empty());
        assert!(store
            .session_by_token_hash(gone.0.as_bytes(), t0())
            .await
            .expect("query")
            .is_none());
        assert_eq!(
            store
                .list_urges(stays, ListQuery::default())
                .await
                .expect("query")
                .len(),
            1
        );
        assert!(store.user(stays).await.expect("query").is_some());
    })
    .await;
}
