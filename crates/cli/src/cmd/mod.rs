//! One module per subcommand.

pub mod analyze;
pub mod assess;
pub mod assess_take;
pub mod login;
pub mod serve;
pub mod urge;
