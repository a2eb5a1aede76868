//! A tiny pattern language over normalised tokens.
//!
//! A pattern is a space-separated list of slots:
//! - `word` or `a|b|c`: one token equal to any alternative; `lov*` matches by prefix;
//! - a leading `?` makes the slot optional (`?really`);
//! - `_` matches any one token;
//! - `~N` skips between 0 and N tokens.
//!
//! Example: `he|she ~2 must|probably hate*` matches "she must hate me" and
//! "he really probably hates me".
//!
//! Several whole patterns can share one entry, separated by ` / `:
//! `my fault / because of me`.

use crate::text::Token;
use std::collections::HashMap;

#[derive(Debug, Clone)]
enum Alt {
    Exact(Box<str>),
    Prefix(Box<str>),
}

impl Alt {
    fn matches(&self, w: &str) -> bool {
        match self {
            Alt::Exact(a) => &**a == w,
            Alt::Prefix(p) => w.starts_with(&**p),
        }
    }
}

#[derive(Debug, Clone)]
enum Slot {
    Alts { alts: Vec<Alt>, optional: bool },
    Any,
    Gap(usize),
}

/// One compiled pattern (one or more alternative slot sequences).
#[derive(Debug, Clone)]
pub struct Pattern {
    variants: Vec<Vec<Slot>>,
}

impl Pattern {
    /// Compiles a pattern. Patterns are written in the source code, so a
    /// malformed one is a programming error caught by the unit tests.
    pub fn parse(src: &str) -> Pattern {
        Pattern {
            variants: src.split(" / ").map(parse_slots).collect(),
        }
    }

    /// End of a match starting at token `i`, if any (the longest variant wins).
    pub fn match_at(&self, toks: &[Token], i: usize) -> Option<usize> {
        self.variants
            .iter()
            .filter_map(|v| match_slots(v, toks, i))
            .max()
    }

    /// The first match anywhere, as a token range.
    pub fn find(&self, toks: &[Token]) -> Option<(usize, usize)> {
        (0..toks.len()).find_map(|i| self.match_at(toks, i).map(|e| (i, e)))
    }

    fn first_words(&self) -> Option<Vec<&str>> {
        let mut out = Vec::new();
        for v in &self.variants {
            match v.first() {
                Some(Slot::Alts {
                    alts,
                    optional: false,
                }) => {
                    for a in alts {
                        match a {
                            Alt::Exact(w) => out.push(&**w),
                            Alt::Prefix(_) => return None,
                        }
                    }
                }
                _ => return None,
            }
        }
        Some(out)
    }
}

fn parse_slots(src: &str) -> Vec<Slot> {
    {
        src.split_whitespace()
            .map(|s| {
                if s == "_" {
                    Slot::Any
                } else if let Some(n) = s.strip_prefix('~') {
                    Slot::Gap(n.parse().unwrap_or(2))
                } else {
                    let (optional, body) = match s.strip_prefix('?') {
                        Some(b) => (true, b),
                        None => (false, s),
                    };
                    let alts = body
                        .split('|')
                        .filter(|a| !a.is_empty())
                        .map(|a| match a.strip_suffix('*') {
                            Some(p) => Alt::Prefix(p.into()),
                            None => Alt::Exact(a.into()),
                        })
                        .collect();
                    Slot::Alts { alts, optional }
                }
            })
            .collect()
    }
}

fn match_slots(slots: &[Slot], toks: &[Token], i: usize) -> Option<usize> {
    let Some((first, rest)) = slots.split_first() else {
        return Some(i);
    };
    match first {
        Slot::Any => {
            if i < toks.len() {
                match_slots(rest, toks, i + 1)
            } else {
                None
            }
        }
        Slot::Gap(n) => (0..=*n)
            .take_while(|k| i + k <= toks.len())
            .find_map(|k| match_slots(rest, toks, i + k)),
        Slot::Alts { alts, optional } => {
            if i < toks.len() && alts.iter().any(|a| a.matches(&toks[i].word)) {
                if let Some(e) = match_slots(rest, toks, i + 1) {
                    return Some(e);
                }
            }
            if *optional {
                match_slots(rest, toks, i)
            } else {
                None
            }
        }
    }
}

/// A match of pattern number `id` over tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub id: usize,
    pub start: usize,
    pub end: usize,
}

/// Many patterns, indexed by their first word so that matching stays fast.
#[derive(Debug, Clone)]
pub struct PatternSet {
    patterns: Vec<Pattern>,
    by_first: HashMap<Box<str>, Vec<usize>>,
    anywhere: Vec<usize>,
}

impl PatternSet {
    pub fn new<'a>(sources: impl IntoIterator<Item = &'a str>) -> PatternSet {
        let patterns: Vec<Pattern> = sources.into_iter().map(Pattern::parse).collect();
        let mut by_first: HashMap<Box<str>, Vec<usize>> = HashMap::new();
        let mut anywhere = Vec::new();
        for (id, p) in patterns.iter().enumerate() {
            match p.first_words() {
                Some(ws) => {
                    for w in ws {
                        by_first.entry(w.into()).or_default().push(id);
                    }
                }
                None => anywhere.push(id),
            }
        }
        for ids in by_first.values_mut() {
            ids.dedup();
        }
        PatternSet {
            patterns,
            by_first,
            anywhere,
        }
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Every match (each pattern at most once per start position), in token order.
    pub fn hits(&self, toks: &[Token]) -> Vec<Hit> {
        let mut out = Vec::new();
        for i in 0..toks.len() {
            if let Some(ids) = self.by_first.get(toks[i].word.as_str()) {
                for &id in ids {
                    if let Some(end) = self.patterns[id].match_at(toks, i) {
                        out.push(Hit { id, start: i, end });
                    }
                }
            }
            for &id in &self.anywhere {
                if let Some(end) = self.patterns[id].match_at(toks, i) {
                    if end > i {
                        out.push(Hit { id, start: i, end });
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    #[test]
    fn matches_alternatives_gaps_and_prefixes() {
        let p = Pattern::parse("he|she ~2 must|probably hate*");
        assert!(p.find(&tokenize("I think she must hate me")).is_some());
        assert!(p.find(&tokenize("he really probably hates me")).is_some());
        assert!(p.find(&tokenize("she loves me")).is_none());
    }

    #[test]
    fn optional_and_any() {
        let p = Pattern::parse("you ?really _ me");
        assert_eq!(p.find(&tokenize("you really hurt me")), Some((0, 4)));
        assert_eq!(p.find(&tokenize("you hurt me")), Some((0, 3)));
    }

    #[test]
    fn set_finds_all_patterns() {
        let set = PatternSet::new(["you always", "~1 never", "lov* you"]);
        let hits = set.hits(&tokenize("You always say you never love you"));
        let ids: Vec<usize> = hits.iter().map(|h| h.id).collect();
        assert!(ids.contains(&0) && ids.contains(&1) && ids.contains(&2));
    }
}
