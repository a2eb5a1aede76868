//! One module per subcommand.

pub mod analyze;
pub mod assess;
pub mod crisis;
pub mod login;
pub mod serve;
pub mod thought;
pub mod urge;
