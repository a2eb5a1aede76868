//! The server's integration tests: HTTP API and pages through a real socket, on SQLite and,
//! where `STEADY_TEST_POSTGRES_URL` is set, on PostgreSQL; browser tests where Chromium is.

mod api_accounts;
mod api_assessments;
mod api_thoughts;
mod api_urges;
mod assess_browser;
mod browser;
mod harness;
mod openapi;
mod pages;
mod pages_assess;
mod pages_thoughts;
