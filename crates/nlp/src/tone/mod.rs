//! Blaming wording ("you always ...", "it's your fault") and I-statement rewrites.
//!
//! Couples-therapy research finds that harsh, blaming openings predict how a
//! conversation ends (Gottman's "harsh start-up"; Gottman & Silver, *The Seven
//! Principles for Making Marriage Work*, 1999), and that "I feel ... when ... I
//! need ..." statements keep the focus on one's own experience. This module
//! finds the first kind and offers the second. Praise that shares the words
//! ("you always make me laugh", "you never fail to surprise me") and idioms
//! ("you never know") are not flagged.

pub mod model;

use crate::pattern::PatternSet;
use crate::text::{tokenize, Token};
use serde::Serialize;
use std::sync::OnceLock;

/// A blaming phrase, located by Unicode character offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The result of checking one message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ToneReport {
    /// True when the message contains blaming wording.
    pub blaming: bool,
    /// The blaming phrases found.
    pub spans: Vec<Span>,
    /// A suggested I-statement, when the message is blaming.
    pub rewrite: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Always,
    Never,
    MakeMe,
    Fault,
    Why,
    Label,
    DontCare,
    /// Found by the learned model, not by a cue.
    Learned,
}

const CUES: &[(Cue, &str)] = &[
    (Cue::Always, "you ?are|were ?just ?literally always|constantly|forever|continually|only"),
    (Cue::Always, "you ?just keep|keeps ?on _"),
    // texting "ur" stands for both "your" and "you're"
    (Cue::Always, "your always|constantly|forever|never"),
    (Cue::Always, "every ~1 time ~2 you"),
    (Cue::Never, "you ?are|were|do|did|will ?just ?literally never"),
    (Cue::Never, "you ~1 do|did|will|can|would not ever"),
    (Cue::MakeMe, "you ~1 make|made|making|makes ~1 me"),
    (Cue::Fault, "your|ur ~1 fault / because of you / thanks to you / you are|were the ~1 reason|problem / you did this / blame you"),
    (Cue::Fault, "you ~1 ruin|ruined|ruins|wreck|wrecked|destroyed|spoil|spoiled|spoilt ~2 everything|it|my|our|this|the"),
    (Cue::Why, "why ~1 can|could|will|would|do|did|does not you ~1 ever|just|once / why ~1 do|did|does|are|is you ~1 always|never|constantly|even|keep / why would you / how could you / what is wrong with you / how many times do|have|must i"),
    (Cue::Label, "you ?are ~1 ?so|such|a|an|being|really|too|completely|totally|just ~1 selfish|lazy|inconsiderate|rude|cold|mean|useless|pathetic|immature|childish|toxic|manipulative|controlling|needy|clingy|crazy|insensitive|liar|jerk|idiot|narcissist|narcissistic|asshole|selfish|careless|unreliable|heartless|dramatic|irresponsible|ungrateful|impossible|annoying|stupid"),
    // texting "ur"/"your" for "you're", only at the end of a clause: "ur impossible"
    (Cue::Label, "your ?so|really|too|just|literally selfish|lazy|inconsiderate|rude|cold|mean|useless|pathetic|immature|childish|toxic|manipulative|controlling|needy|clingy|crazy|insensitive|liar|jerk|idiot|narcissist|narcissistic|asshole|selfish|careless|unreliable|heartless|dramatic|irresponsible|ungrateful|impossible|annoying|stupid"),
    (Cue::DontCare, "you ~2 do|did not ~1 care|listen|respect|appreciate|help|try|notice|understand|support|bother|value / you only care|think ~2 yourself|you"),
    (Cue::DontCare, "you ~2 do|did not ~1 give ~1 a ~1 damn|shit|crap|fuck|toss / you ~1 care ~1 more ~1 about ~4 than ~2 me|us / more ~1 important ~1 than ~1 me|us / if ~1 you ~1 actually|really|truly|even ~1 cared|loved|respected|listened|wanted / you ~1 have|had ~1 not ~1 done ~1 a ~1 single ~1 thing / you ~1 still ~2 did|have not ~1 do|done"),
    (Cue::Fault, "this|it|that ~2 is|was|all ~1 on ~1 you / you ~1 started ~1 it|this|the|that / your ~1 mess / you ~1 managed ~1 to ~1 ruin|mess|wreck|spoil|embarrass / way ~1 to ~1 embarrass|ruin|humiliate|go|wreck ~1 ?me / you ~1 had ~1 to ~1 go ~1 and / thanks ~1 for ~1 nothing / you ~1 never ~1 once"),
    (Cue::Why, "why ~1 are ~1 you ~1 like ~1 this|that / why ~1 can not ~1 you ~1 be|just / how ~1 hard ~1 is ~1 it / can not ~1 you ~1 do ~1 one ~1 single|thing / what is ~1 your ~1 problem / once ~1 again ~2 i am ~1 the ~1 one / never ~1 you / classic|typical ~1 you / i ~1 asked ~1 you ~2 three|3|twice|two|five|so|how ~2 times / must ~1 be ~1 nice ~4 while ~1 i / nice ~1 of ~1 you ~1 to ~1 finally / great|good|nice ~1 job ~1 forgetting|ignoring|ruining|missing|leaving|embarrassing / this ~1 is ~1 exactly ~1 why"),
    (Cue::Fault, "you are|were ~1 the ~1 one ~2 who ~3 screwed|messed|ruined|started|broke|cheated|lied|wrecked / you are ~1 the ~1 worst / sick|tired ~1 of ~1 you|your / fine|okay|ok|happy|happier|less ~4 if ~1 you ~3 were not|had not|did not|stopped|would|was not / the ~1 only ~1 reason ~5 is ~1 you / you ~1 did ~1 it ~1 anyway"),
    (Cue::DontCare, "you ~1 can|could not ~1 even / you ~4 ignore|ignoring|ignored ~1 me"),
    (Cue::Label, "nobody|no one|noone ~2 can|could ~1 stand|stands ~1 you / you ~1 make|makes|made ~1 everything ~2 hard|harder|difficult|worse|awful|miserable"),
];

/// Words that, soon after a trigger, mark praise rather than blame.
const PRAISE: &[&str] = &[
    "laugh",
    "laughing",
    "smile",
    "smiling",
    "happy",
    "happier",
    "better",
    "loved",
    "safe",
    "special",
    "beautiful",
    "comfortable",
    "calm",
    "warm",
    "proud",
    "welcome",
    "appreciated",
    "cared",
    "wonderful",
    "amazing",
    "best",
    "great",
    "good",
    "fun",
    "thoughtful",
    "kind",
    "sweet",
    "lucky",
    "brighten",
    "cheer",
    "support",
    "supported",
    "seen",
    "heard",
    "understood",
    "know",
    "knew",
    "remember",
    "remembered",
    "delicious",
    "excited",
    "giggle",
    "grateful",
    "thankful",
    "strong",
    "relaxed",
    "whole",
    "blush",
    "glad",
    "cozy",
    "hopeful",
    "valued",
    "treasured",
    "adored",
    "beloved",
    "gorgeous",
    "pretty",
    "handsome",
    "stronger",
    "braver",
    "okay",
    "fine",
    "patient",
    "generous",
    "honest",
    "supportive",
    "caring",
    "gentle",
    "reliable",
];

/// After "never", these verbs make praise ("you never fail to ...").
const NEVER_PRAISE: &[&str] = &[
    "fail",
    "complain",
    "complained",
    "judge",
    "judged",
    "criticize",
    "criticise",
    "disappoint",
    "disappointed",
    "forget",
    "forgot",
    "let",
    "quit",
    "hesitate",
    "hesitated",
    "lie",
    "lied",
    "cease",
    "stop",
    "stopped",
    "gave",
    "give",
    "mind",
    "minded",
    "yelled",
    "yell",
    "raise",
    "cheated",
    "cheat",
    "hurt",
    "rush",
    "rushed",
    "pressure",
    "pressured",
    "know",
    "need",
    "have",
    "guess",
    "believe",
];

/// Everyday, kind habits: "you always sing in the car" is fondness, not blame,
/// unless a hurt word follows ("you always sing when I'm trying to sleep, it
/// makes me crazy").
const ALWAYS_KIND: &[&str] = &[
    "sing",
    "sings",
    "singing",
    "hum",
    "humming",
    "dance",
    "dancing",
    "cook",
    "cooks",
    "bake",
    "hug",
    "hugs",
    "kiss",
    "kisses",
    "cuddle",
    "smell",
    "smells",
    "surprise",
    "surprises",
    "help",
    "helps",
    "cheer",
    "share",
    "hold",
    "holds",
    "bring",
    "brings",
    "save",
    "saves",
    "whistle",
];

/// After "because of you" / "thanks to you", a good outcome makes it gratitude.
const FAULT_PRAISE: &[&str] = &[
    "believe", "passed", "finally", "made", "got", "learned", "learnt", "found", "smile", "hope",
    "trust", "healed", "survived", "managed", "met", "enjoy",
];

/// Faults that "never" denies: "you're never boring / late / rude" is praise.
const NEVER_FAULT: &[&str] = &[
    "boring",
    "late",
    "rude",
    "mean",
    "unkind",
    "dull",
    "judgmental",
    "selfish",
    "cruel",
    "lazy",
    "harsh",
    "cold",
    "wrong",
];

/// Negative words that make "you make me ..." blaming.
const HURT: &[&str] = &[
    "angry",
    "mad",
    "crazy",
    "sad",
    "miserable",
    "stupid",
    "worthless",
    "small",
    "guilty",
    "bad",
    "awful",
    "terrible",
    "anxious",
    "insecure",
    "jealous",
    "cry",
    "scream",
    "sick",
    "hate",
    "upset",
    "unwanted",
    "invisible",
    "ignored",
    "unloved",
    "unimportant",
    "alone",
    "lonely",
    "doubt",
    "wait",
    "nervous",
    "ashamed",
    "paranoid",
    "furious",
    "frustrated",
    "exhausted",
    "tired",
    "beg",
    "nothing",
    "burden",
    "idiot",
    "late",
    "question",
    "worse",
    "dumb",
    "ugly",
    "insane",
    "useless",
    "pathetic",
    "second",
    "feel",
    "want",
    "regret",
    "sorry",
    "apologize",
    "do",
    "clean",
    "pay",
];

fn cues() -> &'static PatternSet {
    static SET: OnceLock<PatternSet> = OnceLock::new();
    SET.get_or_init(|| PatternSet::new(CUES.iter().map(|(_, p)| *p)))
}

const AUX: &[&str] = &[
    "do", "did", "have", "has", "would", "will", "are", "were", "can", "could", "should", "if",
    "thank", "thanks", "as", "love", "like",
];

fn is_praise(cue: Cue, toks: &[Token], start: usize, end: usize) -> bool {
    let window = || toks.iter().skip(end).take(6).map(|t| t.word.as_str());
    // "do you always ...?" is a question, unless it starts with why/how.
    if start >= 1 && AUX.contains(&toks[start - 1].word.as_str()) && toks[start].word == "you" {
        let asked_why = start >= 2 && matches!(toks[start - 2].word.as_str(), "why" | "how");
        if !asked_why {
            return true;
        }
    }
    match cue {
        Cue::Never => {
            let word = |k: usize| toks.get(end + k).map(|t| t.word.as_str()).unwrap_or("");
            let next = word(0);
            // "you never have to ask" is kind; "you never have time for me" is not.
            if matches!(next, "have" | "need") {
                return word(1) == "to";
            }
            // "you never support me": a kind verb right after "never" is what is missing.
            if PRAISE.contains(&next) && !NEVER_PRAISE.contains(&next) {
                return false;
            }
            // "you never make me feel special" misses the good thing: blame.
            if matches!(next, "make" | "made") {
                return false;
            }
            NEVER_PRAISE.contains(&next)
                || NEVER_FAULT.contains(&next)
                || window().any(|w| PRAISE.contains(&w))
        }
        Cue::MakeMe => {
            let mut hurt = false;
            for w in window().take(5) {
                if PRAISE.contains(&w) {
                    return true;
                }
                hurt |= HURT.contains(&w);
            }
            !hurt
        }
        Cue::Always => {
            let next = toks.get(end).map(|t| t.word.as_str()).unwrap_or("");
            let hurt = toks
                .iter()
                .skip(end)
                .take(14)
                .any(|t| HURT.contains(&t.word.as_str()));
            window().take(8).any(|w| PRAISE.contains(&w))
                || (ALWAYS_KIND.contains(&next) && !hurt && !after_kind_is_up(toks, end))
        }
        Cue::Fault => {
            // "I don't blame you": denied.
            if toks[start.saturating_sub(2)..start]
                .iter()
                .any(|t| matches!(t.word.as_str(), "not" | "never"))
            {
                return true;
            }
            // A good outcome after "because of you" is gratitude, unless negated
            // ("because of you I don't trust anyone").
            let mut negated = false;
            for w in window().take(5) {
                if matches!(w, "not" | "never" | "no" | "nobody" | "anyone") {
                    negated = true;
                }
                if !negated && w != "whole" && (PRAISE.contains(&w) || FAULT_PRAISE.contains(&w)) {
                    return true;
                }
            }
            false
        }
        Cue::Label => {
            // "your lazy cousin": "your" is a possessive unless the clause ends.
            if toks[start].word == "your"
                && toks.get(end).is_some_and(|t| {
                    !matches!(
                        t.word.as_str(),
                        "and"
                            | "sometimes"
                            | "lately"
                            | "today"
                            | "tbh"
                            | "lol"
                            | "honestly"
                            | "again"
                    )
                })
            {
                return true;
            }
            // "you're never rude", "you are not selfish": denied, not blamed.
            let denied = toks[start..end - 1]
                .iter()
                .any(|t| matches!(t.word.as_str(), "never" | "not"));
            // "you look crazy good", "you're so annoyingly cute"
            denied || window().take(2).any(|w| PRAISE.contains(&w))
        }
        // "you don't care what people think" is admiration.
        Cue::DontCare => {
            let next = |k: usize| toks.get(end + k).map(|t| t.word.as_str()).unwrap_or("");
            toks[end - 1].word == "care"
                && next(0) == "what"
                && matches!(
                    next(1),
                    "people" | "others" | "anyone" | "they" | "everyone"
                )
        }
        Cue::Why | Cue::Learned => false,
    }
}

/// "you always bring up my ex": a phrasal verb, not a kind habit.
fn after_kind_is_up(toks: &[Token], end: usize) -> bool {
    toks.get(end + 1).is_some_and(|t| t.word == "up")
}

/// Which cue patterns matched (by index into `CUES`), and which of them survived the
/// praise and question checks (features for the learned model).
pub fn cue_ids(toks: &[Token]) -> (Vec<usize>, Vec<usize>) {
    let hits = cues().hits(toks);
    let all = hits.iter().map(|h| h.id).collect();
    let kept = hits
        .iter()
        .filter(|h| h.end > h.start && !is_praise(CUES[h.id].0, toks, h.start, h.end))
        .map(|h| h.id)
        .collect();
    (all, kept)
}

/// Checks one message for blaming wording: the hand-written cues first; when none
/// fires at all, the learned model may still find a blaming sentence, which becomes
/// the span.
pub fn analyze(text: &str) -> ToneReport {
    let toks = tokenize(text);
    let mut spans: Vec<Span> = Vec::new();
    let mut first: Option<(Cue, usize, usize)> = None;
    let mut hits = cues().hits(&toks);
    let any_cue = !hits.is_empty();
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut covered_to = 0usize;
    for h in hits {
        let cue = CUES[h.id].0;
        if h.end <= h.start || is_praise(cue, &toks, h.start, h.end) {
            continue;
        }
        let (cs, ce) = (toks[h.start].start, toks[h.end - 1].end);
        if cs < covered_to {
            if let Some(last) = spans.last_mut() {
                if ce > last.end {
                    last.end = ce;
                    last.text = crate::text::char_slice(text, last.start, ce);
                }
            }
            covered_to = covered_to.max(ce);
            continue;
        }
        covered_to = ce;
        spans.push(Span {
            start: cs,
            end: ce,
            text: crate::text::char_slice(text, cs, ce),
        });
        if first.is_none() {
            first = Some((cue, h.start, h.end));
        }
    }
    // A cue that fired and was cleared as praise or a question settles it; the
    // model speaks only where no cue fired at all.
    if !any_cue {
        let found = model::most_blaming(&toks).filter(|(p, r)| *p >= 0.5 && !r.is_empty());
        if let Some((_, r)) = found {
            let (cs, ce) = (toks[r.start].start, toks[r.end - 1].end);
            spans.push(Span {
                start: cs,
                end: ce,
                text: crate::text::char_slice(text, cs, ce),
            });
            first = Some((Cue::Learned, r.start, r.end));
        }
    }
    let rewrite = first.map(|(cue, s, e)| rewrite(text, &toks, cue, s, e));
    ToneReport {
        blaming: !spans.is_empty(),
        spans,
        rewrite,
    }
}

const FEELINGS: &[&str] = &[
    "hurt",
    "sad",
    "lonely",
    "anxious",
    "frustrated",
    "overwhelmed",
    "ignored",
    "unimportant",
    "scared",
    "worried",
    "disappointed",
    "tired",
    "exhausted",
    "stressed",
    "upset",
    "alone",
    "jealous",
    "insecure",
    "embarrassed",
    "angry",
    "invisible",
    "unheard",
    "unwanted",
    "small",
    "stupid",
    "guilty",
    "nervous",
    "confused",
    "unloved",
    "neglected",
    "drained",
];

/// The words after the trigger up to the end of the clause, from the original text.
fn rest_of_clause(text: &str, toks: &[Token], end: usize) -> Option<String> {
    let first = toks.get(end)?;
    let mut last = first;
    for t in &toks[end..] {
        if t.sentence_start && !std::ptr::eq(t, first) {
            break;
        }
        if matches!(
            t.word.as_str(),
            "but" | "so" | "and" | "because" | "lol" | "though"
        ) && !std::ptr::eq(t, first)
        {
            break;
        }
        last = t;
    }
    let s = crate::text::char_slice(text, first.start, last.end);
    let s = s
        .trim()
        .trim_end_matches([',', '.', '!', '?', ';'])
        .to_string();
    (!s.is_empty()).then_some(s)
}

fn past_to_base(w: &str) -> String {
    const IRREGULAR: &[(&str, &str)] = &[
        ("said", "say"),
        ("told", "tell"),
        ("came", "come"),
        ("went", "go"),
        ("gave", "give"),
        ("took", "take"),
        ("made", "make"),
        ("thought", "think"),
        ("bought", "buy"),
        ("forgot", "forget"),
        ("left", "leave"),
        ("heard", "hear"),
        ("paid", "pay"),
        ("got", "get"),
        ("did", "do"),
        ("brought", "bring"),
        ("kept", "keep"),
        ("wrote", "write"),
        ("spent", "spend"),
        ("saw", "see"),
    ];
    if let Some((_, b)) = IRREGULAR.iter().find(|(p, _)| *p == w) {
        return (*b).to_string();
    }
    if let Some(stem) = w.strip_suffix("ied") {
        return format!("{stem}y");
    }
    if let Some(stem) = w.strip_suffix("ed") {
        let b = stem.as_bytes();
        if b.len() >= 2
            && b[b.len() - 1] == b[b.len() - 2]
            && !matches!(b[b.len() - 1], b'l' | b's' | b'z')
        {
            return stem[..stem.len() - 1].to_string();
        }
        if stem.ends_with(['c', 'v', 'z', 'g', 'u']) || stem.ends_with("at") || stem.ends_with("ar")
        {
            return format!("{stem}e");
        }
        return stem.to_string();
    }
    w.to_string()
}

fn rewrite(text: &str, toks: &[Token], cue: Cue, s: usize, e: usize) -> String {
    let lower: Vec<&str> = toks.iter().map(|t| t.word.as_str()).collect();
    let feeling = lower
        .iter()
        .find(|w| FEELINGS.contains(w))
        .map(|w| match *w {
            "stupid" => "small",
            "angry" => "angry",
            other => other,
        })
        .unwrap_or(match cue {
            Cue::Always | Cue::Why => "frustrated",
            Cue::Fault => "upset",
            _ => "hurt",
        });
    // texting "ur always" means "you're always"
    let has_be = toks[s].word == "your"
        || toks[s..e]
            .iter()
            .any(|t| matches!(t.word.as_str(), "are" | "were"));
    let rest = rest_of_clause(text, toks, e);
    let (situation, need) = match (cue, rest) {
        (Cue::Always, Some(r)) => {
            let be = if has_be { "are " } else { "" };
            let keep = if toks[s..e].iter().any(|t| t.word.starts_with("keep")) {
                "keep "
            } else {
                ""
            };
            let r = if keep.is_empty() {
                r
            } else {
                strip_first_word(&r)
            };
            (
                format!("when you {be}{keep}{r}"),
                "us to find a way of handling this that works for both of us".to_string(),
            )
        }
        (Cue::Never, Some(r)) => {
            let (situation, action) = if has_be {
                (format!("when you are not {r}"), None)
            } else {
                let first = lower.get(e).copied().unwrap_or("");
                if first.ends_with("ed") || past_to_base(first) != first {
                    let base = past_to_base(first);
                    let tail = strip_first_word(&r);
                    let act = join(&base, &tail);
                    (format!("when you didn't {act}"), None)
                } else {
                    (format!("when you don't {r}"), Some(r))
                }
            };
            let need = match action {
                Some(a) => format!("you to {a} more often, even in a small way"),
                None => "us to talk about what would help next time".to_string(),
            };
            (situation, need)
        }
        (Cue::DontCare, Some(r)) => {
            let verb = lower.get(e - 1).copied().unwrap_or("care");
            (
                format!("when it seems like you don't {verb} {r}"),
                "to hear that I matter to you, and for us to talk about it calmly".to_string(),
            )
        }
        (Cue::Why, Some(r)) if !r.is_empty() => {
            let neg = toks[s..e]
                .iter()
                .any(|t| t.word == "not" || t.word == "never");
            let sit = if neg {
                format!("when you don't {r}")
            } else {
                format!("when you {r}")
            };
            (sit, "us to talk about what would help".to_string())
        }
        (Cue::Fault, Some(r))
            if toks[s..e]
                .iter()
                .any(|t| t.word == "fault" || t.word == "of" || t.word == "to") =>
        {
            (
                format!("when {r}"),
                "us to work out together what happened and what would help next time".to_string(),
            )
        }
        (Cue::MakeMe, rest) => {
            let when = lower
                .iter()
                .position(|w| *w == "when")
                .and_then(|i| rest_of_clause(text, toks, i + 1));
            let sit = match when {
                Some(w) => format!("when {w}"),
                None => match rest {
                    Some(_) => "when that happens".to_string(),
                    None => "in those moments".to_string(),
                },
            };
            (
                sit,
                "us to talk about it calmly, so I can tell you what I need".to_string(),
            )
        }
        _ => (
            "when we're in moments like this".to_string(),
            "us to slow down and talk about what each of us needs".to_string(),
        ),
    };
    let situation = situation.trim_end();
    format!("I feel {feeling} {situation}. I need {need}.")
}

fn strip_first_word(s: &str) -> String {
    s.split_once(char::is_whitespace)
        .map(|(_, r)| r.trim().to_string())
        .unwrap_or_default()
}

fn join(a: &str, b: &str) -> String {
    if b.is_empty() {
        a.to_string()
    } else {
        format!("{a} {b}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_blaming_with_char_offsets() {
        let r = analyze("Honestly… you never listen to me");
        assert!(r.blaming);
        assert_eq!(r.spans[0].text, "you never");
        assert_eq!(r.spans[0].start, 10);
        let rw = r.rewrite.unwrap_or_default();
        assert!(
            rw.starts_with("I feel hurt when you don't listen to me."),
            "{rw}"
        );
    }

    #[test]
    fn leaves_praise_and_idioms_alone() {
        for t in [
            "I always feel better after our walks",
            "you never know",
            "you always make me laugh",
            "you never fail to surprise me",
            "do you always take the bus?",
            "you make me feel safe",
        ] {
            assert!(!analyze(t).blaming, "{t}");
        }
    }

    #[test]
    fn texting_ur_always_reads_as_you_are() {
        let r = analyze("ur always on ur phone");
        assert!(r.blaming);
        let rw = r.rewrite.unwrap_or_default();
        assert!(rw.contains("when you are on ur phone"), "{rw}");
    }

    #[test]
    fn past_tense_is_rewritten_to_base() {
        let r = analyze("you never called me back last night");
        let rw = r.rewrite.unwrap_or_default();
        assert!(
            rw.contains("when you didn't call me back last night"),
            "{rw}"
        );
        assert_eq!(past_to_base("noticed"), "notice");
        assert_eq!(past_to_base("stopped"), "stop");
        assert_eq!(past_to_base("tried"), "try");
    }
}
