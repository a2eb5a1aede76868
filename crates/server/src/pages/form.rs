//! Helpers shared by every form: messages next to fields, and the choices of a radio group.

use steady_core::ValidationError;

/// Messages for the fields a person needs to look at again, in the order they were found.
#[derive(Debug, Clone, Default)]
pub struct Errors(Vec<(&'static str, String)>);

impl Errors {
    pub fn add(&mut self, field: &'static str, message: impl Into<String>) {
        if self.get(field).is_none() {
            self.0.push((field, message.into()));
        }
    }

    /// The message for `field`, if it has one.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// One message from a domain rule, under the field it names.
    pub fn from_validation(e: &ValidationError) -> Self {
        let mut errors = Errors::default();
        errors.add(e.field, sentence(&e.message));
        errors
    }
}

/// A domain message ("is in the future; ...") made into a sentence to show under a field.
pub fn sentence(message: &str) -> String {
    let starts_mid_sentence = ["is ", "should ", "may "]
        .iter()
        .any(|w| message.starts_with(w));
    if starts_mid_sentence {
        return sentence(&format!("This {message}"));
    }
    let mut chars = message.chars();
    let mut s = chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    });
    if !s.ends_with('.') {
        s.push('.');
    }
    s
}

/// One option of a radio group.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

impl Choice {
    /// Options from `(value, label)` pairs, with the one equal to `current` checked.
    pub fn list<'a>(
        options: impl IntoIterator<Item = (&'a str, &'a str)>,
        current: &str,
    ) -> Vec<Choice> {
        options
            .into_iter()
            .map(|(value, label)| Choice {
                value: value.to_owned(),
                label: label.to_owned(),
                checked: value == current.trim(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_message_per_field() {
        let mut e = Errors::default();
        e.add("trigger", "first");
        e.add("trigger", "second");
        assert_eq!(e.get("trigger"), Some("first"));
        assert_eq!(e.get("form"), None);
        assert!(!e.is_empty());
    }

    #[test]
    fn domain_messages_become_sentences() {
        assert_eq!(
            sentence("is in the future; log it later"),
            "This is in the future; log it later."
        );
        assert_eq!(sentence("Done."), "Done.");
        assert_eq!(sentence("wrong"), "Wrong.");
    }

    #[test]
    fn checks_the_current_choice() {
        let c = Choice::list([("a", "A"), ("b", "B")], "b");
        assert!(!c[0].checked);
        assert!(c[1].checked);
    }
}

/// Like `axum::Form`, but a body that cannot be read becomes the calm error page with a
/// message a person can act on, instead of a bare line of text.
#[derive(Debug)]
pub struct PageForm<T>(pub T);

impl<S, T> axum::extract::FromRequest<S> for PageForm<T>
where
    S: Send + Sync,
    T: serde::de::DeserializeOwned,
{
    type Rejection = crate::error::PageError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Form::<T>::from_request(req, state).await {
            Ok(axum::Form(value)) => Ok(PageForm(value)),
            Err(rejection) => {
                let error = if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                    crate::AppError::TooLarge(format!(
                        "What you sent is larger than the {} KiB this server accepts. Please shorten it and try again.",
                        crate::MAX_BODY_BYTES / 1024
                    ))
                } else {
                    crate::AppError::BadRequest(
                        "This form could not be read. Please go back, reload the page and try again."
                            .to_owned(),
                    )
                };
                Err(crate::error::PageError(error))
            }
        }
    }
}
