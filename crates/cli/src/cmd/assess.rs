//! `steady assess`: score the attachment questionnaires offline.
//!
//! `steady assess score ecr-r --answers 4,5,2,...` scores 36 answers (ECR-R) or 9
//! (ECR-RS) from 1 to 7, in item order, without a server, and prints both scores, the
//! region, what it may mean and where the questions come from. `--json` prints one JSON
//! object instead.

use std::io::Read as _;

use anyhow::{bail, Context as _};
use steady_core::assessment::{Instrument, InstrumentId, Region, Scores, NOT_A_DIAGNOSIS};

/// Arguments of `steady assess`.
#[derive(Debug, clap::Args)]
pub struct AssessArgs {
    #[command(subcommand)]
    pub command: AssessCommand,
}

/// What `steady assess` can do.
#[derive(Debug, clap::Subcommand)]
pub enum AssessCommand {
    /// Score a questionnaire's answers here, offline; nothing is stored or sent.
    Score(ScoreArgs),
    /// Take a questionnaire on your Steady server, one statement at a time (pause with q).
    Take(super::assess_take::TakeArgs),
    /// List your results, oldest first, and when each questionnaire is offered again.
    List(super::assess_take::ListArgs),
}

/// Arguments of `steady assess score`.
#[derive(Debug, clap::Args)]
pub struct ScoreArgs {
    /// Which questionnaire the answers are for.
    #[arg(value_enum)]
    pub instrument: InstrumentArg,
    /// The answers in item order, each from 1 (strongly disagree) to 7 (strongly agree),
    /// separated by commas or spaces; "-" reads them from standard input.
    #[arg(long, value_name = "LIST", allow_hyphen_values = true)]
    pub answers: String,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

/// The questionnaires `steady assess score` knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InstrumentArg {
    /// Experiences in Close Relationships-Revised: 36 answers.
    #[value(name = "ecr-r")]
    EcrR,
    /// Experiences in Close Relationships-Relationship Structures, about your partner: 9 answers.
    #[value(name = "ecr-rs")]
    EcrRs,
}

impl InstrumentArg {
    pub fn id(self) -> InstrumentId {
        match self {
            InstrumentArg::EcrR => InstrumentId::EcrR,
            InstrumentArg::EcrRs => InstrumentId::EcrRs,
        }
    }
}

pub fn run(args: AssessArgs) -> anyhow::Result<()> {
    match args.command {
        AssessCommand::Score(args) => score(args),
        AssessCommand::Take(args) => super::assess_take::take(args),
        AssessCommand::List(args) => super::assess_take::list(args),
    }
}

fn score(args: ScoreArgs) -> anyhow::Result<()> {
    let raw = if args.answers.trim() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading the answers from standard input")?;
        text
    } else {
        args.answers
    };
    let instrument = args.instrument.id().instrument();
    let result = score_answers(instrument, &raw)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&result.to_json())?);
    } else {
        print!("{}", result.to_text());
    }
    Ok(())
}

/// A scored questionnaire, ready to print.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    pub instrument: &'static Instrument,
    pub scores: Scores,
    pub region: Region,
}

/// Parse `raw` and score it with `instrument`, with an error that says what to fix.
pub fn score_answers(instrument: &'static Instrument, raw: &str) -> anyhow::Result<Scored> {
    let answers = parse_answers(raw)
        .with_context(|| format!("reading the answers for the {}", instrument.short_name))?;
    let scores = instrument
        .score(&answers)
        .with_context(|| format!("scoring the {}", instrument.short_name))?;
    Ok(Scored {
        instrument,
        scores,
        region: scores.region(),
    })
}

/// Split on commas and whitespace; every piece must be a whole number from 0 to 255
/// (the range check against the scale happens when scoring, with the item number).
pub fn parse_answers(raw: &str) -> anyhow::Result<Vec<u8>> {
    let pieces: Vec<&str> = raw
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    if pieces.is_empty() {
        bail!(
            "no answers were given; list one number from 1 to 7 per item, e.g. --answers 4,5,2,..."
        );
    }
    pieces
        .iter()
        .enumerate()
        .map(|(i, piece)| {
            piece.parse::<u8>().map_err(|_| {
                anyhow::anyhow!(
                    "answer {} is \"{piece}\", which is not a whole number from 1 to 7",
                    i + 1
                )
            })
        })
        .collect()
}

impl Scored {
    /// The result as one JSON object.
    pub fn to_json(&self) -> serde_json::Value {
        let guidance = self.region.guidance();
        let about = self
            .instrument
            .about
            .as_ref()
            .and_then(|a| a.person(&a.default));
        serde_json::json!({
            "instrument": self.instrument.id,
            "instrument_name": self.instrument.name,
            "about": about.map(|p| p.id.as_str()),
            "anxiety": self.scores.anxiety,
            "avoidance": self.scores.avoidance,
            "anxiety_closeness": self.scores.anxiety_closeness(),
            "avoidance_closeness": self.scores.avoidance_closeness(),
            "near_boundary": self.scores.near_boundary(),
            "region": self.region,
            "region_label": self.region.label(),
            "guidance": guidance,
            "note": NOT_A_DIAGNOSIS,
            "citation": self.instrument.citation,
            "terms_of_use": self.instrument.terms_of_use,
        })
    }

    /// The result in words, for a terminal.
    pub fn to_text(&self) -> String {
        let i = self.instrument;
        let g = self.region.guidance();
        let mut out = format!("{} ({})\n", i.short_name, i.name);
        if let Some(person) = i.about.as_ref().and_then(|a| a.person(&a.default)) {
            out.push_str(&format!("About {}\n", person.label));
        }
        out.push_str(&format!(
            "\n  Anxiety    {:.2}  ({})\n  Avoidance  {:.2}  ({})\n  Region     {}\n\n",
            self.scores.anxiety,
            self.scores.anxiety_closeness().describe(),
            self.scores.avoidance,
            self.scores.avoidance_closeness().describe(),
            self.region.label(),
        ));
        out.push_str("Both scores go from 1 to 7; lower on both is the secure end.\n");
        if self.scores.near_boundary() {
            out.push_str(
                "A score near the middle (4) means you are close to the line between two \
                 regions, so the region is only a rough guide.\n",
            );
        }
        for paragraph in [g.what_it_is, g.reassurance, g.first_steps, NOT_A_DIAGNOSIS] {
            out.push('\n');
            out.push_str(paragraph);
            out.push('\n');
        }
        out.push_str(&format!(
            "\nSource: {}\nUse: {}\n",
            i.citation, i.terms_of_use
        ));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        assess: AssessArgs,
    }

    fn error_chain(result: anyhow::Result<Scored>) -> String {
        match result {
            Ok(s) => panic!("expected an error, got {s:?}"),
            Err(e) => format!("{e:#}"),
        }
    }

    #[test]
    fn parses_the_command_line() {
        let cli =
            Cli::try_parse_from(["assess", "score", "ecr-rs", "--answers", "1,2,3", "--json"]);
        let Ok(Cli {
            assess: AssessArgs {
                command: AssessCommand::Score(args),
            },
        }) = cli
        else {
            panic!("did not parse: {cli:?}");
        };
        assert_eq!(args.instrument, InstrumentArg::EcrRs);
        assert_eq!(args.answers, "1,2,3");
        assert!(args.json);
        assert!(Cli::try_parse_from(["assess", "score", "ecr", "--answers", "1"]).is_err());
        assert!(
            Cli::try_parse_from(["assess", "score", "ecr-r"]).is_err(),
            "--answers is required"
        );
        let stdin = Cli::try_parse_from(["assess", "score", "ecr-r", "--answers", "-"]);
        assert!(stdin.is_ok(), "{stdin:?}");
    }

    #[test]
    fn parses_commas_and_spaces() {
        assert_eq!(
            parse_answers("1,2, 3\n4  5,,6").ok(),
            Some(vec![1, 2, 3, 4, 5, 6])
        );
    }

    #[test]
    fn scores_and_explains_an_anxious_result() {
        let mut answers = ["4"; 36];
        answers[..18].fill("7");
        let scored = score_answers(Instrument::ecr_r(), &answers.join(","));
        let Ok(scored) = scored else {
            panic!("{scored:?}")
        };
        assert_eq!(scored.region, Region::Anxious);
        let text = scored.to_text();
        assert!(
            text.starts_with("ECR-R (Experiences in Close Relationships-Revised)\n"),
            "{text}"
        );
        assert!(
            text.contains("Anxiety    6.33  (clearly higher than the middle)"),
            "{text}"
        );
        assert!(
            text.contains("Avoidance  4.00  (near the middle)"),
            "{text}"
        );
        assert!(text.contains("Region     Anxious"), "{text}");
        assert!(text.contains("delay ladder"), "{text}");
        assert!(
            text.contains("Fraley, R. C., Waller, N. G., & Brennan, K. A. (2000)"),
            "{text}"
        );
        assert!(text.contains("not a diagnosis"), "{text}");
    }

    #[test]
    fn json_has_the_scores_region_and_citation() {
        let scored = score_answers(Instrument::ecr_rs(), "7 7 7 7 1 1 1 1 1");
        let Ok(scored) = scored else {
            panic!("{scored:?}")
        };
        let json = scored.to_json();
        assert_eq!(json["instrument"], "ecr-rs");
        assert_eq!(json["about"], "partner");
        assert_eq!(json["anxiety"], 1.0);
        assert_eq!(json["avoidance"], 1.0);
        assert_eq!(json["region"], "secure");
        assert_eq!(json["region_label"], "Secure");
        assert_eq!(json["anxiety_closeness"], "clearly_lower");
        assert_eq!(json["guidance"]["suggested_tools"][0], "reliability_ledger");
        let citation = json["citation"].as_str().unwrap_or_default();
        assert!(
            citation.contains("Psychological Assessment, 23(3), 615-625"),
            "{citation}"
        );
        assert!(scored.to_text().contains("About your romantic partner"));
    }

    #[test]
    fn explains_bad_input() {
        let short = error_chain(score_answers(Instrument::ecr_r(), &["4"; 35].join(",")));
        assert_eq!(short, "scoring the ECR-R: expected 36 answers, got 35");
        let mut answers = ["4"; 9];
        answers[4] = "9";
        let high = error_chain(score_answers(Instrument::ecr_rs(), &answers.join(",")));
        assert_eq!(
            high,
            "scoring the ECR-RS: answer to item 5 is 9; answers go from 1 to 7"
        );
        let word = error_chain(score_answers(Instrument::ecr_rs(), "4,4,x,4"));
        assert_eq!(
            word,
            "reading the answers for the ECR-RS: answer 3 is \"x\", which is not a whole number from 1 to 7"
        );
        let empty = error_chain(score_answers(Instrument::ecr_rs(), " , "));
        assert!(empty.contains("no answers were given"), "{empty}");
        let negative = error_chain(score_answers(Instrument::ecr_rs(), "-1"));
        assert!(negative.contains("answer 1 is \"-1\""), "{negative}");
    }
}
