//! The disclosure rule of team reports: how a team figure is released so that
//! nobody's answers can be worked out from it, not even by a viewer who planted
//! every other member of a role group through the team's invitation and so
//! knows their answers exactly.
//!
//! Such a viewer can invert any figure that is an exact function of the
//! members' values (n x mean - sum of the others), or compare the report
//! before and after one member joins (4 x mean of 4 - 3 x mean of 3). The rule:
//!
//! - **Counted members.** A held response (speeder, straight-liner,
//!   near-duplicate, not yet accepted) counts toward nothing; the caller marks
//!   it, and this module's callers leave it out before anything is counted.
//! - **Releases in steps.** A wave's figures cover the first N counted members,
//!   N the largest release size reached: the team minimum, then every
//!   `release_step` more ([`release_size`]). One member joining never changes a
//!   figure; the next release adds several.
//! - **Precision that shrinks with the group.** A figure over n members is
//!   rounded to a step w(n) with n x w(n) >= 40 ([`step`]), after a dither
//!   drawn once per release from a keyed hash ([`Release::dither`]):
//!   triangular on [-w, w), so that the exact figure lies anywhere in a window
//!   of 3w around the shown one, and a member's own value anywhere in a window
//!   of 3 x n x w >= 120 points, however well the others are known.
//! - **Item figures** count an answer at either end of its scale as the one
//!   next to it ([`ItemScale`]), and each member's answer enters them with a
//!   noise of its own ([`Release::member_noise`], Laplace with scale
//!   [`ITEM_NOISE`]), drawn once per member and question. Rounding and dither
//!   alone keep a window of answers open, but a bounded window can be cut off
//!   by the end of the scale and leave only the answers on one side of the
//!   middle; unbounded noise leaves every answer possible, and no value seen
//!   makes one answer more than e times as likely as its neighbour.
//! - **Index figures** carry each member's noise too ([`INDEX_NOISE`]), drawn
//!   once per member for all their indices ([`INDEX_FAMILY`]). Rounding and dither leave a wide window, but
//!   its middle is the likeliest place: a viewer who knows the others lands
//!   within 10 points of a member's index in about half of single releases,
//!   and more by combining releases. With the noise, the most any number of
//!   figures can tell is the member's value plus their own noise, so a
//!   viewer's best guess is within 10 points of the index no more often than
//!   the noise allows, whatever else they know.
//!
//! The dither is the same for every page view of a release (so it cannot be
//! averaged away by reloading) and differs between releases, groups and items
//! (so it does not cancel when two are compared). The README ("Teams and
//! waves") gives the reasoning and what the rule does not promise.

use std::fmt;

use sha2::{Digest, Sha256};

/// The secret a study's team dither is drawn with. It never leaves the server:
/// it has no `Serialize`, and its `Debug` shows nothing.
#[derive(Clone, PartialEq, Eq)]
pub struct ReleaseKey([u8; 32]);

impl ReleaseKey {
    /// A key from a secret of any length (the database's random bytes).
    pub fn new(secret: &[u8]) -> ReleaseKey {
        let mut hasher = Sha256::new();
        hasher.update(b"dealbench team release key\0");
        hasher.update(secret);
        let digest = hasher.finalize();
        let mut key = [0u8; 32];
        key.copy_from_slice(&digest[..32]);
        ReleaseKey(key)
    }
}

impl fmt::Debug for ReleaseKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ReleaseKey(..)")
    }
}

/// The fewest members behind any figure: below, no step keeps one member's
/// value hidden.
pub const FEWEST: usize = 3;

/// The release of a wave's figures that `counted` members reach: the largest
/// of `first`, `first + step`, `first + 2 x step`, ... not above `counted`;
/// `None` below `first`.
pub fn release_size(counted: usize, first: usize, step: usize) -> Option<usize> {
    let step = step.max(1);
    (counted >= first).then(|| first + (counted - first) / step * step)
}

/// The counted members at which a wave's figures next change.
pub fn next_release(counted: usize, first: usize, step: usize) -> usize {
    match release_size(counted, first, step) {
        Some(size) => size + step.max(1),
        None => first,
    }
}

/// The rounding step of a figure over `n` members, in points: n x step is at
/// least 40, so that one member moves the exact figure by at most 100 / n,
/// less than 2.5 steps. `None` below [`FEWEST`].
pub fn step(n: usize) -> Option<f64> {
    match n {
        0..FEWEST => None,
        3 => Some(20.0),
        4..=7 => Some(10.0),
        8..=19 => Some(5.0),
        20..=39 => Some(2.0),
        _ => Some(1.0),
    }
}

/// How far a shown figure over `n` members can be from the exact one (strictly
/// less than this): half a step of rounding and a dither of up to one step.
pub fn largest_error(n: usize) -> Option<f64> {
    step(n).map(|w| 1.5 * w)
}

/// The scale, in points of an item's 0-100 scale, of the Laplace noise each
/// member's answer carries into a role's figure on a question: one step of a
/// five-point scale (25 points), so that whatever else a viewer knows, a
/// figure makes an answer at most e (2.7) times as likely as its neighbour
/// and e^2 (7.4) times as likely as the one two steps away.
pub const ITEM_NOISE: f64 = 25.0;

/// The scale, in index points, of the Laplace noise each member's score
/// carries into every team figure on an index (the team's mean, the halves of
/// its spread, a role's mean): whatever else a viewer knows, no figure makes
/// one score more than e^(d / 20) times as likely as another d points away, so
/// a score within 10 points of the truth is guessed hardly more often than a
/// blind guess does. The price: a team of 8 reads its means give or take
/// about 10 points.
pub const INDEX_NOISE: f64 = 20.0;

/// The noise family of a member's indices: one draw for all six, so that it
/// hides where a member's scores stand, not how they differ from each other.
/// Differences between the team's own indices (which is its lowest) then
/// carry no noise, and the company index, the mean of the sub-indices, does
/// not average it away.
pub const INDEX_FAMILY: &str = "index";

/// A figure as released: the shown value, the step it was rounded to and the
/// standard deviation the members' own noise gives it (0 for a figure whose
/// members carry none).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shown {
    pub value: f64,
    pub step: f64,
    pub noise: f64,
}

impl Shown {
    /// How far the shown value typically lies from the one the members'
    /// answers give without noise: the root of the rounding's and the dither's
    /// variance (w^2 / 4) and the members' noise.
    pub fn deviation(&self) -> f64 {
        (self.step * self.step / 4.0 + self.noise * self.noise).sqrt()
    }
}

/// Releases an exact figure over `n` members with a dither (in steps, from
/// [`Release::dither`]): rounded half up to the step after the dither is
/// added, and kept on the scale. `None` below [`FEWEST`] members.
pub fn show(exact: f64, n: usize, dither: f64) -> Option<Shown> {
    show_with_noise(exact, n, dither, 0.0)
}

/// Releases the mean of `n` members' values that each carry a member noise
/// of Laplace scale `scale` (already added to `mean`), as [`show`] does.
pub fn show_with_noise(mean: f64, n: usize, dither: f64, scale: f64) -> Option<Shown> {
    let w = step(n)?;
    let value = (w * ((mean + dither * w) / w + 0.5).floor()).clamp(0.0, 100.0);
    // A Laplace draw of scale b has variance 2b^2; a mean of n, 2b^2 / n.
    let noise = (2.0 * scale * scale / n as f64).sqrt();
    Some(Shown {
        value,
        step: w,
        noise,
    })
}

/// An index figure over `n` members as shown with the value `value`: its
/// step and the noise its members carry, for judging differences between
/// shown figures. `None` below [`FEWEST`].
pub fn index_figure(value: f64, n: usize) -> Option<Shown> {
    let w = step(n)?;
    Some(Shown {
        value,
        step: w,
        noise: (2.0 * INDEX_NOISE * INDEX_NOISE / n as f64).sqrt(),
    })
}

/// Whether the difference between two shown figures is more than rounding
/// and noise alone make often: at least two standard deviations of the
/// difference of two equal figures.
pub fn beyond_rounding(difference: f64, a: &Shown, b: &Shown) -> bool {
    difference >= 2.0 * (a.deviation().powi(2) + b.deviation().powi(2)).sqrt()
}

/// One release of a team's wave: the key, the team, the wave and the release
/// size select its dither.
#[derive(Debug, Clone, Copy)]
pub struct Release<'a> {
    key: &'a ReleaseKey,
    team: &'a str,
    wave: u32,
    /// Members the release covers.
    pub size: usize,
}

impl<'a> Release<'a> {
    pub fn new(key: &'a ReleaseKey, team: &'a str, wave: u32, size: usize) -> Release<'a> {
        Release {
            key,
            team,
            wave,
            size,
        }
    }

    /// The dither of one family of figures (the team's means, the spread, one
    /// role's means, one role's figure on one item): triangular on [-1, 1), in
    /// steps, the same on every view of this release and unrelated between
    /// releases and families.
    pub fn dither(&self, family: &str) -> f64 {
        let mut hasher = Sha256::new();
        hasher.update(b"dealbench team dither\0");
        hasher.update(self.key.0);
        for part in [self.team.as_bytes(), family.as_bytes()] {
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
        hasher.update(self.wave.to_le_bytes());
        hasher.update((self.size as u64).to_le_bytes());
        let digest = hasher.finalize();
        let unit = |bytes: &[u8]| {
            let mut word = [0u8; 8];
            word.copy_from_slice(bytes);
            // 53 random bits: uniform in [0, 1).
            (u64::from_le_bytes(word) >> 11) as f64 / (1u64 << 53) as f64
        };
        unit(&digest[..8]) + unit(&digest[8..16]) - 1.0
    }

    /// The noise of one member's value in one family (a question's answers),
    /// Laplace with scale 1 (the caller multiplies by the family's scale):
    /// keyed by the team, the wave, the member's place in the order members
    /// came to count and the family, and not by the release size, so a member
    /// carries the same noise into every release of the wave. (Noise drawn
    /// anew per release would average away over releases.)
    pub fn member_noise(&self, place: usize, family: &str) -> f64 {
        let mut hasher = Sha256::new();
        hasher.update(b"dealbench team member noise\0");
        hasher.update(self.key.0);
        for part in [self.team.as_bytes(), family.as_bytes()] {
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
        hasher.update(self.wave.to_le_bytes());
        hasher.update((place as u64).to_le_bytes());
        let digest = hasher.finalize();
        let mut word = [0u8; 8];
        word.copy_from_slice(&digest[..8]);
        // 53 random bits, centred: uniform in (0, 1), never 0 or 1.
        let u = ((u64::from_le_bytes(word) >> 11) as f64 + 0.5) / (1u64 << 53) as f64;
        if u < 0.5 {
            (2.0 * u).ln()
        } else {
            -(2.0 * (1.0 - u)).ln()
        }
    }
}

/// The spread of a group: the mean of its lower half and of its upper half
/// (`k` = n / 2 members each; the middle one of an odd group in neither).
/// Unlike a quartile, which can fall on one person's score, one member moves a
/// half's mean by at most 100 / k, so a half is shown like a figure over `k`.
pub fn half_means(sorted: &[f64]) -> Option<(f64, f64, usize)> {
    let k = sorted.len() / 2;
    if k == 0 {
        return None;
    }
    let mean = |part: &[f64]| part.iter().sum::<f64>() / part.len() as f64;
    Some((mean(&sorted[..k]), mean(&sorted[sorted.len() - k..]), k))
}

/// How an item's answers count in a role's figure on it: between its
/// second-lowest and second-highest option score, so that an answer at either
/// end of the scale counts as the one next to it ("Strongly agree" as
/// "Agree"). With every other answer known, a figure would otherwise tell the
/// end of a scale from its neighbour whenever its window reached past the end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ItemScale {
    pub low: f64,
    pub high: f64,
}

impl ItemScale {
    /// The scale of an item with these option scores; `None` with fewer than
    /// three different scores (an end would have no neighbour to count as).
    pub fn of(scores: impl IntoIterator<Item = f64>) -> Option<ItemScale> {
        let mut scores: Vec<f64> = scores.into_iter().filter(|s| s.is_finite()).collect();
        scores.sort_by(f64::total_cmp);
        scores.dedup();
        (scores.len() >= 3).then(|| ItemScale {
            low: scores[1],
            high: scores[scores.len() - 2],
        })
    }

    /// What an answer with this score counts as.
    pub fn count(&self, score: f64) -> f64 {
        score.clamp(self.low, self.high)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn releases_come_at_the_minimum_and_then_every_step() {
        let sizes: Vec<Option<usize>> = (0..=15).map(|c| release_size(c, 5, 3)).collect();
        assert_eq!(&sizes[..5], &[None; 5]);
        assert_eq!(
            &sizes[5..],
            &[5, 5, 5, 8, 8, 8, 11, 11, 11, 14, 14].map(Some)
        );
        assert_eq!(next_release(2, 5, 3), 5);
        assert_eq!(next_release(9, 5, 3), 11);
    }

    #[test]
    fn every_step_keeps_one_member_within_a_window_of_120_points() {
        for n in 3..200 {
            let w = step(n).expect("a step");
            assert!(n as f64 * w >= 40.0, "n = {n}");
            assert!(3.0 * n as f64 * w >= 120.0);
        }
        assert_eq!(step(2), None);
        assert_eq!(largest_error(5), Some(15.0));
    }

    #[test]
    fn a_shown_figure_lies_within_one_and_a_half_steps_on_its_grid() {
        let key = ReleaseKey::new(b"secret");
        for size in 5..60 {
            let release = Release::new(&key, "team", 1, size);
            let d = release.dither("team");
            assert!((-1.0..1.0).contains(&d));
            for exact in [0.0, 3.3, 49.99, 50.0, 77.7, 100.0] {
                let s = show(exact, size, d).expect("shown");
                assert!((s.value - exact).abs() < 1.5 * s.step, "{exact} {s:?}");
                assert_eq!(s.value % s.step, 0.0, "on the grid or an end");
                assert!((0.0..=100.0).contains(&s.value));
            }
        }
    }

    #[test]
    fn the_dither_is_fixed_per_release_and_differs_between_releases_and_keys() {
        let key = ReleaseKey::new(b"one");
        let other = ReleaseKey::new(b"two");
        let at = |k, team, wave, size, family| Release::new(k, team, wave, size).dither(family);
        let d = at(&key, "t", 1, 5, "team");
        assert_eq!(d, at(&key, "t", 1, 5, "team"));
        for different in [
            at(&other, "t", 1, 5, "team"),
            at(&key, "u", 1, 5, "team"),
            at(&key, "t", 2, 5, "team"),
            at(&key, "t", 1, 8, "team"),
            at(&key, "t", 1, 5, "spread"),
        ] {
            assert_ne!(d, different);
        }
        assert_eq!(format!("{key:?}"), "ReleaseKey(..)");
    }

    #[test]
    fn the_dither_is_triangular_over_minus_one_to_one() {
        let key = ReleaseKey::new(b"shape");
        let draws: Vec<f64> = (0..20_000)
            .map(|i| Release::new(&key, "t", 1, i).dither("team"))
            .collect();
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        let variance = draws.iter().map(|d| d * d).sum::<f64>() / draws.len() as f64;
        assert!(mean.abs() < 0.02, "{mean}");
        // A triangle on [-1, 1) has variance 1/6.
        assert!((variance - 1.0 / 6.0).abs() < 0.01, "{variance}");
        let outer = draws.iter().filter(|d| d.abs() > 0.5).count() as f64 / draws.len() as f64;
        assert!((outer - 0.25).abs() < 0.02, "{outer}");
    }

    #[test]
    fn halves_leave_the_middle_member_of_an_odd_group_out() {
        assert_eq!(
            half_means(&[10.0, 20.0, 30.0, 40.0, 50.0]),
            Some((15.0, 45.0, 2))
        );
        assert_eq!(half_means(&[10.0, 20.0, 30.0, 40.0]), Some((15.0, 35.0, 2)));
        assert_eq!(half_means(&[10.0]), None);
    }

    #[test]
    fn an_answer_at_either_end_of_a_scale_counts_as_its_neighbour() {
        let five = ItemScale::of([0.0, 25.0, 50.0, 75.0, 100.0]).expect("scale");
        assert_eq!((five.count(0.0), five.count(100.0)), (25.0, 75.0));
        assert_eq!(five.count(50.0), 50.0);
        let choice = ItemScale::of([60.0, 100.0, 70.0, 40.0, 20.0, 10.0]).expect("scale");
        assert_eq!((choice.low, choice.high), (20.0, 70.0));
        assert_eq!(ItemScale::of([0.0, 100.0, 100.0]), None);
    }

    #[test]
    fn only_differences_beyond_the_rounding_and_the_noise_count_as_notable() {
        let at = |step: f64, noise: f64| Shown {
            value: 50.0,
            step,
            noise,
        };
        assert!(!beyond_rounding(20.0, &at(20.0, 0.0), &at(20.0, 0.0)));
        assert!(beyond_rounding(40.0, &at(20.0, 0.0), &at(20.0, 0.0)));
        assert!(beyond_rounding(10.0, &at(5.0, 0.0), &at(5.0, 0.0)));
        assert!(!beyond_rounding(10.0, &at(10.0, 0.0), &at(10.0, 0.0)));
        // Five answers each with noise of scale 25: a gap of 40 is noise.
        let item = show_with_noise(50.0, 5, 0.0, ITEM_NOISE).expect("shown");
        assert!((item.noise - (2.0f64 * 625.0 / 5.0).sqrt()).abs() < 1e-9);
        assert!(!beyond_rounding(40.0, &item, &item));
        assert!(beyond_rounding(50.0, &item, &item));
    }

    #[test]
    fn member_noise_is_fixed_per_member_and_question_across_releases() {
        let key = ReleaseKey::new(b"noise");
        let at = |k, wave, size, place, family| {
            Release::new(k, "t", wave, size).member_noise(place, family)
        };
        let e = at(&key, 1, 5, 2, "item/q");
        assert_eq!(e, at(&key, 1, 8, 2, "item/q"), "the same in every release");
        for different in [
            at(&ReleaseKey::new(b"other"), 1, 5, 2, "item/q"),
            at(&key, 2, 5, 2, "item/q"),
            at(&key, 1, 5, 3, "item/q"),
            at(&key, 1, 5, 2, "item/r"),
        ] {
            assert_ne!(e, different);
        }
    }

    #[test]
    fn member_noise_is_laplace_with_scale_one() {
        let key = ReleaseKey::new(b"laplace");
        let release = Release::new(&key, "t", 1, 5);
        let draws: Vec<f64> = (0..40_000)
            .map(|i| release.member_noise(i, "item/q"))
            .collect();
        let n = draws.len() as f64;
        let mean = draws.iter().sum::<f64>() / n;
        let absolute = draws.iter().map(|d| d.abs()).sum::<f64>() / n;
        assert!(mean.abs() < 0.03, "{mean}");
        // |Laplace(1)| is exponential with mean 1; P(|x| > 2) = e^-2.
        assert!((absolute - 1.0).abs() < 0.03, "{absolute}");
        let beyond = draws.iter().filter(|d| d.abs() > 2.0).count() as f64 / n;
        assert!((beyond - (-2.0f64).exp()).abs() < 0.01, "{beyond}");
        assert!(draws.iter().all(|d| d.is_finite()));
    }

    #[test]
    fn no_value_makes_an_answer_more_than_e_times_as_likely_as_its_neighbour() {
        // The likelihood of a noisy value x given an answer a is
        // exp(-|x - a| / b) / 2b: the ratio for answers 25 points apart is at
        // most exp(25 / b), whatever x is, and so whatever else is known.
        let ratio = |x: f64, a: f64, c: f64| ((-(x - a).abs() + (x - c).abs()) / ITEM_NOISE).exp();
        for tenth in -2000..=3000 {
            let x = tenth as f64 / 10.0;
            assert!(ratio(x, 75.0, 50.0) <= std::f64::consts::E + 1e-9, "{x}");
            assert!(ratio(x, 75.0, 25.0) <= std::f64::consts::E.powi(2) + 1e-9);
        }
    }
}
