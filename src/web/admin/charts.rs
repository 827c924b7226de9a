//! The console's charts as view models: every coordinate of an SVG chart is
//! computed here, the axis and labels included, so that a template only draws
//! what it is given and a chart's geometry lives in one place (and is tested).

use serde::Serialize;

/// Completions per day: one bar of real and one of synthetic responses a day,
/// the synthetic stacked on the real.
#[derive(Debug, Serialize, PartialEq)]
pub struct DayChart {
    pub width: f64,
    pub height: f64,
    /// Where the bars stand (the axis line).
    pub baseline: f64,
    pub bar_width: f64,
    /// Where the date labels sit, below the axis.
    pub label_y: f64,
    /// The busiest day's completions: the tallest bar.
    pub max_per_day: i64,
    pub bars: Vec<DayBar>,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct DayBar {
    pub day: String,
    pub x: f64,
    pub y: f64,
    pub height: f64,
    pub count: i64,
    pub synthetic_y: f64,
    pub synthetic_height: f64,
    pub synthetic: i64,
}

impl DayChart {
    const WIDTH: f64 = 600.0;
    const HEIGHT: f64 = 125.0;
    const BASELINE: f64 = 110.0;
    /// The tallest bar, leaving room above for the "busiest day" label.
    const TALLEST: f64 = 100.0;
    const STEP: f64 = 10.0;
    const BAR_WIDTH: f64 = 8.0;

    /// A chart of (day, real, synthetic) completions, oldest first.
    pub fn of(days: &[(String, i64, i64)]) -> DayChart {
        let max = days
            .iter()
            .map(|(_, real, synthetic)| real + synthetic)
            .max()
            .unwrap_or(0)
            .max(1);
        let bars = days
            .iter()
            .enumerate()
            .map(|(i, (day, real, synthetic))| {
                let h = *real as f64 / max as f64 * Self::TALLEST;
                let hs = *synthetic as f64 / max as f64 * Self::TALLEST;
                DayBar {
                    day: day.clone(),
                    x: i as f64 * Self::STEP,
                    y: Self::BASELINE - h,
                    height: h,
                    count: *real,
                    synthetic_y: Self::BASELINE - h - hs,
                    synthetic_height: hs,
                    synthetic: *synthetic,
                }
            })
            .collect();
        DayChart {
            width: Self::WIDTH,
            height: Self::HEIGHT,
            baseline: Self::BASELINE,
            bar_width: Self::BAR_WIDTH,
            label_y: Self::HEIGHT - 2.0,
            max_per_day: max,
            bars,
        }
    }
}

/// The distribution of one index in each compared group: ten 10-point bands,
/// the groups' bars side by side within a band, heights as shares of the group.
#[derive(Debug, Serialize, PartialEq)]
pub struct Histogram {
    pub width: f64,
    pub height: f64,
    pub baseline: f64,
    pub bar_width: f64,
    pub label_y: f64,
    /// The band edges' labels (0, 20, ... 100) and where they go.
    pub ticks: Vec<Tick>,
    pub bars: Vec<HistogramBar>,
}

/// A label on the score axis.
#[derive(Debug, Serialize, PartialEq)]
pub struct Tick {
    pub label: u32,
    pub x: f64,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct HistogramBar {
    /// The group's number (1-based), for its colour.
    pub group: usize,
    pub x: f64,
    pub y: f64,
    pub height: f64,
    pub count: usize,
}

impl Histogram {
    const WIDTH: f64 = 1000.0;
    const HEIGHT: f64 = 110.0;
    const BASELINE: f64 = 90.0;
    const TALLEST: f64 = 80.0;

    /// A histogram of each group's band counts (`None`: a group below K, drawn
    /// as no bars but keeping its place).
    pub fn of(groups: &[Option<&[usize]>]) -> Histogram {
        let bands = groups.iter().flatten().map(|c| c.len()).max().unwrap_or(0);
        let band_width = if bands == 0 {
            Self::WIDTH
        } else {
            Self::WIDTH / bands as f64
        };
        let share = |counts: &[usize], c: usize| {
            let n: usize = counts.iter().sum();
            if n == 0 { 0.0 } else { c as f64 / n as f64 }
        };
        let max_share = groups
            .iter()
            .flatten()
            .flat_map(|counts| counts.iter().map(|&c| share(counts, c)))
            .fold(0.0f64, f64::max)
            .max(0.01);
        // Half a bar's width of space between bands.
        let bar_step = band_width / (groups.len() as f64 + 0.5);
        let bars = groups
            .iter()
            .enumerate()
            .flat_map(|(g, counts)| {
                counts.iter().flat_map(move |counts| {
                    counts.iter().enumerate().map(move |(b, &c)| {
                        let height = share(counts, c) / max_share * Self::TALLEST;
                        HistogramBar {
                            group: g + 1,
                            x: b as f64 * band_width + g as f64 * bar_step + bar_step / 8.0,
                            y: Self::BASELINE - height,
                            height,
                            count: c,
                        }
                    })
                })
            })
            .collect();
        Histogram {
            width: Self::WIDTH,
            height: Self::HEIGHT,
            baseline: Self::BASELINE,
            bar_width: (bar_step - 2.0).max(1.0),
            label_y: Self::HEIGHT - 4.0,
            ticks: (0..=5)
                .map(|t| Tick {
                    label: t * 20,
                    x: f64::from(t) * Self::WIDTH / 5.0,
                })
                .collect(),
            bars,
        }
    }
}

/// One option's part of a group's answer bar (a 100-wide bar): its share as
/// text, where it starts and how wide it is.
#[derive(Debug, Serialize, PartialEq)]
pub struct Segment {
    pub share: String,
    pub start: f64,
    pub width: f64,
}

/// The segments of an answer bar from the options' shares (0-1, summing to 1).
pub fn split_bar(shares: &[f64]) -> Vec<Segment> {
    let mut x = 0.0;
    shares
        .iter()
        .map(|&s| {
            let start = x;
            x += s * 100.0;
            Segment {
                share: format!("{:.0}%", s * 100.0),
                start,
                width: s * 100.0,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_busiest_day_reaches_the_top_and_every_bar_stands_on_the_axis() {
        let chart = DayChart::of(&[
            ("2026-11-01".into(), 2, 0),
            ("2026-11-02".into(), 6, 2),
            ("2026-11-03".into(), 0, 0),
        ]);
        assert_eq!(chart.max_per_day, 8);
        for bar in &chart.bars {
            assert!((bar.y + bar.height - chart.baseline).abs() < 1e-9);
            assert!((bar.synthetic_y + bar.synthetic_height - bar.y).abs() < 1e-9);
            assert!(bar.synthetic_y >= chart.baseline - DayChart::TALLEST - 1e-9);
            assert!(bar.x + chart.bar_width <= chart.width);
        }
        let busiest = &chart.bars[1];
        assert!((busiest.synthetic_y - (chart.baseline - DayChart::TALLEST)).abs() < 1e-9);
        assert!(chart.label_y > chart.baseline && chart.label_y <= chart.height);
    }

    #[test]
    fn sixty_days_fit_the_chart() {
        let days: Vec<_> = (0..60).map(|i| (format!("d{i}"), 1, 0)).collect();
        let chart = DayChart::of(&days);
        let last = chart.bars.last().expect("bars");
        assert!(last.x + chart.bar_width <= chart.width);
    }

    #[test]
    fn histogram_bars_stay_in_their_band_and_on_the_axis() {
        let a = [1usize, 2, 3, 4, 5, 5, 4, 3, 2, 1];
        let b = [0usize, 0, 0, 10, 0, 0, 0, 0, 0, 0];
        for groups in [
            vec![Some(&a[..]), Some(&b[..])],
            vec![Some(&a[..]), None, Some(&b[..]), Some(&a[..])],
        ] {
            let h = Histogram::of(&groups);
            let band = h.width / 10.0;
            for bar in &h.bars {
                let band_start = (bar.x / band).floor() * band;
                assert!(bar.x + h.bar_width <= band_start + band + 1e-9, "{bar:?}");
                assert!((bar.y + bar.height - h.baseline).abs() < 1e-9);
                assert!(bar.y >= h.baseline - Histogram::TALLEST - 1e-9);
            }
            // The largest share in any group reaches the top.
            let top = h.bars.iter().map(|b| b.height).fold(0.0, f64::max);
            assert!((top - Histogram::TALLEST).abs() < 1e-9);
        }
    }

    #[test]
    fn a_split_bar_covers_the_whole_width() {
        let segments = split_bar(&[0.25, 0.5, 0.25]);
        assert_eq!(segments[0].start, 0.0);
        assert!((segments[2].start + segments[2].width - 100.0).abs() < 1e-9);
        assert_eq!(segments[1].share, "50%");
    }
}
