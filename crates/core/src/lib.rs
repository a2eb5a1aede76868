//! Steady's domain: the types every other crate speaks, and the rules that need no I/O.
//!
//! Nothing in this crate reads a file, a socket, a database or the system clock: time
//! comes in through [`clock::Clock`], so every rule that depends on it is testable exactly.

pub mod account;
pub mod assessment;
pub mod clock;
pub mod crisis;
pub mod ids;
pub mod thought;
pub mod urge;
pub mod validation;

pub use clock::{Clock, ManualClock, SystemClock};
pub use validation::ValidationError;
