//! One module per subcommand.

pub mod analyze;
pub mod assess;
pub mod assess_take;
pub mod crisis;
pub mod login;
pub mod output;
pub mod serve;
pub mod thought;
pub mod urge;
