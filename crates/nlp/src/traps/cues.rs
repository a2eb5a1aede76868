//! Hand-written cue patterns for each thinking trap.
//!
//! They are features for the linear model (which learns how much each cue
//! counts), not rules: a cue firing does not by itself decide anything.
//! Patterns use the syntax of [`crate::pattern`] over normalised tokens
//! (contractions expanded: "she's" is `she is`, "won't" is `will not`).

use crate::pattern::PatternSet;
use std::sync::OnceLock;

const SUBJ: &str =
    "he|she|they|partner|boyfriend|girlfriend|husband|wife|everyone|everybody|people";

/// (trap label, pattern) pairs. `{S}` stands for a third-person subject.
pub const CUES: &[(&str, &str)] = &[
    // all-or-nothing
    ("all_or_nothing", "completely|totally|entirely|utterly ruined|failed|worthless|useless|wrong|over"),
    ("all_or_nothing", "either ~4 or"),
    ("all_or_nothing", "not ~1 perfect"),
    ("all_or_nothing", "has|have|needs|need to be perfect"),
    ("all_or_nothing", "nothing|everything ~1 is|was ruined|wrong|pointless|over"),
    ("all_or_nothing", "one ~2 mistake|fight|argument|slip ~4 ruined|ruins|over|failure|everything"),
    ("all_or_nothing", "whole|entire relationship|day|night|weekend|thing|evening ~2 ruined|failure|over|disaster|waste"),
    ("all_or_nothing", "if ~6 not ~3 then ~2 nothing|never"),
    ("all_or_nothing", "total|complete|utter failure|disaster|waste"),
    ("all_or_nothing", "a failure / fail|failed at everything"),
    ("all_or_nothing", "either|all|nothing ~1 or ~1 nothing|all"),
    // overgeneralizing
    ("overgeneralizing", "this|it always happens"),
    ("overgeneralizing", "always happens to me"),
    ("overgeneralizing", "every single|time"),
    ("overgeneralizing", "i|he|she|they|you|people|everyone|nobody always|never"),
    ("overgeneralizing", "no one ever / nobody ever"),
    ("overgeneralizing", "all ~1 men|women|guys|girls|people|partners|exes are"),
    ("overgeneralizing", "men|women|guys|girls|people are all|always"),
    ("overgeneralizing", "every relationship|partner|boyfriend|girlfriend|guy|girl|person ~3 ends|leaves|left|cheats|cheated|gets|got"),
    ("overgeneralizing", "never ~2 works|work|worked|goes|go right"),
    ("overgeneralizing", "everyone|everybody ~2 leaves|leave|left|abandons|hates|cheats"),
    ("overgeneralizing", "story of my life"),
    ("overgeneralizing", "again ~1 like always|usual"),
    ("overgeneralizing", "as usual / like always / same as always"),
    // mental filter
    ("mental_filter", "all i can ~1 think|see|focus|remember"),
    ("mental_filter", "can not stop thinking about"),
    ("mental_filter", "only ~1 think|thinking|remember|notice|see ~2 the|that|one"),
    ("mental_filter", "but ~2 all i"),
    ("mental_filter", "keep ~1 replaying|thinking|going back"),
    ("mental_filter", "ruined ~2 the whole|entire"),
    ("mental_filter", "one ~2 comment|thing|moment|look|word|sigh|mistake ~4 all|ruined|stuck|keep|only|can not"),
    ("mental_filter", "even though ~8 still|but|only"),
    ("mental_filter", "nothing good|right"),
    ("mental_filter", "only the bad|worst|negative"),
    ("mental_filter", "does|do|will not matter ~3 because|since"),
    // disqualifying the positive
    ("disqualifying_positive", "only ~1 said|says|did|does|do|say ~2 because|to|out"),
    ("disqualifying_positive", "just ~1 being nice|polite|kind|saying"),
    ("disqualifying_positive", "does|do|did not count|matter / does|do|did not mean anything"),
    ("disqualifying_positive", "good|great|fine|okay|nice|sweet|lovely ~2 but"),
    ("disqualifying_positive", "anyone|anybody could|can|would have"),
    ("disqualifying_positive", "had|has|have to say|said"),
    ("disqualifying_positive", "out of pity|guilt|obligation|habit"),
    ("disqualifying_positive", "just ~1 luck|lucky / a fluke"),
    ("disqualifying_positive", "not ~1 really|actually mean|meant|means"),
    ("disqualifying_positive", "does|did|do not really ~1 mean"),
    ("disqualifying_positive", "only because"),
    // mind reading
    ("mind_reading", "{S} ~2 must|probably|obviously|clearly ~1 think*|hate*|be|feel*|want*|know*|regret*|see*|find*|wish*"),
    ("mind_reading", "{S} ~2 think*|thought ~2 i|me|that"),
    ("mind_reading", "{S} ~1 secretly|privately"),
    ("mind_reading", "i can tell / i just know"),
    ("mind_reading", "{S} ~1 is|are ~2 annoyed|bored|mad|angry|upset|tired|sick|done|disgusted|judging|laughing|embarrassed|over|losing|pulling|annoyed"),
    ("mind_reading", "losing interest / pulling away / over me / done with me / bored of|with me / sick|tired of me"),
    ("mind_reading", "{S} ~2 does|do|did not ~1 love|care|like|want|find|respect"),
    ("mind_reading", "judging|judge|judges me"),
    ("mind_reading", "{S} ~1 thinks|think|thought|feels|believes ~1 i|that|me"),
    ("mind_reading", "read|seen ~4 not|no ~1 reply|replied|respond|responded|answer|answered"),
    ("mind_reading", "left me on read"),
    ("mind_reading", "it means ~2 he|she|they"),
    ("mind_reading", "which|that means|proves ~2 he|she|they|not"),
    ("mind_reading", "i bet ~2 he|she|they"),
    ("mind_reading", "everyone|everybody|people ~2 see|notice|knows|know|think|thinks"),
    // fortune telling
    ("fortune_telling", "going to ~3 leave|dump|break|cheat|end|fail|hate|reject|find|lose|bored|move|regret|hurt|happen / will ~3 leave|dump|break|cheat|end|fail|hate|reject|find|lose|bored|move|regret|hurt|happen"),
    ("fortune_telling", "will never ~3 find|get|be|have|change|work|love|trust|happen / never going to ~3 find|get|be|have|change|work|love|trust|happen"),
    ("fortune_telling", "i just know / i know it / i can feel it"),
    ("fortune_telling", "will not ~2 work|last|change|come|want|better|ever"),
    ("fortune_telling", "eventually|someday ~4 will|leave|going / sooner or later / one day ~4 will|leave|going"),
    ("fortune_telling", "it is only a matter of time"),
    ("fortune_telling", "bound to|doomed|destined"),
    ("fortune_telling", "no point / why bother"),
    ("fortune_telling", "always going to be / end up alone / die alone / alone forever"),
    ("fortune_telling", "what is the point"),
    ("fortune_telling", "will be ~2 alone|single|rejected|left|miserable|awkward|awful|terrible|disaster"),
    ("fortune_telling", "i am going to ~2 mess|screw|ruin|fail|blow"),
    // catastrophizing
    ("catastrophizing", "worst|disaster|nightmare|catastroph*|unbearable / end of the world"),
    ("catastrophizing", "can|could not ~1 survive|handle|cope|live|bear|take"),
    ("catastrophizing", "i will ~1 die|fall|collapse / i will never recover|survive / i will lose everything"),
    ("catastrophizing", "everything ~2 fall|falling|fell apart"),
    ("catastrophizing", "ruin|ruined|destroy|destroyed ~2 my|our ~1 life|lives|everything|future|relationship"),
    ("catastrophizing", "what if ~5 leaves|cheats|dies|hates|ends|breaks|finds|leave|cheat|die|hate"),
    ("catastrophizing", "it|we is|are ?all over"),
    ("catastrophizing", "terrible|horrible|awful|dreadful|devastat*"),
    ("catastrophizing", "my life ~2 over|ruined|falling|pointless"),
    ("catastrophizing", "completely ~1 alone|lost|broken|destroyed|ruined"),
    ("catastrophizing", "panic*|spiral* / freaking out"),
    // emotional reasoning
    ("emotional_reasoning", "feel|feels ~4 so|therefore ~3 must|means"),
    ("emotional_reasoning", "because|since i|it feel|feels"),
    ("emotional_reasoning", "feels like ~4 so|must|means"),
    ("emotional_reasoning", "i feel like ~3 he|she|they|nobody|no|everyone|something|it"),
    ("emotional_reasoning", "gut / i sense / i can feel"),
    ("emotional_reasoning", "i feel ~3 so|therefore ~2 i|it|he|she|they|we"),
    ("emotional_reasoning", "i feel ~1 stupid|ugly|unlovable|worthless|guilty|anxious|jealous|insecure|unwanted|ignored|rejected|replaceable ~3 so|must|means|because"),
    ("emotional_reasoning", "feel|feels ~2 wrong|off|bad ~2 so|must|means"),
    ("emotional_reasoning", "if i feel / if i am anxious|scared|jealous / anxiety means / feelings are"),
    ("emotional_reasoning", "feels|feel true|real / feel it"),
    ("emotional_reasoning", "still feels / but i|it feel|feels"),
    // should statements
    ("should_statements", "should|shouldnt|must|ought"),
    ("should_statements", "should not|have / must not / ought to"),
    ("should_statements", "has|have|had to ~2 be|know|want|text|call|reply"),
    ("should_statements", "supposed to"),
    ("should_statements", "if ~2 really ~1 loved|cared|wanted ~3 would|should|he|she|they"),
    ("should_statements", "a good|real|proper girlfriend|boyfriend|partner|wife|husband|person|man|woman"),
    ("should_statements", "by now / at my age"),
    ("should_statements", "need|needs to be / i need to stop"),
    // labeling
    ("labeling", "i am ~3 idiot|loser|failure|mess|joke|burden|disaster|fool|freak|psycho|wreck|nobody|bitch"),
    ("labeling", "i am ~2 pathetic|stupid|worthless|useless|unlovable|crazy|needy|clingy|annoying|disgusting|hopeless|broken|weak|toxic|ugly|boring|dumb|insane|unworthy|selfish|lazy"),
    ("labeling", "{S} ~1 is|are ~2 a|an|such|so ~1 jerk|liar|narcissist|selfish|cold|heartless|user|cheater|monster|idiot|loser|player|manipulative|toxic|asshole|bitch"),
    ("labeling", "what|such|total|complete ~2 idiot|loser|failure|mess|joke|moron|fool"),
    ("labeling", "idiot|loser|pathetic|worthless|unlovable|failure|moron|burden|psycho"),
    ("labeling", "i am the kind of person / i am nothing / not good enough / not enough"),
    ("labeling", "a bad|terrible|horrible|awful ~1 person|girlfriend|boyfriend|partner|wife|husband|mother|father|friend|mom|dad"),
    // personalizing
    ("personalizing", "my fault / all me / because of me / i caused / i made ~2 him|her|them ~2 upset|mad|angry|sad|leave|pull"),
    ("personalizing", "something i ~1 did|said|am"),
    ("personalizing", "must be ~1 me|my|something"),
    ("personalizing", "it is ~1 me / because of how i"),
    ("personalizing", "if i had ~3 not|been|only|just"),
    ("personalizing", "if only i / i should have ~2 known|stopped|noticed|seen|said"),
    ("personalizing", "i ?always ruin|ruined"),
    ("personalizing", "blame myself|me / responsible for ~2 his|her|their|mood|feelings|happiness"),
    ("personalizing", "what did|have i do|done / did i do something"),
    ("personalizing", "because of something i / because i ~1 said|did|was|am|asked"),
    ("personalizing", "he|she|they|partner ~2 is|are|was|were|seems|seemed ~1 quiet|distant|upset|sad|grumpy|off|moody|stressed|cold ~3 i|me|my"),
    // blaming
    ("blaming", "his|her|their|your fault"),
    ("blaming", "because of him|her|them|you"),
    ("blaming", "he|she|they|you ~1 made|makes|make me"),
    ("blaming", "if it were not for ~1 him|her|them|you"),
    ("blaming", "he|she|they|you ~1 ruined|ruins|ruin|destroyed|wrecked ~2 my|our|everything"),
    ("blaming", "i ?am only ~3 because ~1 he|she|they|you"),
    ("blaming", "thanks to ~1 him|her|them|you"),
    ("blaming", "he|she|they|you ~1 is|are|was|were ~2 reason|blame|problem"),
    ("blaming", "his|her|their|your ~2 fault|problem|responsibility|job"),
    ("blaming", "he|she|they ~1 never ~2 make|makes|made me ~1 feel"),
    ("blaming", "blame ~1 him|her|them|you|my ~1 ex|parents|partner|boss"),
    ("blaming", "he|she|they|you ~1 did this to me"),
    // comparing
    ("comparing", "everyone|everybody else / other couples|people|girls|guys|women|men / others"),
    ("comparing", "compared to / compare|comparing myself / comparison"),
    ("comparing", "than me|i"),
    ("comparing", "ex|exes|exs"),
    ("comparing", "why can not i ~1 be ~2 like"),
    ("comparing", "friends ~3 have|are|got|married|engaged"),
    ("comparing", "instagram|posts|tiktok / social media"),
    ("comparing", "normal|real|happy couples / other relationships / like them"),
    ("comparing", "i am ~1 not ~1 as|less ~1 pretty|smart|fun|interesting|attractive|successful"),
    ("comparing", "everyone ~2 has|have|gets|is ~3 except|but me"),
];

/// The compiled cue set, with `{S}` expanded.
pub fn cue_set() -> &'static PatternSet {
    static SET: OnceLock<PatternSet> = OnceLock::new();
    SET.get_or_init(|| {
        let srcs: Vec<String> = CUES.iter().map(|(_, p)| p.replace("{S}", SUBJ)).collect();
        PatternSet::new(srcs.iter().map(String::as_str))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;
    use crate::traps::info::index_of;

    #[test]
    fn every_cue_names_a_known_trap() {
        for (label, _) in CUES {
            assert!(index_of(label).is_some(), "{label}");
        }
        assert_eq!(cue_set().len(), CUES.len());
    }

    #[test]
    fn mind_reading_cue_fires_on_texting_style() {
        let toks = tokenize("she read my msg and didnt reply, shes done w me");
        let labels: Vec<&str> = cue_set().hits(&toks).iter().map(|h| CUES[h.id].0).collect();
        assert!(labels.contains(&"mind_reading"), "{labels:?}");
    }
}
