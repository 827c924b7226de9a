//! Builds the team report of a team's last wave, one function per part. Every
//! figure is released through [`super::disclosure`]; everything derived from
//! figures (standing among peers, gaps between roles, changes between waves,
//! which gaps are notable) is computed from the released figures, never from
//! the exact ones.

use std::collections::BTreeMap;

use super::disclosure::{
    INDEX_FAMILY, INDEX_NOISE, ITEM_NOISE, ItemScale, Release, Shown, beyond_rounding, half_means,
    show_with_noise,
};
use super::model::{
    Gap, Member, RoleView, TeamFigure, TeamInput, TeamReport, TeamSaid, WaveFigures, WaveMembers,
};
use super::rules::TeamRules;
use super::said::{self, count, figure, percent, role_in_sentence, role_leading};
use crate::answers::Answer;
use crate::language::Language;
use crate::peer::{IndexKind, PeerGroup};
use crate::phrases;
use crate::questionnaire::{PartKind, SubIndex};
use crate::report::index_name;

/// The indices the team report covers: the company index and its sub-indices.
pub(super) const INDICES: [IndexKind; 5] = [
    IndexKind::Overall,
    IndexKind::Sub(SubIndex::Value),
    IndexKind::Sub(SubIndex::Number),
    IndexKind::Sub(SubIndex::WinRate),
    IndexKind::Sub(SubIndex::SalesCycle),
];

/// The dither family of the team's means (one draw for all five, so that the
/// company index and the mean of its sub-indices do not average it away).
const TEAM: &str = "team";

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// A wave as released: its counted members, the release they reach and the
/// members it covers, each with their role group.
pub(super) struct WaveRelease<'a> {
    pub wave: u32,
    pub counted: Vec<&'a Member>,
    pub release: Option<Release<'a>>,
    pub covered: Vec<(&'a Member, Option<usize>)>,
}

impl<'a> WaveRelease<'a> {
    pub fn of(input: &TeamInput<'a>, wave: &'a WaveMembers) -> WaveRelease<'a> {
        let rules = input.rules;
        let counted: Vec<&Member> = wave.members.iter().filter(|m| !m.held).collect();
        let size = rules.release_size(counted.len());
        let covered = counted[..size.unwrap_or(0)]
            .iter()
            .map(|m| (*m, rules.role_group_of(input.questionnaire, &m.answers)))
            .collect();
        WaveRelease {
            wave: wave.wave,
            release: size.map(|s| Release::new(input.key, input.team, wave.wave, s)),
            counted,
            covered,
        }
    }

    /// The covered members' scores on one index, each with its member's own
    /// noise once the wave has a release (their place in the counting order
    /// keys it; one draw for all of a member's indices), lowest first.
    fn scores(&self, kind: IndexKind, role: Option<usize>) -> Vec<f64> {
        let mut scores: Vec<f64> = self
            .covered
            .iter()
            .enumerate()
            .filter(|(_, (_, r))| role.is_none() || *r == role)
            .filter_map(|(place, (m, _))| {
                let score = (*m.scores.get(kind))?;
                Some(match &self.release {
                    Some(release) => {
                        score + INDEX_NOISE * release.member_noise(place, INDEX_FAMILY)
                    }
                    None => score,
                })
            })
            .collect();
        scores.sort_by(f64::total_cmp);
        scores
    }

    /// The team's mean of one index, released; with the (noisy) scores
    /// behind it. When every member behind it belongs to a role with a shown
    /// figure, the team's mean is a weighted mean of theirs, so it is shown
    /// between the highest and the lowest of them, never above both (the
    /// rounding of separate figures could otherwise put it there).
    fn team_mean(&self, rules: &TeamRules, kind: IndexKind) -> (Vec<f64>, Option<Shown>) {
        let scores = self.scores(kind, None);
        let shown = match (&self.release, mean(&scores)) {
            (Some(release), Some(m)) if scores.len() >= rules.team_minimum => {
                show_with_noise(m, scores.len(), release.dither(TEAM), INDEX_NOISE)
            }
            _ => None,
        };
        let shown = shown.map(|mut team| {
            // The role groups of the members behind the mean, each once.
            let mut groups: Vec<Option<usize>> = self
                .covered
                .iter()
                .filter(|(m, _)| m.scores.get(kind).is_some())
                .map(|(_, role)| *role)
                .collect();
            groups.sort_unstable();
            groups.dedup();
            let roles: Option<Vec<f64>> = groups
                .into_iter()
                .map(|g| {
                    g.and_then(|g| self.role_mean(rules, kind, g))
                        .map(|r| r.value)
                })
                .collect();
            if let Some(roles) = roles.filter(|r| !r.is_empty()) {
                let low = roles.iter().copied().fold(f64::INFINITY, f64::min);
                let high = roles.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                team.value = team.value.clamp(low, high);
            }
            team
        });
        (scores, shown)
    }

    /// One role group's mean of one index, released with one dither per
    /// role; `None` with fewer than the role minimum behind it.
    fn role_mean(&self, rules: &TeamRules, kind: IndexKind, g: usize) -> Option<Shown> {
        let release = self.release?;
        let members = self.covered.iter().filter(|(_, r)| *r == Some(g)).count();
        let scores = self.scores(kind, Some(g));
        if members < rules.minimum_per_role || scores.len() < rules.minimum_per_role {
            return None;
        }
        show_with_noise(
            mean(&scores)?,
            scores.len(),
            release.dither(&format!("role/{}", rules.role_groups[g].id)),
            INDEX_NOISE,
        )
    }
}

/// Builds the team report of the last wave in `input.waves`.
pub fn team_report(input: &TeamInput<'_>) -> TeamReport {
    let q = input.questionnaire;
    let rules = input.rules;
    let empty = WaveMembers {
        wave: 1,
        members: Vec::new(),
    };
    let newest_wave = input.waves.last().unwrap_or(&empty);
    let newest = WaveRelease::of(input, newest_wave);
    // A new wave shows the last one's figures until it has enough members.
    let current_wave = if newest.release.is_some() {
        newest_wave
    } else {
        input
            .waves
            .iter()
            .rev()
            .find(|w| WaveRelease::of(input, w).release.is_some())
            .unwrap_or(newest_wave)
    };
    let current = WaveRelease::of(input, current_wave);
    let peers = TeamPeers::of(input);
    let figures = team_figures(input, &current, peers.as_ref());
    let roles = role_views(rules, &current);
    let has_gap = roles.iter().filter(|r| r.shown).count() >= 2;
    let index_gaps = index_gaps(input, &current, &roles);
    let item_gaps = if has_gap {
        item_gaps(input, &current)
    } else {
        Vec::new()
    };
    let waves = wave_figures(input, &figures);
    let mut names: Vec<String> = current
        .counted
        .iter()
        .filter_map(|m| m.shown_name.as_deref())
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect();
    names.sort();
    let mut report = TeamReport {
        study_name: q.name.clone(),
        wave: current.wave,
        newest_wave: newest.wave,
        newest_members: newest.counted.len(),
        members: current.counted.len(),
        covered: current.release.map(|r| r.size),
        next_release: rules.next_release(current.counted.len()),
        minimum: rules.minimum_per_role,
        enough: current.release.is_some(),
        figures,
        roles,
        has_gap,
        index_gaps,
        item_gaps,
        peer_dimensions: peers.as_ref().map(|p| p.labels(q)).unwrap_or_default(),
        peer_size: peers.as_ref().map(|p| p.size),
        waves,
        names,
        said: TeamSaid::default(),
        language: q.language,
    };
    report.said = said::team_said(q, rules, &report);
    report
}

/// The team's peer group: the first along the fallback chain with at least K
/// responses besides the team's own members, and those members, whom the
/// team's standing leaves out (a team is not its own peer, as a respondent is
/// not; and a member joining would otherwise move the standing and tell on
/// which side of the team's mean they scored).
struct TeamPeers<'p, 'a> {
    group: &'p PeerGroup<'a>,
    own: Vec<&'p Member>,
    size: usize,
}

impl<'p, 'a> TeamPeers<'p, 'a> {
    fn of(input: &'p TeamInput<'a>) -> Option<TeamPeers<'p, 'a>> {
        let q = input.questionnaire;
        input.peers.iter().find_map(|group| {
            let own: Vec<&Member> = input
                .waves
                .iter()
                .flat_map(|w| &w.members)
                .filter(|m| !m.held && m.in_peer_index && in_group(q, m, &group.dimensions))
                .collect();
            let size = group.scores.size.checked_sub(own.len())?;
            (size >= input.peer_minimum).then_some(TeamPeers { group, own, size })
        })
    }

    /// The group's dimensions, as their option labels.
    fn labels(&self, q: &crate::questionnaire::Questionnaire) -> Vec<String> {
        self.group
            .dimensions
            .iter()
            .map(|(dim, option)| {
                q.dimensions()
                    .find(|(d, _)| d == dim)
                    .and_then(|(_, item)| item.option(option))
                    .map_or_else(|| option.clone(), |(_, o)| o.label.clone())
            })
            .collect()
    }

    /// The share of the group, the team's own members left out, that did not
    /// score better than `score`.
    fn relative(&self, kind: IndexKind, score: f64) -> Option<f64> {
        let own: Vec<f64> = self
            .own
            .iter()
            .filter_map(|m| *m.scores.get(kind))
            .collect();
        self.group
            .scores
            .scores(kind)
            .relative_performance_without(score, &own)
    }
}

/// Whether a member's profile answers put them in a peer group.
fn in_group(
    q: &crate::questionnaire::Questionnaire,
    m: &Member,
    dims: &[(String, String)],
) -> bool {
    dims.iter().all(|(dim, option)| {
        q.dimensions()
            .find(|(d, _)| d == dim)
            .and_then(|(_, item)| {
                let pos = q.item_position(&item.id)?;
                match m.answers.get(pos) {
                    Some(Answer::Option(i)) => item.options.get(*i).map(|o| &o.id == option),
                    _ => None,
                }
            })
            .unwrap_or(false)
    })
}

/// The team's mean and spread per index, and where the shown mean stands
/// among peers.
fn team_figures(
    input: &TeamInput<'_>,
    current: &WaveRelease<'_>,
    peers: Option<&TeamPeers<'_, '_>>,
) -> Vec<TeamFigure> {
    let q = input.questionnaire;
    let l = q.language;
    let rules = input.rules;
    let dimensions = peers.map(|p| p.labels(q).join(", ")).unwrap_or_default();
    let size = peers.map(|p| count(l, p.size)).unwrap_or_default();
    INDICES
        .iter()
        .map(|&kind| {
            let (scores, shown) = current.team_mean(rules, kind);
            let mean = shown.map(|s| s.value);
            let (lower_half, upper_half) = match (current.release, mean) {
                (Some(release), Some(m)) if scores.len() >= rules.spread_minimum => {
                    spread(&release, kind, &scores, m)
                }
                _ => (None, None),
            };
            let relative = mean.zip(peers).and_then(|(m, p)| p.relative(kind, m));
            let display = match (mean, lower_half, upper_half) {
                (Some(m), Some(lower), Some(upper)) => phrases::say(
                    l,
                    "team-figure-spread",
                    &[
                        ("mean", percent(l, m).into()),
                        ("lower", percent(l, lower).into()),
                        ("upper", percent(l, upper).into()),
                    ],
                ),
                (Some(m), _, _) => phrases::say(
                    l,
                    "team-figure-no-spread",
                    &[
                        ("mean", percent(l, m).into()),
                        ("minimum", rules.spread_minimum.into()),
                    ],
                ),
                _ if current.release.is_none() => phrases::say(
                    l,
                    "team-figure-not-yet",
                    &[("minimum", rules.team_minimum.into())],
                ),
                _ => phrases::say(
                    l,
                    "team-figure-none",
                    &[("minimum", rules.team_minimum.into())],
                ),
            };
            // Everyone in the study, or the peer group named by its profile.
            let everyone = dimensions.is_empty();
            let mut args = vec![("size", size.clone().into())];
            if !everyone {
                args.push(("dimensions", dimensions.clone().into()));
            }
            let peer_sentence = match relative {
                Some(r) if r >= 99.5 => phrases::say(
                    l,
                    if everyone {
                        "team-peers-top-everyone"
                    } else {
                        "team-peers-top"
                    },
                    &args,
                ),
                Some(r) => {
                    args.push(("share", percent(l, r.round()).into()));
                    phrases::say(
                        l,
                        if everyone {
                            "team-peers-higher-everyone"
                        } else {
                            "team-peers-higher"
                        },
                        &args,
                    )
                }
                None => String::new(),
            };
            TeamFigure {
                key: kind.key(),
                name: index_name(q, kind),
                answered: scores.len(),
                mean,
                lower_half,
                upper_half,
                relative,
                display,
                peer_sentence,
            }
        })
        .collect()
}

/// The means of the lower and upper half, released like figures over half the
/// members, each with a dither of its own; never shown across the shown mean.
fn spread(
    release: &Release<'_>,
    kind: IndexKind,
    sorted: &[f64],
    shown_mean: f64,
) -> (Option<f64>, Option<f64>) {
    let Some((lower, upper, k)) = half_means(sorted) else {
        return (None, None);
    };
    let lower = show_with_noise(
        lower,
        k,
        release.dither(&format!("lower/{}", kind.key())),
        INDEX_NOISE,
    );
    let upper = show_with_noise(
        upper,
        k,
        release.dither(&format!("upper/{}", kind.key())),
        INDEX_NOISE,
    );
    (
        lower.map(|l| l.value.min(shown_mean)),
        upper.map(|u| u.value.max(shown_mean)),
    )
}

fn role_views(rules: &TeamRules, current: &WaveRelease<'_>) -> Vec<RoleView> {
    rules
        .role_groups
        .iter()
        .enumerate()
        .map(|(g, group)| {
            let n = current
                .covered
                .iter()
                .filter(|(_, r)| *r == Some(g))
                .count();
            let shown = current.release.is_some() && n >= rules.minimum_per_role;
            RoleView {
                id: group.id.clone(),
                name: group.name.clone(),
                shown,
                members: shown.then_some(n),
            }
        })
        .collect()
}

/// Each role's mean per index.
fn index_gaps(input: &TeamInput<'_>, current: &WaveRelease<'_>, roles: &[RoleView]) -> Vec<Gap> {
    let rules = input.rules;
    INDICES
        .iter()
        .map(|&kind| {
            let by_role = roles
                .iter()
                .enumerate()
                .map(|(g, role)| {
                    role.shown
                        .then(|| current.role_mean(rules, kind, g))
                        .flatten()
                })
                .collect();
            gap_of(
                input.questionnaire.language,
                rules,
                kind.key().to_string(),
                index_name(input.questionnaire, kind),
                String::new(),
                by_role,
            )
        })
        .collect()
}

/// Each role's figure on each scored company item (answers at either end of
/// the scale counted as their neighbour), where at least two roles have one;
/// the largest differences first.
fn item_gaps(input: &TeamInput<'_>, current: &WaveRelease<'_>) -> Vec<Gap> {
    let q = input.questionnaire;
    let rules = input.rules;
    let Some(release) = current.release else {
        return Vec::new();
    };
    let section_title: BTreeMap<&str, &str> = q
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    let mut gaps: Vec<Gap> = q
        .items_of_part(PartKind::Company)
        .filter(|item| item.is_scored())
        .filter_map(|item| {
            let pos = q.item_position(&item.id)?;
            let scale = ItemScale::of(item.options.iter().filter_map(|o| o.score))?;
            let by_role = rules
                .role_groups
                .iter()
                .enumerate()
                .map(|(g, role)| {
                    // Each answer with its member's own noise on this
                    // question (their place in the counting order keys it).
                    let family = format!("item/{}", item.id);
                    let values: Vec<f64> = current
                        .covered
                        .iter()
                        .enumerate()
                        .filter(|(_, (_, r))| *r == Some(g))
                        .filter_map(|(place, (m, _))| match m.answers.get(pos) {
                            Some(Answer::Option(i)) => item.options[*i].score.map(|s| {
                                scale.count(s) + ITEM_NOISE * release.member_noise(place, &family)
                            }),
                            _ => None,
                        })
                        .collect();
                    if values.len() < rules.item_minimum {
                        return None;
                    }
                    show_with_noise(
                        mean(&values)?,
                        values.len(),
                        release.dither(&format!("item/{}/{}", role.id, item.id)),
                        ITEM_NOISE,
                    )
                })
                .collect();
            let gap = gap_of(
                q.language,
                rules,
                item.id.clone(),
                item.text.clone(),
                section_title
                    .get(item.section.as_str())
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                by_role,
            );
            gap.difference.is_some().then_some(gap)
        })
        .collect();
    // Largest difference first; ties keep questionnaire order.
    gaps.sort_by(|a, b| {
        b.difference
            .unwrap_or(0.0)
            .total_cmp(&a.difference.unwrap_or(0.0))
    });
    gaps.truncate(rules.items_listed);
    gaps
}

/// The gap between the roles' shown figures, and what it says.
fn gap_of(
    l: Language,
    rules: &TeamRules,
    key: String,
    name: String,
    section: String,
    by_role: Vec<Option<Shown>>,
) -> Gap {
    let named: Vec<(usize, Shown)> = by_role
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i, v)))
        .collect();
    let high = named
        .iter()
        .copied()
        .max_by(|a, b| a.1.value.total_cmp(&b.1.value));
    let low = named
        .iter()
        .copied()
        .min_by(|a, b| a.1.value.total_cmp(&b.1.value));
    let (highest, lowest, difference, notable) = match (high, low) {
        (Some(h), Some(l)) if named.len() >= 2 => {
            let d = h.1.value - l.1.value;
            (
                Some(rules.role_groups[h.0].name.clone()),
                Some(rules.role_groups[l.0].name.clone()),
                Some(d),
                d >= rules.notable_gap && beyond_rounding(d, &h.1, &l.1),
            )
        }
        _ => (None, None, None, false),
    };
    let sentence = match (&highest, &lowest, difference) {
        (Some(h), Some(low), Some(d)) if notable => {
            let mut args = vec![
                ("higher", role_leading(l, h).into()),
                ("lower", role_in_sentence(l, low).into()),
                ("points", d.into()),
                ("shown", figure(l, d).into()),
            ];
            if section.is_empty() {
                args.push(("index", name.clone().into()));
                phrases::say(l, "team-gap-index", &args)
            } else {
                // An item's own question stands above the sentence.
                phrases::say(l, "team-gap-item", &args)
            }
        }
        // Every figure carries its members' noise: a small gap says nothing
        // either way, so it is not called agreement.
        (Some(_), Some(_), Some(0.0)) => phrases::say(l, "team-gap-level", &[]),
        (Some(_), Some(_), Some(d)) => phrases::say(
            l,
            "team-gap-within",
            &[("points", d.into()), ("shown", figure(l, d).into())],
        ),
        _ => String::new(),
    };
    Gap {
        key,
        name,
        section,
        by_role: by_role.iter().map(|v| v.map(|v| v.value)).collect(),
        highest,
        lowest,
        difference,
        notable,
        sentence,
    }
}

/// Every wave's team means (each wave's last release) and their changes, from
/// the shown means.
fn wave_figures(input: &TeamInput<'_>, figures: &[TeamFigure]) -> Vec<WaveFigures> {
    let rules = input.rules;
    let l = input.questionnaire.language;
    let mut waves: Vec<WaveFigures> = Vec::new();
    let mut shown_before: Option<Vec<Option<Shown>>> = None;
    for w in input.waves {
        let released = WaveRelease::of(input, w);
        let shown: Vec<Option<Shown>> = INDICES
            .iter()
            .map(|&kind| released.team_mean(rules, kind).1)
            .collect();
        let means: Vec<Option<f64>> = shown.iter().map(|s| s.map(|s| s.value)).collect();
        let changes: Vec<Option<(f64, bool)>> = shown
            .iter()
            .enumerate()
            .map(|(i, now)| {
                let (now, then) = ((*now)?, shown_before.as_ref()?[i]?);
                let change = now.value - then.value;
                Some((change, beyond_rounding(change.abs(), &now, &then)))
            })
            .collect();
        // A change no larger than the rounding and the members' noise make
        // on their own is said to be so, not read as a movement.
        let displays: Vec<String> = means
            .iter()
            .zip(&changes)
            .map(|(m, c)| match (m, c) {
                (Some(m), Some((c, beyond))) => phrases::say(
                    l,
                    if *beyond {
                        "team-wave-change"
                    } else {
                        "team-wave-change-within"
                    },
                    &[
                        ("mean", percent(l, *m).into()),
                        ("points", c.abs().into()),
                        ("change", signed(l, *c).into()),
                    ],
                ),
                (Some(m), None) => percent(l, *m),
                _ => phrases::say(l, "team-too-few", &[]),
            })
            .collect();
        let changes: Vec<Option<f64>> = changes.iter().map(|c| c.map(|c| c.0)).collect();
        if shown.iter().any(Option::is_some) {
            shown_before = Some(shown);
        }
        let covered = released.release.map(|r| r.size);
        let members = released.counted.len();
        let answered = match covered {
            Some(n) if n < members => phrases::say(
                l,
                "team-wave-answered-covered",
                &[("members", members.into()), ("covered", n.into())],
            ),
            _ => phrases::say(l, "team-wave-answered", &[("members", members.into())]),
        };
        let said: Vec<String> = figures
            .iter()
            .zip(&displays)
            .zip(&means)
            .filter(|(_, m)| m.is_some())
            .map(|((f, d), _)| {
                phrases::say(
                    l,
                    "team-wave-figure",
                    &[
                        ("index", f.name.clone().into()),
                        ("figure", d.clone().into()),
                    ],
                )
            })
            .collect();
        let line = if said.is_empty() {
            phrases::say(
                l,
                "team-wave-line-none",
                &[
                    ("wave", w.wave.into()),
                    ("answered", answered.clone().into()),
                    ("minimum", rules.team_minimum.into()),
                ],
            )
        } else {
            phrases::say(
                l,
                "team-wave-line",
                &[
                    ("wave", w.wave.into()),
                    ("answered", answered.clone().into()),
                    ("figures", said.join(", ").into()),
                ],
            )
        };
        waves.push(WaveFigures {
            wave: w.wave,
            members,
            covered,
            answered,
            means,
            changes,
            displays,
            line,
        });
    }
    waves
}

/// A change of points with its sign, as `language` writes it: "+10", "-5".
fn signed(l: Language, c: f64) -> String {
    match l {
        Language::English => format!("{c:+}"),
        _ => {
            let sign = if c.is_sign_negative() { "-" } else { "+" };
            format!("{sign}{}", figure(l, c.abs()))
        }
    }
}
