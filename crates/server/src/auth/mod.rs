//! Who is asking: passwords, tokens, sessions, CSRF.

pub mod csrf;
pub mod extract;
pub mod password;
pub mod throttle;
pub mod tokens;

pub use extract::{ApiUser, WebUser};
