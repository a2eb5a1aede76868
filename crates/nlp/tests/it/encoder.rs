use steady_nlp::encoder::wordpiece::Vocab;

/// The encoder reads text as the reference BERT tokenizer cuts it: on app text, and
/// on accents, emoji, Chinese, invisible characters and over-long words
/// (`tests/data/wordpiece_ids.tsv`, from `scripts/wordpiece_fixture.py`).
#[test]
fn wordpiece_matches_the_reference() {
    let vocab = Vocab::parse(include_str!("../../model/encoder_vocab.txt")).expect("vocabulary");
    let fixture = include_str!("../data/wordpiece_ids.tsv");
    let mut checked = 0;
    for line in fixture.lines().filter(|l| !l.starts_with('#')) {
        let (ids, text) = line.split_once('\t').expect("ids<TAB>text");
        let want: Vec<u32> = ids
            .split_whitespace()
            .map(|i| i.parse().expect("piece id"))
            .collect();
        assert_eq!(vocab.pieces(text), want, "{text:?}");
        checked += 1;
    }
    assert!(checked >= 300, "{checked} texts");
}
