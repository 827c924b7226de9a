//! The planted-members attack over HTTP, as a team's starter can run it: anyone
//! with the invitation may join, so the starter joins fake colleagues (one held
//! as a speeder, the others accepted, as fakes that pass the checks would be)
//! around one real rep, knows every fake's answers and scores exactly, and
//! reads every team output before and after each member joins.
//!
//! It holds that the held fake counts toward nothing and changes nothing; that
//! one member joining changes no figure; that the arithmetic (n x mean - the
//! others, and the difference between two releases) leaves windows of more
//! than 20 points even before the rep's own noise, which the starter cannot
//! know, and more than one answer to every question listed; and that no
//! output carries more precision than it shows.

mod common;

use common::teams::{TeamLinks, accept, colleague, join, join_counted, start_team};
use common::{TestApp, example, fill_and_submit, get_page, spawn_app_with, study};
use dealbench::domain::IndexKind;
use dealbench::domain::Questionnaire;
use dealbench::domain::team::disclosure::{half_means, step};

/// The indices of the team report, in its order, with their row keys.
const INDICES: [(IndexKind, &str); 5] = [
    (IndexKind::Overall, "overall"),
    (IndexKind::Sub(dealbench::domain::SubIndex::Value), "value"),
    (
        IndexKind::Sub(dealbench::domain::SubIndex::Number),
        "number",
    ),
    (
        IndexKind::Sub(dealbench::domain::SubIndex::WinRate),
        "win_rate",
    ),
    (
        IndexKind::Sub(dealbench::domain::SubIndex::SalesCycle),
        "sales_cycle",
    ),
];

/// The reps' colour in the team report's charts (the third role group).
const REPS_COLOUR: &str = "#4a86c8";

/// A member the attacker knows: role, answers and exact scores.
struct Known {
    role: &'static str,
    answers: serde_json::Value,
    scores: Vec<Option<f64>>,
}

/// Every team output the starter can read, at one moment.
struct Outputs {
    html: String,
    pdf: Option<String>,
}

async fn outputs(app: &TestApp, client: &reqwest::Client, team_report: &str) -> Outputs {
    let html = get_page(app, client, team_report).await;
    let pdf = client
        .get(app.url(&format!("{team_report}.pdf")))
        .send()
        .await
        .expect("pdf")
        .bytes()
        .await
        .expect("bytes");
    Outputs {
        html,
        pdf: common::pdf_text(&pdf).map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")),
    }
}

/// The page without its form token, which differs by client, not by figure.
fn without_token(html: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    match html.find(marker) {
        Some(at) => format!("{}{}", &html[..at], &html[at + marker.len() + 64..]),
        None => html.to_string(),
    }
}

/// The part of the page with every figure: the team's, the roles' and the
/// questions' (not the list of waves, which counts who answered).
fn figures(html: &str) -> &str {
    let from = html.find("id=\"team-h\"").expect("figures");
    let to = html.find("aria-labelledby=\"waves-h\"").expect("waves");
    &html[from..to]
}

fn unescape(s: &str) -> String {
    s.replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}

/// The number in `s` right before its first `%`.
fn percent_at(s: &str) -> f64 {
    let end = s.find('%').expect("a percentage");
    let start = s[..end]
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    s[start..end].parse().expect("a whole number")
}

/// The shown team mean of an index, and its halves when shown.
fn team_row(html: &str, key: &str) -> Option<(f64, Option<(f64, f64)>)> {
    let row = html.split(&format!("<dt id=\"figure-{key}\">")).nth(1)?;
    let cell = &row[row.find("<dd>")? + 4..row.find("</dd>")?];
    if !cell.contains('%') {
        return None;
    }
    let mean = percent_at(cell);
    let halves = cell.split_once("averages ").and_then(|(_, rest)| {
        let (_, upper) = rest.split_once(", ")?;
        Some((percent_at(rest), percent_at(upper)))
    });
    Some((mean, halves))
}

/// The reps' label on each row of a chart (by its `aria-label`), in order.
fn reps_bars(html: &str, chart: &str) -> Vec<Option<f64>> {
    let Some(svg) = html.split(&format!("aria-label=\"{chart}\"")).nth(1) else {
        return Vec::new();
    };
    let svg = &svg[..svg.find("</svg>").expect("end of chart")];
    svg.split("<g class=\"gap-row\">")
        .skip(1)
        .map(|row| {
            let bar = row.split(&format!("fill=\"{REPS_COLOUR}\"/>")).nth(1)?;
            let label = &bar[bar.find('>')? + 1..bar.find("</text>")?];
            Some(percent_at(label))
        })
        .collect()
}

/// The questions listed where the roles differ most, as the page names them.
fn listed_items(html: &str) -> Vec<String> {
    let Some(chart) = html.split("id=\"item-chart\"").nth(1) else {
        return Vec::new();
    };
    let chart = &chart[..chart.find("</svg>").expect("end")];
    chart
        .split("<g class=\"gap-row\"><title>")
        .skip(1)
        .map(|row| unescape(&row[..row.find("</title>").expect("name")]))
        .collect()
}

/// The victim's values that a figure would admit without the victim's noise,
/// in tenths from -400 to 500 (the noise carries a value past the scale's
/// ends; `None` when none would): from an
/// exact figure as a function of the victim's value, the shown value, and the
/// rule's step and dither bound (the exact figure lies strictly within 1.5
/// steps of the shown one; a shown 0 or 100 stands for anything beyond).
fn window(exact: impl Fn(f64) -> f64, shown: f64, w: f64) -> Option<(f64, f64)> {
    let fits =
        |x: f64| (shown >= 100.0 || x < shown + 1.5 * w) && (shown <= 0.0 || x > shown - 1.5 * w);
    let hits: Vec<f64> = (-4000..=5000)
        .map(|i| f64::from(i) / 10.0)
        .filter(|&v| fits(exact(v)))
        .collect();
    Some((*hits.first()?, *hits.last()?))
}

/// Plays the arithmetic on every index figure of one release that covers the
/// victim: returns the narrowest window found, after asserting each spans
/// more than 20 points.
fn attack_indices(html: &str, covered: &[&Known], victim: &Known, naive: &mut Vec<String>) -> f64 {
    let mut narrowest: f64 = 100.0;
    let reps = reps_bars(html, "Perception gap by role per index");
    for (k, (_, key)) in INDICES.iter().enumerate() {
        let truth = victim.scores[k].expect("the rep's score");
        assert!((20.0..=80.0).contains(&truth), "a rep scoring mid-scale");
        // The window is the one the rounding leaves around the rep's score
        // plus the rep's own noise, which the starter cannot know: the truth
        // may lie outside it, and it is wide however the noise fell.
        let mut check = |what: &str, exact: &dyn Fn(f64) -> f64, shown: f64, w: f64| {
            // No score on the scale fits without the noise: nothing pinned.
            let Some((lo, hi)) = window(exact, shown, w) else {
                return;
            };
            assert!(
                hi - lo > 20.0,
                "{key} {what}: the rep's {truth} pinned to {lo}..{hi}"
            );
            narrowest = narrowest.min(hi - lo);
        };
        let others: Vec<f64> = covered.iter().filter_map(|m| m.scores[k]).collect();
        let n = others.len() + 1;
        let sum: f64 = others.iter().sum();
        let (mean, halves) = team_row(html, key).expect("a team figure");
        naive.push(format!(
            "{key}: {n} x {mean} - others = {:.1} (truth {truth:.1})",
            n as f64 * mean - sum
        ));
        check(
            "team mean",
            &|v| (sum + v) / n as f64,
            mean,
            step(n).expect("step"),
        );
        if let Some((lower, upper)) = halves {
            let half = |take_lower: bool| {
                let others = others.clone();
                move |v: f64| {
                    let mut all = others.clone();
                    all.push(v);
                    all.sort_by(f64::total_cmp);
                    let (l, u, _) = half_means(&all).expect("halves");
                    if take_lower { l } else { u }
                }
            };
            let w = step(n / 2).expect("step");
            // A half shown at the mean may stand for anything beyond it.
            if lower < mean {
                check("lower half", &half(true), lower, w);
            }
            if upper > mean {
                check("upper half", &half(false), upper, w);
            }
        }
        if let Some(Some(shown)) = reps.get(k) {
            let others: Vec<f64> = covered
                .iter()
                .filter(|m| m.role == "rep")
                .filter_map(|m| m.scores[k])
                .collect();
            let n = others.len() + 1;
            let sum: f64 = others.iter().sum();
            naive.push(format!(
                "{key} reps: {n} x {shown} - others = {:.1} (truth {truth:.1})",
                n as f64 * shown - sum
            ));
            check(
                "reps' mean",
                &|v| (sum + v) / n as f64,
                *shown,
                step(n).expect("step"),
            );
        }
    }
    narrowest
}

/// Reads the reps' figure on every question listed: each is a whole number on
/// its rounding grid and, unlike the indices, the rep's own answer enters it
/// with a noise of its own, so the arithmetic that recovers an answer from
/// the exact mean of five gives nothing certain. (`cargo test -p
/// dealbench-domain attack` plays a stronger attacker, one who also knows
/// every planted member's noise, and bounds what a figure says about the
/// answer.) Returns how many questions had a reps' figure.
fn attack_items(q: &Questionnaire, html: &str, covered: &[&Known]) -> usize {
    let names = listed_items(html);
    let bars = reps_bars(html, "The items where the roles differ most");
    assert_eq!(names.len(), bars.len());
    let mut checked = 0;
    for (name, shown) in names.iter().zip(bars) {
        let Some(shown) = shown else { continue };
        let item = q
            .items
            .iter()
            .find(|i| &i.text == name)
            .expect("a listed question");
        // The reps whose answer on it is scored stand behind the figure.
        let reps = covered
            .iter()
            .filter(|m| m.role == "rep")
            .filter(|m| {
                let id = m.answers.get(&item.id).and_then(|a| a.as_str());
                id.and_then(|id| item.option(id))
                    .is_some_and(|(_, o)| o.score.is_some())
            })
            .count();
        let w = step(reps).expect("a step");
        assert!(
            shown == 100.0 || shown % w == 0.0,
            "{name}: {shown} on its grid of {w}"
        );
        checked += 1;
    }
    checked
}

/// Searches an output for more precision than the report shows: any number
/// with two or more decimals, an exact mean of the members written out, and
/// in SVG geometry any number with a decimal at all (bars are drawn from the
/// shown, whole figures).
fn assert_no_hidden_precision(output: &str, exact: &[f64], what: &str) {
    let bytes = output.as_bytes();
    for (i, _) in output.match_indices('.') {
        let digits_after = bytes[i + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let digit_before = i > 0 && bytes[i - 1].is_ascii_digit();
        assert!(
            !(digit_before && digits_after >= 2),
            "{what}: a number with {digits_after} decimals near {:?}",
            &output[i.saturating_sub(20)..(i + 20).min(output.len())]
        );
    }
    for x in exact {
        if (x - x.round()).abs() > 0.05 {
            let written = format!("{x:.1}");
            assert!(
                !output.contains(&written),
                "{what} shows the exact {written}"
            );
        }
    }
    for svg in output.split("<svg").skip(1) {
        let svg = &svg[..svg.find("</svg>").unwrap_or(svg.len())];
        for attribute in ["x", "y", "width", "height"] {
            for value in svg.split(&format!(" {attribute}=\"")).skip(1) {
                let value = &value[..value.find('"').expect("end")];
                let value = value.trim_end_matches('%');
                assert!(
                    !value.is_empty() && value.chars().all(|c| c.is_ascii_digit()),
                    "{what}: SVG {attribute}=\"{value}\""
                );
            }
        }
    }
}

#[actix_web::test]
async fn a_starter_who_plants_every_other_member_cannot_read_a_real_colleague() {
    let app = spawn_app_with(40).await;
    let q = study();
    let starter = app.client();
    let strong = example("strong-company");
    let report = fill_and_submit(&app, &starter, &strong).await;
    accept(&app, &report).await;
    let TeamLinks {
        invite,
        team_report,
    } = start_team(&app, &starter, &report).await;

    async fn known_of(
        app: &TestApp,
        role: &'static str,
        answers: serde_json::Value,
        report: &str,
    ) -> Known {
        let stored = app
            .stored(report.trim_start_matches("/r/"))
            .await
            .expect("stored");
        Known {
            role,
            answers,
            scores: INDICES
                .iter()
                .map(|(k, _)| k.of(&stored.scorecard))
                .collect(),
        }
    }
    let mut counted: Vec<Known> = vec![known_of(&app, "executive", strong.clone(), &report).await];
    let mut exact: Vec<f64> = Vec::new();
    // A fake that passed the checks: joined and counted.
    async fn plant(
        app: &TestApp,
        invite: &str,
        base: &str,
        role: &'static str,
        n: usize,
    ) -> (String, serde_json::Value) {
        let answers = colleague(base, role, &format!("Fake {n}"));
        let report = join_counted(app, invite, &answers, false).await;
        (report, answers)
    }
    let fakes = [
        ("weak-company", "rep"),
        ("strong-company", "rep"),
        ("mixed-vp-of-sales", "executive"),
        ("weak-company", "executive"),
    ];
    for (i, (base, role)) in fakes.iter().enumerate() {
        let (report, answers) = plant(&app, &invite, base, role, i).await;
        counted.push(known_of(&app, role, answers, &report).await);
    }
    let before_held = outputs(&app, &starter, &team_report).await;
    assert!(before_held.html.contains("Wave 1: 5 people answered."));

    // A fake held as a speeder: it counts toward nothing and changes nothing.
    join(
        &app,
        &invite,
        &colleague("weak-company", "rep", "Fake held"),
        false,
    )
    .await;
    let after_held = outputs(&app, &starter, &team_report).await;
    assert_eq!(
        without_token(&after_held.html),
        without_token(&before_held.html)
    );
    assert_eq!(after_held.pdf, before_held.pdf);

    // The real rep joins: one member, so no figure changes; the starter learns
    // nothing from before and after.
    let real_report = join_counted(
        &app,
        &invite,
        &colleague("average-company", "rep", "Real Rep"),
        false,
    )
    .await;
    let victim = known_of(
        &app,
        "rep",
        colleague("average-company", "rep", "Real Rep"),
        &real_report,
    )
    .await;
    let with_rep = outputs(&app, &starter, &team_report).await;
    assert!(with_rep.html.contains("Wave 1: 6 people answered."));
    assert_eq!(figures(&with_rep.html), figures(&before_held.html));

    // Two more fakes: the release of eight covers the real rep.
    for (i, (base, role)) in [("strong-company", "rep"), ("strong-company", "executive")]
        .iter()
        .enumerate()
    {
        let (report, answers) = plant(&app, &invite, base, role, 10 + i).await;
        counted.push(known_of(&app, role, answers, &report).await);
    }
    let eight = outputs(&app, &starter, &team_report).await;
    assert!(
        eight
            .html
            .contains("These figures are those of the first 8 people who answered.")
    );
    // Covered: the five before the rep, then the two after it.
    let covered: Vec<&Known> = counted.iter().collect();
    let mut naive = Vec::new();
    let narrowest = attack_indices(&eight.html, &covered, &victim, &mut naive);
    // The difference attack between the releases of five and eight: it adds
    // nothing the window above does not already allow (the release of five
    // does not cover the rep), and its arithmetic misses like the rest.
    for (k, (_, key)) in INDICES.iter().enumerate() {
        let five = team_row(&before_held.html, key).expect("five").0;
        let eight_mean = team_row(&eight.html, key).expect("eight").0;
        let newcomers: f64 = counted[5..7].iter().filter_map(|m| m.scores[k]).sum();
        naive.push(format!(
            "{key}: 8 x {eight_mean} - 5 x {five} - newcomers = {:.1} (truth {:.1})",
            8.0 * eight_mean - 5.0 * five - newcomers,
            victim.scores[k].expect("score")
        ));
    }
    println!(
        "narrowest window on the rep at eight: {narrowest:.1} points\n{}",
        naive.join("\n")
    );

    // Three more: the release of eleven holds five reps and five leaders, so
    // the questions where the roles differ most are listed.
    for (i, (base, role)) in [
        ("weak-company", "rep"),
        ("average-company", "executive"),
        ("weak-company", "manager"),
    ]
    .iter()
    .enumerate()
    {
        let (report, answers) = plant(&app, &invite, base, role, 20 + i).await;
        counted.push(known_of(&app, role, answers, &report).await);
    }
    let eleven = outputs(&app, &starter, &team_report).await;
    assert!(eleven.html.contains("Wave 1: 11 people answered."));
    let covered: Vec<&Known> = counted.iter().collect();
    attack_indices(&eleven.html, &covered, &victim, &mut Vec::new());
    let items = attack_items(&q, &eleven.html, &covered);
    assert!(items > 0, "the reps have figures on listed questions");
    assert_eq!(listed_items(&eleven.html).len(), 10);

    // No output carries more precision than it shows: the exact means of
    // every figure at every release, and the rep's own scores, never appear.
    for (size, with_victim) in [(5usize, false), (8, true), (11, true)] {
        for k in 0..INDICES.len() {
            let mut scores: Vec<f64> = counted[..size - usize::from(with_victim)]
                .iter()
                .filter_map(|m| m.scores[k])
                .collect();
            if with_victim {
                scores.extend(victim.scores[k]);
            }
            exact.push(scores.iter().sum::<f64>() / scores.len() as f64);
        }
    }
    exact.extend(victim.scores.iter().flatten());
    for (name, out) in [
        ("five", &before_held),
        ("held", &after_held),
        ("six", &with_rep),
        ("eight", &eight),
        ("eleven", &eleven),
    ] {
        assert_no_hidden_precision(&out.html, &exact, name);
        if let Some(pdf) = &out.pdf {
            assert_no_hidden_precision(pdf, &exact, name);
            // Paper says what the page says.
            let page = unescape(&out.html);
            for (_, key) in INDICES {
                if let Some(cell) = page.split(&format!("<dt id=\"figure-{key}\">")).nth(1) {
                    let cell = &cell[cell.find("<dd>").expect("cell") + 4..];
                    let cell = &cell[..cell.find("</dd>").expect("end")];
                    assert!(pdf.contains(cell), "{name}: the PDF lacks {cell:?}");
                }
            }
        }
    }
    // The starter's own team page shows no figure; nothing else serves one.
    let links = get_page(&app, &starter, &format!("{report}/team")).await;
    assert_no_hidden_precision(&links, &exact, "links");
    let team_id = team_report.trim_start_matches("/teams/");
    for path in [
        format!("/teams/{team_id}.json"),
        format!("/api/v2/teams/{team_id}"),
    ] {
        let resp = starter.get(app.url(&path)).send().await.expect("get");
        assert_eq!(resp.status(), 404, "{path}");
    }
}
