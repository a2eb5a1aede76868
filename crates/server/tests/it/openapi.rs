//! The committed OpenAPI document (docs/openapi.json) is the one the code generates, so
//! outside tools that read it cannot drift from the server.

use std::path::Path;

#[test]
fn committed_openapi_document_matches_the_code() {
    let generated = serde_json::to_string_pretty(&steady_server::api::openapi())
        .expect("the document serializes")
        + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/openapi.json");
    if std::env::var_os("STEADY_UPDATE_OPENAPI").is_some() {
        std::fs::write(&path, &generated).expect("docs/openapi.json written");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/openapi.json is out of date; regenerate it with \
         `STEADY_UPDATE_OPENAPI=1 cargo test -p steady-server --test it openapi` and commit it"
    );
}
