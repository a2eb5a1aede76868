//! Static files, compiled into the binary.

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

use crate::AppState;

macro_rules! asset {
    ($path:literal, $file:literal, $mime:literal) => {
        (
            $path,
            get(|| async {
                (
                    [
                        (CONTENT_TYPE, $mime),
                        (CACHE_CONTROL, "public, max-age=3600"),
                    ],
                    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/", $file))
                        .as_slice(),
                )
                    .into_response()
            }),
        )
    };
}

pub fn router() -> Router<AppState> {
    let routes = [
        asset!("/assets/app.css", "app.css", "text/css; charset=utf-8"),
        asset!(
            "/assets/thought.css",
            "thought.css",
            "text/css; charset=utf-8"
        ),
        asset!(
            "/assets/thought.js",
            "thought.js",
            "text/javascript; charset=utf-8"
        ),
        asset!("/assets/app.js", "app.js", "text/javascript; charset=utf-8"),
        asset!("/assets/icon.svg", "icon.svg", "image/svg+xml"),
        asset!("/assets/icon-192.png", "icon-192.png", "image/png"),
        asset!("/assets/icon-512.png", "icon-512.png", "image/png"),
        asset!(
            "/assets/icon-maskable-512.png",
            "icon-maskable-512.png",
            "image/png"
        ),
        asset!(
            "/assets/apple-touch-icon.png",
            "apple-touch-icon.png",
            "image/png"
        ),
        asset!(
            "/manifest.webmanifest",
            "manifest.webmanifest",
            "application/manifest+json"
        ),
        asset!("/favicon.ico", "favicon.ico", "image/x-icon"),
        asset!(
            "/assets/assess.css",
            "assess.css",
            "text/css; charset=utf-8"
        ),
    ];
    routes
        .into_iter()
        .fold(Router::new(), |r, (path, handler)| r.route(path, handler))
}
