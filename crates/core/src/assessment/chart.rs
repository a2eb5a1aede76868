//! A chart of assessment results over time, as a self-contained SVG string.
//!
//! Avoidance runs across (1 to 7), anxiety runs up (1 to 7); the four regions are
//! shaded and named, the latest result is a large point and earlier ones small dated
//! points joined by a faint line in time order. The SVG has no script and no external
//! reference, scales by its viewBox (fits a 360px phone), takes its text and line colour
//! from `currentColor`, and fills its regions and points with light colours given as
//! presentation attributes. Those have the lowest precedence in CSS, so a page restyles
//! the chart (e.g. for dark mode) with rules on its classes: `.region-secure`,
//! `.region-anxious`, `.region-avoidant`, `.region-fearful`, `.region-label`,
//! `.point-current`, `.point-earlier`, `.trail`. (Custom properties are not used in the
//! attributes themselves: browsers do not resolve `var()` in presentation attributes.)

use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::region::{Region, REGION_BOUNDARY};
use super::scoring::Scores;

/// One result to draw.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ChartPoint {
    pub taken_at: DateTime<Utc>,
    pub scores: Scores,
}

/// The chart and a plain-text alternative that says the same for people who do not
/// see it (the SVG carries the same words in its `<title>` and `<desc>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    pub svg: String,
    pub text: String,
}

const VIEW: f64 = 360.0;
const LEFT: f64 = 56.0;
const TOP: f64 = 14.0;
const SIZE: f64 = 284.0;
const MIN: f64 = 1.0;
const MAX: f64 = 7.0;

fn x_of(avoidance: f64) -> f64 {
    LEFT + (on_scale(avoidance) - MIN) / (MAX - MIN) * SIZE
}

fn y_of(anxiety: f64) -> f64 {
    TOP + (MAX - on_scale(anxiety)) / (MAX - MIN) * SIZE
}

fn on_scale(v: f64) -> f64 {
    if v.is_finite() {
        v.clamp(MIN, MAX)
    } else {
        REGION_BOUNDARY
    }
}

/// Escape text for use in SVG/XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

fn month(t: DateTime<Utc>) -> String {
    t.format("%b %Y").to_string()
}

fn day(t: DateTime<Utc>) -> String {
    t.format("%-d %b %Y").to_string()
}

fn summary(s: &Scores) -> String {
    format!(
        "anxiety {:.1}, avoidance {:.1}, {} region",
        s.anxiety,
        s.avoidance,
        s.region().label().to_lowercase()
    )
}

/// Draw `current` (the latest result) and the `earlier` ones (any order) for the
/// instrument named `instrument` (e.g. "ECR-R").
pub fn render(instrument: &str, current: &ChartPoint, earlier: &[ChartPoint]) -> Chart {
    let mut earlier: Vec<ChartPoint> = earlier.to_vec();
    earlier.sort_by_key(|p| p.taken_at);

    let title = format!("Your {instrument} results: anxiety and avoidance");
    let text = text_alternative(instrument, current, &earlier);

    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {VIEW} {VIEW}" role="img" class="steady-chart" font-family="system-ui, sans-serif" fill="currentColor"><title>{}</title><desc>{}</desc>"#,
        escape(&title),
        escape(&text),
    );
    draw_regions(&mut svg);
    draw_axes(&mut svg);
    draw_results(&mut svg, current, &earlier);
    svg.push_str("</svg>");
    Chart { svg, text }
}

fn draw_regions(svg: &mut String) {
    let mid_x = x_of(REGION_BOUNDARY);
    let mid_y = y_of(REGION_BOUNDARY);
    let (right, bottom) = (LEFT + SIZE, TOP + SIZE);
    // (region, css name, fallback, x, y, w, h, label x, label y, anchor)
    let quadrants = [
        (
            Region::Anxious,
            "anxious",
            "#f6dcc2",
            LEFT,
            TOP,
            mid_x - LEFT,
            mid_y - TOP,
            LEFT + 8.0,
            TOP + 18.0,
            "start",
        ),
        (
            Region::Fearful,
            "fearful",
            "#e5d6ee",
            mid_x,
            TOP,
            right - mid_x,
            mid_y - TOP,
            right - 8.0,
            TOP + 18.0,
            "end",
        ),
        (
            Region::Secure,
            "secure",
            "#cfe8d9",
            LEFT,
            mid_y,
            mid_x - LEFT,
            bottom - mid_y,
            LEFT + 8.0,
            bottom - 10.0,
            "start",
        ),
        (
            Region::Avoidant,
            "avoidant",
            "#d3e0f2",
            mid_x,
            mid_y,
            right - mid_x,
            bottom - mid_y,
            right - 8.0,
            bottom - 10.0,
            "end",
        ),
    ];
    for (region, css, fallback, x, y, w, h, lx, ly, anchor) in quadrants {
        let _ = write!(
            svg,
            r#"<rect class="region region-{css}" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{fallback}" fill-opacity="0.6"/>"#
        );
        let _ = write!(
            svg,
            r#"<text class="region-label" x="{lx:.1}" y="{ly:.1}" text-anchor="{anchor}" font-size="13" font-weight="600">{}</text>"#,
            escape(region.label())
        );
    }
}

fn draw_axes(svg: &mut String) {
    let (right, bottom) = (LEFT + SIZE, TOP + SIZE);
    let _ = write!(
        svg,
        r#"<rect x="{LEFT}" y="{TOP}" width="{SIZE}" height="{SIZE}" fill="none" stroke="currentColor" stroke-opacity="0.5"/>"#
    );
    let (mid_x, mid_y) = (x_of(REGION_BOUNDARY), y_of(REGION_BOUNDARY));
    let _ = write!(
        svg,
        r#"<path d="M{mid_x:.1} {TOP}V{bottom}M{LEFT} {mid_y:.1}H{right}" stroke="currentColor" stroke-opacity="0.4" stroke-dasharray="4 3"/>"#
    );
    for v in 1..=7 {
        let v = f64::from(v);
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="11">{v}</text>"#,
            x_of(v),
            bottom + 15.0
        );
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end" font-size="11">{v}</text>"#,
            LEFT - 6.0,
            y_of(v) + 4.0
        );
    }
    let _ = write!(
        svg,
        r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="13">Avoidance (discomfort with closeness)</text>"#,
        LEFT + SIZE / 2.0,
        bottom + 36.0
    );
    let (ax, ay) = (20.0, TOP + SIZE / 2.0);
    let _ = write!(
        svg,
        r#"<text x="{ax}" y="{ay:.1}" text-anchor="middle" font-size="13" transform="rotate(-90 {ax} {ay:.1})">Anxiety (worry about the relationship)</text>"#
    );
}

fn draw_results(svg: &mut String, current: &ChartPoint, earlier: &[ChartPoint]) {
    if !earlier.is_empty() {
        let points: Vec<String> = earlier
            .iter()
            .chain(std::iter::once(current))
            .map(|p| {
                format!(
                    "{:.1},{:.1}",
                    x_of(p.scores.avoidance),
                    y_of(p.scores.anxiety)
                )
            })
            .collect();
        let _ = write!(
            svg,
            r#"<polyline class="trail" points="{}" fill="none" stroke="currentColor" stroke-opacity="0.35" stroke-width="1.5"/>"#,
            points.join(" ")
        );
    }
    for p in earlier {
        let (x, y) = (x_of(p.scores.avoidance), y_of(p.scores.anxiety));
        let label = month(p.taken_at);
        let (lx, anchor) = if x > LEFT + SIZE - 70.0 {
            (x - 7.0, "end")
        } else {
            (x + 7.0, "start")
        };
        let _ = write!(
            svg,
            r#"<g class="earlier"><title>{}</title><circle class="point-earlier" cx="{x:.1}" cy="{y:.1}" r="4" fill="currentColor" fill-opacity="0.7"/><text x="{lx:.1}" y="{:.1}" text-anchor="{anchor}" font-size="10">{}</text></g>"#,
            escape(&format!("{}: {}", day(p.taken_at), summary(&p.scores))),
            label_y(y, 3.5, 16.0),
            escape(&label),
        );
    }
    let (x, y) = (x_of(current.scores.avoidance), y_of(current.scores.anxiety));
    let (lx, anchor) = if x > LEFT + SIZE - 110.0 {
        (x - 12.0, "end")
    } else {
        (x + 12.0, "start")
    };
    let _ = write!(
        svg,
        r##"<g class="current"><title>{}</title><circle class="point-current" cx="{x:.1}" cy="{y:.1}" r="8" fill="#c2410c" stroke="currentColor" stroke-width="2"/><text x="{lx:.1}" y="{:.1}" text-anchor="{anchor}" font-size="12" font-weight="700">{}</text></g>"##,
        escape(&format!(
            "Latest, {}: {}",
            day(current.taken_at),
            summary(&current.scores)
        )),
        label_y(y, 4.0, 24.0),
        escape(&format!("Latest, {}", month(current.taken_at))),
    );
}

/// Beside the point, or below it when it sits under the region names at the top.
fn label_y(y: f64, beside: f64, below: f64) -> f64 {
    if y < TOP + 28.0 {
        y + below
    } else {
        y + beside
    }
}

fn text_alternative(instrument: &str, current: &ChartPoint, earlier: &[ChartPoint]) -> String {
    let mut text = format!(
        "Chart of your {instrument} results. Avoidance runs across and anxiety runs up, each from 1 to 7; \
         lower on both is the secure region, and each is split at the middle, 4. \
         Latest result, {}: {}.",
        day(current.taken_at),
        summary(&current.scores)
    );
    if let Some(first) = earlier.first() {
        let list: Vec<String> = earlier
            .iter()
            .map(|p| format!("{}: {}", month(p.taken_at), summary(&p.scores)))
            .collect();
        let _ = write!(text, " Earlier results, oldest first: {}.", list.join("; "));
        let _ = write!(
            text,
            " Since {}, anxiety has gone from {:.1} to {:.1} and avoidance from {:.1} to {:.1}.",
            month(first.taken_at),
            first.scores.anxiety,
            current.scores.anxiety,
            first.scores.avoidance,
            current.scores.avoidance
        );
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn point(y: i32, m: u32, anxiety: f64, avoidance: f64) -> ChartPoint {
        let Some(taken_at) = Utc.with_ymd_and_hms(y, m, 12, 10, 0, 0).single() else {
            panic!("bad test date");
        };
        ChartPoint {
            taken_at,
            scores: Scores { anxiety, avoidance },
        }
    }

    #[test]
    fn shades_and_names_the_four_regions() {
        let chart = render("ECR-R", &point(2026, 3, 5.2, 2.4), &[]);
        for label in ["Secure", "Anxious", "Avoidant", "Fearful-avoidant"] {
            assert!(
                chart.svg.contains(&format!(">{label}</text>")),
                "missing {label}"
            );
        }
        for css in ["secure", "anxious", "avoidant", "fearful"] {
            assert!(
                chart
                    .svg
                    .contains(&format!("class=\"region region-{css}\"")),
                "missing {css} class"
            );
        }
        assert!(
            !chart.svg.contains("var("),
            "browsers ignore var() in presentation attributes"
        );
        assert!(chart.svg.contains("Avoidance (discomfort with closeness)"));
        assert!(chart.svg.contains("Anxiety (worry about the relationship)"));
    }

    #[test]
    fn is_self_contained_scalable_and_accessible() {
        let chart = render(
            "ECR-R",
            &point(2026, 3, 5.2, 2.4),
            &[point(2026, 1, 5.6, 2.5)],
        );
        let svg = &chart.svg;
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 360 360\"")
        );
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains("role=\"img\""));
        assert!(svg.contains("<title>Your ECR-R results: anxiety and avoidance</title>"));
        assert!(svg.contains(&format!("<desc>{}</desc>", escape(&chart.text))));
        assert!(svg.contains("currentColor"));
        assert!(!svg.contains("<script") && !svg.contains("href") && !svg.contains("url("));
        assert!(!svg.contains("width=\"360\""), "sized by viewBox only");
    }

    #[test]
    fn places_the_current_result_prominently_where_its_scores_are() {
        let chart = render("ECR-R", &point(2026, 3, 5.5, 2.5), &[]);
        // avoidance 2.5 -> 56 + 1.5/6*284 = 127.0; anxiety 5.5 -> 14 + 1.5/6*284 = 85.0
        assert!(
            chart.svg.contains(r#"cx="127.0" cy="85.0" r="8""#),
            "{}",
            chart.svg
        );
        assert!(chart.svg.contains(">Latest, Mar 2026</text>"));
        assert!(
            !chart.svg.contains("<polyline"),
            "no trail with a single result"
        );
    }

    #[test]
    fn earlier_results_are_dated_and_joined_in_time_order() {
        let current = point(2026, 9, 3.5, 2.5);
        // Given out of order on purpose.
        let earlier = [point(2026, 5, 4.5, 2.5), point(2026, 1, 5.5, 2.5)];
        let chart = render("ECR-R", &current, &earlier);
        let svg = &chart.svg;
        assert_eq!(svg.matches(r#"r="4""#).count(), 2);
        assert!(svg.contains(">Jan 2026</text>") && svg.contains(">May 2026</text>"));
        assert!(svg.find(">Jan 2026<") < svg.find(">May 2026<"));
        // Jan (anxiety 5.5, y 85.0), then May (4.5, y 132.3), then the latest (3.5, y 179.7).
        assert!(
            svg.contains(r#"points="127.0,85.0 127.0,132.3 127.0,179.7""#),
            "{svg}"
        );
        assert!(chart
            .text
            .contains("Earlier results, oldest first: Jan 2026: anxiety 5.5"));
        assert!(chart
            .text
            .contains("Since Jan 2026, anxiety has gone from 5.5 to 3.5"));
        assert!(chart
            .text
            .contains("Latest result, 12 Sep 2026: anxiety 3.5, avoidance 2.5, secure region."));
    }

    #[test]
    fn escapes_interpolated_text() {
        let chart = render("<ECR & \"R\">", &point(2026, 3, 4.0, 4.0), &[]);
        assert!(chart
            .svg
            .contains("Your &lt;ECR &amp; &quot;R&quot;&gt; results"));
        assert!(!chart.svg.contains("<ECR"));
        assert_eq!(escape("a'b<c>&\"\u{7}"), "a&#39;b&lt;c&gt;&amp;&quot;");
    }

    #[test]
    fn scores_off_the_scale_stay_inside_the_plot() {
        let chart = render("ECR-R", &point(2026, 3, 9.0, f64::NAN), &[]);
        // anxiety clamps to 7 (top edge 14.0); NaN avoidance sits at the middle (198.0).
        assert!(
            chart.svg.contains(r#"cx="198.0" cy="14.0" r="8""#),
            "{}",
            chart.svg
        );
    }
}
