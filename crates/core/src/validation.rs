//! The one error type for input that breaks a domain rule, written for the person who sent it.

/// Input that breaks a rule. The message says what to change; it never echoes private text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct ValidationError {
    /// The field at fault, as named in the API.
    pub field: &'static str,
    /// What is wrong and how to put it right.
    pub message: String,
}

impl ValidationError {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
        }
    }
}

/// Checks a free-text field's length in characters; `max` is generous but bounded.
pub fn check_text(field: &'static str, text: &str, max: usize) -> Result<(), ValidationError> {
    let chars = text.chars().count();
    if chars > max {
        return Err(ValidationError::new(
            field,
            format!("is {chars} characters long; please keep it under {max}"),
        ));
    }
    Ok(())
}
