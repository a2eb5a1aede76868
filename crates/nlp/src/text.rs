//! Tokenising and normalising informal text.
//!
//! People write thoughts the way they text: lowercase, no apostrophes, "u" for
//! "you", "shes" for "she's", stretched letters ("sooo"). Every analyzer works on
//! the same normalised tokens, and each token remembers where it came from in the
//! original text (as Unicode character offsets) so findings can be pointed at.

use std::collections::HashMap;
use std::sync::OnceLock;

/// One normalised word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Lowercase, apostrophes removed, informal spellings expanded.
    pub word: String,
    /// Start of the source word, in Unicode characters.
    pub start: usize,
    /// End (exclusive) of the source word, in Unicode characters.
    pub end: usize,
    /// True for the first token after a sentence break.
    pub sentence_start: bool,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`')
}

fn is_sentence_break(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ';' | '\n' | '\u{2026}')
}

/// Splits `text` into normalised tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 4 + 1);
    let mut raw = String::new();
    let mut start = 0usize;
    let mut pending_break = true;
    let mut idx = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let word_char = c.is_alphanumeric()
            || (is_apostrophe(c)
                && !raw.is_empty()
                && chars.peek().is_some_and(|n| n.is_alphanumeric()));
        if word_char {
            if raw.is_empty() {
                start = idx;
            }
            if !is_apostrophe(c) {
                raw.extend(c.to_lowercase());
            }
        } else {
            if !raw.is_empty() {
                push_word(&mut out, &raw, start, idx, pending_break);
                pending_break = false;
                raw.clear();
            }
            if is_sentence_break(c) {
                pending_break = true;
            }
        }
        idx += 1;
    }
    if !raw.is_empty() {
        push_word(&mut out, &raw, start, idx, pending_break);
    }
    out
}

fn push_word(out: &mut Vec<Token>, raw: &str, start: usize, end: usize, brk: bool) {
    let squeezed = squeeze(raw);
    let word = squeezed.as_deref().unwrap_or(raw);
    let word = spelling().get(word).copied().unwrap_or(word);
    if word == "self" {
        if let Some(last) = out.last_mut().filter(|t| t.word == "my") {
            // "my self" -> "myself"
            last.word = "myself".to_string();
            last.end = end;
            return;
        }
    }
    if let Some(parts) = expansions().get(word) {
        for (i, p) in parts.iter().enumerate() {
            out.push(Token {
                word: (*p).to_string(),
                start,
                end,
                sentence_start: brk && i == 0,
            });
        }
    } else {
        out.push(Token {
            word: word.to_string(),
            start,
            end,
            sentence_start: brk,
        });
    }
}

/// Shortens stretched letters: "sooo" -> "so", "goood" -> "good".
fn squeeze(w: &str) -> Option<String> {
    let cs: Vec<char> = w.chars().collect();
    let mut has_run = false;
    for win in cs.windows(3) {
        if win[0] == win[1] && win[1] == win[2] && win[0].is_alphabetic() {
            has_run = true;
            break;
        }
    }
    if !has_run {
        return None;
    }
    let mut s = String::with_capacity(w.len());
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        let mut j = i;
        while j < cs.len() && cs[j] == c {
            j += 1;
        }
        let run = j - i;
        let keep = if run >= 3 && c.is_alphabetic() {
            if j == cs.len() {
                1
            } else {
                2
            }
        } else {
            run
        };
        for _ in 0..keep {
            s.push(c);
        }
        i = j;
    }
    Some(s)
}

/// Common misspellings of words the analyzers care about.
fn spelling() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        [
            ("alwyas", "always"),
            ("allways", "always"),
            ("alway", "always"),
            ("alwasy", "always"),
            ("alwys", "always"),
            ("awlays", "always"),
            ("nevr", "never"),
            ("neva", "never"),
            ("nver", "never"),
            ("becuase", "because"),
            ("becasue", "because"),
            ("beacuse", "because"),
            ("becuz", "because"),
            ("bcuz", "because"),
            ("bcz", "because"),
            ("cuz", "because"),
            ("coz", "because"),
            ("cos", "because"),
            ("bc", "because"),
            ("somthing", "something"),
            ("smth", "something"),
            ("sth", "something"),
            ("definately", "definitely"),
            ("defo", "definitely"),
            ("prolly", "probably"),
            ("probly", "probably"),
            ("prob", "probably"),
            ("probs", "probably"),
            ("rly", "really"),
            ("rlly", "really"),
            ("realy", "really"),
            ("txt", "text"),
            ("txts", "texts"),
            ("txted", "texted"),
            ("txting", "texting"),
            ("msg", "message"),
            ("msgs", "messages"),
            ("mssg", "message"),
            ("pls", "please"),
            ("plz", "please"),
            ("thx", "thanks"),
            ("ty", "thanks"),
            ("gf", "girlfriend"),
            ("bf", "boyfriend"),
            ("tho", "though"),
            ("thru", "through"),
            ("ppl", "people"),
            ("u", "you"),
            ("ya", "you"),
            ("yu", "you"),
            ("ur", "your"),
            ("urs", "yours"),
            ("r", "are"),
            ("nd", "and"),
            ("n", "and"),
            ("w", "with"),
            ("wit", "with"),
            ("abt", "about"),
            ("bout", "about"),
            ("wat", "what"),
            ("wut", "what"),
            ("wen", "when"),
            ("y", "why"),
            ("luv", "love"),
            ("lov", "love"),
            ("tmrw", "tomorrow"),
            ("tmr", "tomorrow"),
            ("tomoz", "tomorrow"),
            ("2morrow", "tomorrow"),
            ("2day", "today"),
            ("2nite", "tonight"),
            ("tonite", "tonight"),
            ("b4", "before"),
            ("l8r", "later"),
            ("nite", "night"),
            ("every1", "everyone"),
            ("evry", "every"),
            ("everytime", "everytime"),
            ("no1", "nobody"),
            ("noone", "nobody"),
            ("some1", "someone"),
            ("any1", "anyone"),
            ("anymore", "anymore"),
            ("ppl", "people"),
            ("thot", "thought"),
            ("kno", "know"),
            ("knw", "know"),
            ("dnt", "dont"),
            ("dont", "dont"),
            ("cnt", "cant"),
            ("wnt", "want"),
            ("ths", "this"),
            ("anymor", "anymore"),
            ("ovr", "over"),
            ("shud", "should"),
            ("shld", "should"),
            ("wud", "would"),
            ("wld", "would"),
            ("cud", "could"),
            ("cld", "could"),
            ("gud", "good"),
            ("ok", "okay"),
            ("k", "okay"),
            ("kk", "okay"),
            ("okk", "okay"),
            ("mayb", "maybe"),
            ("myslef", "myself"),
            ("mysef", "myself"),
            ("mself", "myself"),
            ("thier", "their"),
            ("freind", "friend"),
            ("freinds", "friends"),
            ("anythin", "anything"),
            ("nothin", "nothing"),
            ("somethin", "something"),
            ("everythin", "everything"),
            ("goin", "going"),
            ("doin", "doing"),
            ("feelin", "feeling"),
            ("tryin", "trying"),
            ("talkin", "talking"),
            ("lookin", "looking"),
            ("textin", "texting"),
            ("lyk", "like"),
            ("lik", "like"),
            ("srsly", "seriously"),
            ("ofc", "of course"),
            ("bday", "birthday"),
            ("hubby", "husband"),
            ("wifey", "wife"),
            ("cuting", "cutting"),
            ("cutin", "cutting"),
            ("stoped", "stopped"),
            ("gona", "gonna"),
            ("wakin", "waking"),
            ("checkin", "checking"),
            ("livin", "living"),
            ("dyin", "dying"),
            ("cuttin", "cutting"),
            ("gettin", "getting"),
            ("sayin", "saying"),
            ("comin", "coming"),
            ("leavin", "leaving"),
            ("cryin", "crying"),
            ("sleepin", "sleeping"),
            ("gunna", "gonna"),
            ("wana", "wanna"),
            ("sumthing", "something"),
            ("sumthin", "something"),
            ("hurtng", "hurting"),
            ("hurtin", "hurting"),
            ("liveing", "living"),
            ("livng", "living"),
            ("tierd", "tired"),
            ("tird", "tired"),
            ("culd", "could"),
            ("4ever", "forever"),
            ("forevr", "forever"),
            ("purpos", "purpose"),
            ("endin", "ending"),
            ("thinkin", "thinking"),
            ("burdun", "burden"),
            ("evryone", "everyone"),
            ("beter", "better"),
            ("dosnt", "doesnt"),
            ("agen", "again"),
            ("agian", "again"),
            ("suicidel", "suicidal"),
            ("sucidal", "suicidal"),
            ("kil", "kill"),
            ("myslf", "myself"),
        ]
        .into_iter()
        .collect()
    })
}

/// Contractions (with or without the apostrophe) and shorthand that stand for
/// several words. Expanded forms match the cognitive-distortion lexicon, which
/// is written without contractions ("does not", "I am").
fn expansions() -> &'static HashMap<&'static str, &'static [&'static str]> {
    static MAP: OnceLock<HashMap<&'static str, &'static [&'static str]>> = OnceLock::new();
    MAP.get_or_init(|| {
        let pairs: &[(&str, &[&str])] = &[
            ("im", &["i", "am"]),
            ("ive", &["i", "have"]),
            ("id", &["i", "would"]),
            ("ill", &["i", "will"]),
            ("youre", &["you", "are"]),
            ("youve", &["you", "have"]),
            ("youll", &["you", "will"]),
            ("youd", &["you", "would"]),
            ("hes", &["he", "is"]),
            ("shes", &["she", "is"]),
            ("theyre", &["they", "are"]),
            ("theyve", &["they", "have"]),
            ("theyll", &["they", "will"]),
            ("theyd", &["they", "would"]),
            ("hed", &["he", "would"]),
            ("shed", &["she", "would"]),
            ("shell", &["she", "will"]),
            ("itll", &["it", "will"]),
            ("weve", &["we", "have"]),
            ("wed", &["we", "would"]),
            ("thats", &["that", "is"]),
            ("whats", &["what", "is"]),
            ("wheres", &["where", "is"]),
            ("theres", &["there", "is"]),
            ("its", &["it", "is"]),
            ("dont", &["do", "not"]),
            ("doesnt", &["does", "not"]),
            ("didnt", &["did", "not"]),
            ("isnt", &["is", "not"]),
            ("arent", &["are", "not"]),
            ("wasnt", &["was", "not"]),
            ("werent", &["were", "not"]),
            ("havent", &["have", "not"]),
            ("hasnt", &["has", "not"]),
            ("hadnt", &["had", "not"]),
            ("wont", &["will", "not"]),
            ("wouldnt", &["would", "not"]),
            ("couldnt", &["could", "not"]),
            ("shouldnt", &["should", "not"]),
            ("cant", &["can", "not"]),
            ("cannot", &["can", "not"]),
            ("mustnt", &["must", "not"]),
            ("aint", &["am", "not"]),
            ("shouldve", &["should", "have"]),
            ("wouldve", &["would", "have"]),
            ("couldve", &["could", "have"]),
            ("mightve", &["might", "have"]),
            ("mustve", &["must", "have"]),
            ("shoulda", &["should", "have"]),
            ("woulda", &["would", "have"]),
            ("coulda", &["could", "have"]),
            ("gonna", &["going", "to"]),
            ("wanna", &["want", "to"]),
            ("gotta", &["have", "to"]),
            ("hafta", &["have", "to"]),
            ("hasta", &["has", "to"]),
            ("kinda", &["kind", "of"]),
            ("sorta", &["sort", "of"]),
            ("outta", &["out", "of"]),
            ("lemme", &["let", "me"]),
            ("gimme", &["give", "me"]),
            ("dunno", &["do", "not", "know"]),
            ("idk", &["i", "do", "not", "know"]),
            ("idc", &["i", "do", "not", "care"]),
            ("ily", &["i", "love", "you"]),
            ("rn", &["right", "now"]),
            ("atm", &["at", "the", "moment"]),
            ("imo", &["in", "my", "opinion"]),
            ("tbh", &["to", "be", "honest"]),
            ("ngl", &["not", "going", "to", "lie"]),
            ("everytime", &["every", "time"]),
            ("alot", &["a", "lot"]),
            ("of course", &["of", "course"]),
            ("nobodys", &["nobody", "is"]),
            ("everyones", &["everyone", "is"]),
            ("everythings", &["everything", "is"]),
            ("nothings", &["nothing", "is"]),
            ("whys", &["why", "is"]),
            ("hows", &["how", "is"]),
            ("whos", &["who", "is"]),
            ("thatll", &["that", "will"]),
            ("thisll", &["this", "will"]),
            ("nows", &["now", "is"]),
            ("lets", &["let", "us"]),
        ];
        pairs.iter().copied().collect()
    })
}

/// The normalised words of `text` joined by single spaces (for tests and tools).
pub fn normalize(text: &str) -> String {
    let toks = tokenize(text);
    let mut s = String::with_capacity(text.len() + 8);
    for (i, t) in toks.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&t.word);
    }
    s
}

/// Splits tokens into sentence ranges (`start..end` indices into `tokens`).
pub fn sentences(tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut begin = 0;
    for (i, t) in tokens.iter().enumerate() {
        if t.sentence_start && i > begin {
            out.push(begin..i);
            begin = i;
        }
    }
    if begin < tokens.len() {
        out.push(begin..tokens.len());
    }
    out
}

/// The original characters `start..end` of `text`.
pub fn char_slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_texting_style() {
        assert_eq!(
            normalize("shes done w me, u dont care"),
            "she is done with me you do not care"
        );
        assert_eq!(normalize("I'm sooo tired"), "i am so tired");
        assert_eq!(normalize("He won’t text back"), "he will not text back");
        assert_eq!(normalize("goood"), "good");
    }

    #[test]
    fn offsets_are_in_characters() {
        let toks = tokenize("é you never");
        assert_eq!(toks[1].word, "you");
        assert_eq!((toks[1].start, toks[1].end), (2, 5));
        assert_eq!(char_slice("é you never", 2, 11), "you never");
    }

    #[test]
    fn marks_sentences() {
        let toks = tokenize("He left. I cried! ok");
        let s = sentences(&toks);
        assert_eq!(s.len(), 3);
        assert_eq!(s[1], 2..4);
    }

    #[test]
    fn trailing_apostrophe_is_not_part_of_word() {
        assert_eq!(normalize("'hi' there'"), "hi there");
    }
}
