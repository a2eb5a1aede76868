//! The request coach: from a vague, global question ("Do you still love me?")
//! to a specific, doable, time-bound request ("I'd appreciate a check-in text
//! after work today").
//!
//! A request that is easy to say yes to names the need behind it, one
//! observable action, and a time (in the spirit of Nonviolent Communication's
//! "observation, feeling, need, request", Rosenberg 2003, and of the
//! "soft start-up" in Gottman's couples work). Reassurance-seeking questions
//! usually carry none of the three, which is why their answers soothe only
//! briefly.

use crate::pattern::{Hit, PatternSet};
use crate::text::{char_slice, tokenize, Token};
use serde::Serialize;
use std::sync::OnceLock;

/// What kind of message this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// A general question looking for reassurance ("are we okay?").
    GlobalReassurance,
    /// A request for something the other person can do.
    SpecificRequest,
    /// Neither (a statement, an everyday question).
    Other,
}

/// A part that a clear request has and this one lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    /// The feeling or need behind the request.
    Need,
    /// Something observable the other person could do.
    Action,
    /// When.
    Time,
}

/// The coach's reading of one message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestReport {
    pub kind: RequestKind,
    pub missing: Vec<Missing>,
    /// Two or three clearer versions built from the person's own words
    /// (empty when the message is not a request).
    pub rewrites: Vec<String>,
    /// What a clear request has, in one line.
    pub explanation: &'static str,
    /// One tip per missing part.
    pub tips: Vec<&'static str>,
    /// Reminder of the triage step: a repeat question belongs to the delay flow.
    pub triage: &'static str,
}

/// What a clear request has.
pub const EXPLANATION: &str = "A request that is easy to say yes to says what you need, one thing the other person could do, and when.";

/// The triage reminder shown with every coached request.
pub const TRIAGE: &str = "If you have asked this before and already heard the answer, this may be the checking loop: the delay ladder may help more than asking again.";

const TIP_NEED: &str =
    "Say the feeling or need behind it, for example \"I've been feeling a bit far from you\".";
const TIP_ACTION: &str =
    "Ask for one thing they could do that you would both notice: a text, a call, a hug, a walk.";
const TIP_TIME: &str = "Say when: \"after work today\", \"before bed\", \"on Saturday morning\".";

const GLOBAL: &[&str] = &[
    "do|does|did ?you ?still|even|really|actually ?really love|like|want|care|miss|need|adore|fancy ~3 me|us|about",
    "do|does|did ?you ?still|even|really ~1 find ~1 me ~2 attractive|pretty|hot|cute|sexy|beautiful|handsome|interesting",
    "are|r ~1 we ~2 okay|good|fine|alright|solid|still|cool|over|breaking|done|going|safe",
    "are ~1 you ~3 going|mad|angry|upset|annoyed|bored|tired|sick|done|over|leaving|happy|still|attracted|sure|cheating|losing|mad|regretting|pulling|falling|into|okay|sad|disappointed|serious|committed|embarrassed|ashamed|hiding|lying",
    "am ~1 i ~3 enough|too|annoying|ugly|attractive|pretty|boring|burden|the|good|still|your|special|important|a|clingy|needy|lovable|wanted|fat|smart|interesting|okay|being|doing|bothering",
    "is ~1 everything|something|anything|this|it|there ~3 okay|ok|fine|alright|good|wrong|between|someone|somebody|else|us|over",
    "promise ~4 leave|love|stay|forever|always|mean",
    "tell ~1 me ~3 love|okay|fine|good|still|mean|want|care|matter|forever|stay|leave|us|promise|nothing|happy",
    "will|would ~1 you ~3 leave|love|stay|choose|marry|regret|cheat|miss|forget|get|ever|always|still|replace",
    "do|does|did ~1 you ~2 regret|think|wish|ever|mean|promise|hate|resent|blame|trust ~3 me|us|it|about|someone|leaving|else",
    "what ~1 are ~1 we / where ~1 is ~1 this ~1 going / what ~1 am ~1 i ~1 to ~1 you / why ~1 do|would ~1 you ~1 love|like|want|stay|choose ~1 me / how ~1 much ~1 do ~1 you ~1 love|like|care",
    "did ~1 i ~2 do|say ~2 something|anything ~1 wrong|bad|upset|to / did ~1 i ~2 upset|annoy|hurt|bother|ruin",
    "reassure ~1 me / need ~1 reassurance / you ~1 still ~2 love|like|want ~2 me ~1 right",
    "is ~1 it ~2 me / is ~1 there ~1 someone|somebody|anyone ~1 else",
    "you ~1 are ~1 not ~2 leaving|going / you ~1 would ~1 not ~1 leave|cheat",
    "do ~1 you ~1 want ~1 to ~2 break ~1 up|be ~1 with ~1 me|stay|leave|be ~1 together",
    "are ~1 you ~2 still ~2 in ~1 love",
    // tag questions: "we're ok, right?", "you'd tell me if something was wrong, right?"
    // "we're" loses its apostrophe and reads as "were"
    "we ~1 are|were ~2 okay|ok|good|fine|solid|alright ~2 right|yeah|yes|yea|no / were ~1 okay|ok|good|fine|solid|alright ~2 right|yeah|yes|yea|no",
    "you ~1 would|will ~1 tell|say ~2 me|if ~1 if|something|you / you ~1 would|will ~2 never|not ~1 cheat|leave|lie|hurt|stop|give",
    "you ~1 do not ~1 hate|resent ~1 me / you ~1 still ~4 right|yeah / you ~2 miss|love|want|like ~2 me ~2 too|right|yeah",
    "do|does ~1 i|my ~3 make ~1 you ~2 happy|want|unhappy|sad|leave|miserable|tired|sick",
    "do ~1 you ~1 still ~1 enjoy|feel|like|think|want|find|see|get|care|picture",
    "do ~1 you ~1 feel ~2 the ~1 same / do ~1 you ~1 think ~1 i ~1 am",
    "is ~1 it ~1 getting ~3 boring|old|hard|harder|tiring / is ~1 this ~1 still ~1 what ~1 you / is ~1 your ~1 heart ~1 still / is ~1 that ~1 too ~1 much ~2 for ~1 you / is ~1 there ~1 anything ~2 about ~1 me",
    "promise ~4 okay|ok|fine|good|not|never|unhappy|give|stop|loving|we|you|us",
    "tell ~1 me ~1 i|we|you|it ~3 not|going|be|okay|fine|ruin|ruined|crazy|good|did",
    "need ~1 to ~1 hear ~3 you|we|that|it / will ~1 we ~1 be ~2 ok|okay|fine|alright|good|together / would|will ~1 you ~1 still ~1 pick|choose|want|love",
];

const REQUEST_FORM: &[&str] = &[
    "can|could|would|will|cn|cld|wld ?possibly|just|maybe|also|please you|u ?please ?maybe ?just ?possibly ?also _",
    // the imperative, to the partner: "text me once you've left", "pls tell me when ur home"
    "text|call|ring|message|msg|phone|facetime|tell|drop|send|ping|remind|hug|wake ~1 me",
    "would ~1 it ~2 be|make ~4 if ~1 i ~1 asked / do ~1 you ~1 think ~1 you ~1 could|can|would",
    "please _",
    "i ?would ~1 like|love|appreciate|prefer ~3 if|it|you|us|a|an|some|to|for|one|that|more|the",
    "it ~2 would|will|could ~1 help|mean|be ~3 if|you|to|a",
    "can|could|shall|should|would ~1 we _",
    "let ~1 us _ / how ~1 about ~2 we|a|an|if|you",
    "i ~1 need|want ~1 you ~1 to / i ~1 need|want ~2 a|an|some|more|us|one ~2 call|text|hug|time|date|night|walk|check|message|minutes|evening|dinner|chat|talk|call|update|day|morning|hour",
    "do ~1 you ~1 mind ~1 if|to|texting|calling|coming|picking|helping|letting|sending|telling|making|checking|sitting|spending|giving|taking",
    "would ~1 it ~1 be ~1 okay|ok|possible|alright",
    "maybe ~2 we|you ~1 could|can",
    "wanna|want to ~2 grab|get|go|watch|cook|do|have|come|meet|hang|walk",
];

const ACTIONS: &[&str] = &[
    "text",
    "texts",
    "texting",
    "call",
    "calls",
    "calling",
    "message",
    "messages",
    "hug",
    "hugs",
    "hold",
    "come",
    "meet",
    "pick",
    "cook",
    "walk",
    "plan",
    "help",
    "sit",
    "spend",
    "check",
    "send",
    "join",
    "watch",
    "go",
    "take",
    "bring",
    "remind",
    "wake",
    "kiss",
    "leave",
    "note",
    "tell",
    "ask",
    "show",
    "cuddle",
    "dinner",
    "date",
    "lunch",
    "breakfast",
    "coffee",
    "phone",
    "facetime",
    "video",
    "drive",
    "visit",
    "stay",
    "put",
    "turn",
    "listen",
    "talk",
    "chat",
    "update",
    "reply",
    "respond",
    "answer",
    "let",
    "share",
    "write",
    "sit",
    "read",
    "make",
    "grab",
    "buy",
    "book",
    "schedule",
    "clean",
    "wash",
    "do",
    "set",
    "keep",
    "give",
    "hang",
    "dance",
    "play",
    "swap",
    "ring",
    "ping",
    "dm",
    "pray",
    "rub",
    "massage",
    "snuggle",
    "hand",
    "save",
    "pay",
    "fix",
    "look",
    "try",
    "carve",
    "block",
    "agree",
    "start",
    "finish",
    "stop",
    "hear",
    "walks",
    "dinners",
    "dates",
    "calls",
    "coming",
    "cuddling",
    "sharing",
    "drop",
    "location",
    "picking",
    "sitting",
    "joining",
    "driving",
    "telling",
    "letting",
    "checking",
    "spending",
];

/// Actions that are not observable on their own ("tell me you love me" still is
/// reassurance): only counted when something else specific comes with them.
const SOFT_ACTIONS: &[&str] = &[
    "tell", "show", "let", "be", "love", "say", "promise", "reassure", "keep", "try", "stay",
    "give", "make", "do",
];

const TIME: &[&str] = &[
    "today|tonight|tomorrow|tmrw|tonite|later|weekend|weekends|weekday|weekdays|morning|mornings|evening|evenings|afternoon|afternoons|night|nights|lunchtime|bedtime|noon|midday|daily|weekly|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|o'clock|oclock|pm|am|asap|soon|minutes|hour|hours|week",
    "after|before|during|at|by|around|on|over ~1 work|dinner|lunch|breakfast|class|school|practice|training|gym|the|your|my|our|bed|noon|midnight|midday|shift|meeting|call|commute|break|trip",
    "when|once|whenever ~1 you ~2 get|arrive|land|leave|left|wake|finish|are|come|have|go|head|reach|see|hear|clock|start",
    "when|once ~1 your|you|you are ~1 home|back|done|free|ready|there|out|safe|off|up",
    "at|by|around|until|till|before|after ~1 1|2|3|4|5|6|7|8|9|10|11|12|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|quarter",
    "1|2|3|4|5|6|7|8|9|10|11|12|10pm|6pm|7pm|8pm|9pm|5pm|noon ?pm|am|ish|oclock",
    "every|each|once|twice ~1 day|night|morning|evening|week|weekend|time|a",
    "this|next|that ~1 week|weekend|month|year|time|evening|morning|afternoon|friday|saturday|sunday|monday|tuesday|wednesday|thursday",
];

const NEED: &[&str] = &[
    "i ~2 feel|feeling|felt|miss|missed|need|worry|worried|get|got|been|am ~3 anxious|nervous|insecure|lonely|alone|disconnected|far|distant|unsure|scared|worried|wobbly|uneasy|close|better|calmer|safe|secure|loved|connected|unsettled|sad|stressed|overwhelmed|left|forgotten|you|out|down|low|uncertain|on|edge|like|that|so|really|a|bit|little",
    "it ~1 would|will|helps|help|means|makes ~2 help|mean|helps|me|calm|settle|reassure|a|lot|so",
    "because|since|so ~1 i ~1 can|could|feel|know|do|am|will|would|worry|get|miss|need|have|do|was",
    "i ~1 would ~1 feel|love|like|appreciate|sleep|relax|worry",
    "helps|help ~1 me ~2 feel|relax|calm|settle|sleep|know|not",
    "to ~1 feel|know ~2 close|safe|connected|better|loved|calmer|okay|that",
    "i ~1 need|want ~2 to ~1 feel|know|hear|be|connect",
    "i ~2 have ~1 been ~1 feeling|missing|worrying|stressing",
    "i ~1 miss|missed ~1 you|us|your|our|spending|having|talking",
    "makes ~1 me ~1 feel / so ~1 that ~1 i / it ~1 means ~2 a ~1 lot / i ~1 love ~1 it ~1 when",
];

struct Sets {
    global: PatternSet,
    request: PatternSet,
    time: PatternSet,
    need: PatternSet,
}

fn sets() -> &'static Sets {
    static S: OnceLock<Sets> = OnceLock::new();
    S.get_or_init(|| Sets {
        global: PatternSet::new(GLOBAL.iter().copied()),
        request: PatternSet::new(REQUEST_FORM.iter().copied()),
        time: PatternSet::new(TIME.iter().copied()),
        need: PatternSet::new(NEED.iter().copied()),
    })
}

/// Coaches one message.
pub fn analyze(text: &str) -> RequestReport {
    let toks = tokenize(text);
    let s = sets();
    let global = s.global.hits(&toks);
    let request = s.request.hits(&toks);
    let time = first_time(&s.time.hits(&toks));
    let has_need = !s.need.hits(&toks).is_empty();
    let actions: Vec<usize> = (0..toks.len())
        .filter(|&i| ACTIONS.contains(&toks[i].word.as_str()))
        .collect();
    let in_global = |i: usize| global.iter().any(|h| h.start <= i && i < h.end);
    let concrete = actions
        .iter()
        .any(|&i| !SOFT_ACTIONS.contains(&toks[i].word.as_str()) && !in_global(i));
    let has_action = concrete || (!actions.is_empty() && time.is_some());

    let specific_enough = concrete && time.is_some();
    let kind = if !global.is_empty() && !specific_enough {
        RequestKind::GlobalReassurance
    } else if !request.is_empty() && (has_action || !global.is_empty()) {
        RequestKind::SpecificRequest
    } else if !global.is_empty() {
        RequestKind::GlobalReassurance
    } else {
        RequestKind::Other
    };

    let mut missing = Vec::new();
    if kind != RequestKind::Other {
        if !has_need {
            missing.push(Missing::Need);
        }
        let global_without_ask =
            kind == RequestKind::GlobalReassurance && (!concrete || request.is_empty());
        if !has_action || global_without_ask {
            missing.push(Missing::Action);
        }
        if time.is_none() {
            missing.push(Missing::Time);
        }
    }
    let tips = missing
        .iter()
        .map(|m| match m {
            Missing::Need => TIP_NEED,
            Missing::Action => TIP_ACTION,
            Missing::Time => TIP_TIME,
        })
        .collect();
    let ctx = Context::read(text, &toks, time, &request, &global);
    let rewrites = match kind {
        RequestKind::GlobalReassurance => ctx.global_rewrites(),
        RequestKind::SpecificRequest => ctx.specific_rewrites(has_need),
        RequestKind::Other => Vec::new(),
    };
    RequestReport {
        kind,
        missing,
        rewrites,
        explanation: EXPLANATION,
        tips,
        triage: TRIAGE,
    }
}

fn first_time(hits: &[Hit]) -> Option<(usize, usize)> {
    hits.iter().map(|h| (h.start, h.end)).min()
}

/// Pieces of the person's own words used in the rewrites.
struct Context {
    time: Option<String>,
    action: Option<String>,
    since: Option<String>,
    feeling: &'static str,
}

impl Context {
    fn read(
        text: &str,
        toks: &[Token],
        time: Option<(usize, usize)>,
        request: &[Hit],
        global: &[Hit],
    ) -> Context {
        let time_str = time.map(|(s, e)| {
            let (mut s, mut e) = (s, e);
            // extend "when you get home" style clauses to the end of the clause
            if toks[s].word == "when" || matches!(toks[s].word.as_str(), "after" | "before") {
                while e < toks.len() && !toks[e].sentence_start && !is_clause_break(&toks[e].word) {
                    e += 1;
                }
            }
            while s < e && matches!(toks[s].word.as_str(), "and" | "but") {
                s += 1;
            }
            clean(&char_slice(text, toks[s].start, toks[e - 1].end))
        });
        let action = request.iter().find_map(|h| {
            let mut s = h.end.saturating_sub(1);
            while s < toks.len()
                && matches!(
                    toks[s].word.as_str(),
                    "please" | "maybe" | "just" | "possibly" | "also" | "you" | "we" | "us"
                )
            {
                s += 1;
            }
            if s >= toks.len() || !ACTIONS.contains(&toks[s].word.as_str()) {
                return None;
            }
            let mut e = s + 1;
            let stop = time.map(|(ts, _)| ts).unwrap_or(usize::MAX);
            while e < toks.len()
                && e < stop
                && !toks[e].sentence_start
                && !is_clause_break(&toks[e].word)
            {
                e += 1;
            }
            Some(clean(&char_slice(text, toks[s].start, toks[e - 1].end)))
        });
        let since = toks
            .iter()
            .position(|t| matches!(t.word.as_str(), "since" | "after" | "lately" | "recently"))
            .and_then(|i| {
                if toks[i].word == "lately" || toks[i].word == "recently" {
                    return Some(toks[i].word.clone());
                }
                let mut e = i + 1;
                while e < toks.len()
                    && !toks[e].sentence_start
                    && !is_clause_break(&toks[e].word)
                    && e < i + 7
                {
                    e += 1;
                }
                (e > i + 1).then(|| {
                    clean(&char_slice(text, toks[i].start, toks[e - 1].end)).to_lowercase()
                })
            });
        let words: Vec<&str> = global
            .iter()
            .flat_map(|h| toks[h.start..h.end].iter().map(|t| t.word.as_str()))
            .collect();
        let feeling = if words.iter().any(|w| {
            matches!(
                *w,
                "mad" | "angry" | "upset" | "annoyed" | "wrong" | "bother" | "bothering"
            )
        }) {
            "calmer"
        } else if words.iter().any(|w| {
            matches!(
                *w,
                "attractive"
                    | "pretty"
                    | "hot"
                    | "cute"
                    | "sexy"
                    | "beautiful"
                    | "handsome"
                    | "ugly"
                    | "fat"
            )
        }) {
            "wanted"
        } else if words.iter().any(|w| {
            matches!(
                *w,
                "leave"
                    | "leaving"
                    | "stay"
                    | "going"
                    | "forever"
                    | "marry"
                    | "over"
                    | "done"
                    | "break"
                    | "cheat"
                    | "cheating"
                    | "else"
            )
        }) {
            "secure"
        } else if words.iter().any(|w| {
            matches!(
                *w,
                "enough" | "boring" | "burden" | "annoying" | "important" | "special"
            )
        }) {
            "valued"
        } else {
            "close to you"
        };
        Context {
            time: time_str,
            action,
            since,
            feeling,
        }
    }

    fn global_rewrites(&self) -> Vec<String> {
        let when = self.time.as_deref();
        let since = self
            .since
            .as_deref()
            .map(|s| format!(" {s}"))
            .unwrap_or_default();
        vec![
            format!("I'd appreciate a check-in text {}.", when.unwrap_or("after work today")),
            format!(
                "I've been feeling a bit unsure{since}. Could we spend ten minutes together {} just talking?",
                when.unwrap_or("tonight")
            ),
            format!(
                "It would help me feel {} if we went for a short walk together {}.",
                self.feeling,
                when.unwrap_or("this evening")
            ),
        ]
    }

    fn specific_rewrites(&self, has_need: bool) -> Vec<String> {
        let action = self
            .action
            .clone()
            .unwrap_or_else(|| "check in with me".to_string());
        let since = self
            .since
            .as_deref()
            .map(|s| format!(" {s}"))
            .unwrap_or_default();
        let mut out = Vec::new();
        let times: Vec<&str> = match self.time.as_deref() {
            Some(t) => vec![t, t],
            None => vec!["after work today", "this evening"],
        };
        let lead = if has_need {
            String::new()
        } else {
            format!("I've been missing you{since}. ")
        };
        out.push(format!("{lead}Could you {action} {}?", times[0]));
        out.push(format!(
            "It would help me feel {} if you could {action} {}.",
            self.feeling, times[1]
        ));
        if self.time.is_none() {
            out.push(format!("Would it work for you to {action} when you get a moment today? It would mean a lot to me."));
        }
        out
    }
}

fn is_clause_break(w: &str) -> bool {
    matches!(
        w,
        "and" | "but" | "because" | "so" | "or" | "since" | "if" | "lol" | "pls" | "please"
    )
}

fn clean(s: &str) -> String {
    s.trim()
        .trim_end_matches(['?', '!', '.', ',', ';'])
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn global_question_lacks_everything() {
        let r = analyze("Do you still love me?");
        assert_eq!(r.kind, RequestKind::GlobalReassurance);
        assert_eq!(
            r.missing,
            vec![Missing::Need, Missing::Action, Missing::Time]
        );
        assert!(r.rewrites.len() >= 2 && r.rewrites.len() <= 3);
        assert!(r.rewrites[0].contains("check-in text after work today"));
    }

    #[test]
    fn rewrites_use_own_words() {
        let r = analyze("are we ok?? you've been so quiet since the party");
        assert_eq!(r.kind, RequestKind::GlobalReassurance);
        assert!(
            r.rewrites.iter().any(|w| w.contains("since the party")),
            "{:?}",
            r.rewrites
        );
        let r = analyze("can you text me when you get to the office");
        assert_eq!(r.kind, RequestKind::SpecificRequest);
        assert_eq!(r.missing, vec![Missing::Need]);
        assert!(
            r.rewrites.iter().all(|w| w.contains("text me")),
            "{:?}",
            r.rewrites
        );
        assert!(
            r.rewrites
                .iter()
                .any(|w| w.contains("when you get to the office")),
            "{:?}",
            r.rewrites
        );
    }

    #[test]
    fn everyday_messages_are_other() {
        for t in [
            "I had a long day",
            "what time is the movie",
            "the cat is asleep on my laptop",
        ] {
            let r = analyze(t);
            assert_eq!(r.kind, RequestKind::Other, "{t}");
            assert!(r.missing.is_empty() && r.rewrites.is_empty());
        }
    }

    #[test]
    fn serializes_snake_case() {
        let v = serde_json::to_value(analyze("are we okay")).unwrap_or_default();
        assert_eq!(v["kind"], "global_reassurance");
        assert_eq!(v["missing"][0], "need");
    }
}
