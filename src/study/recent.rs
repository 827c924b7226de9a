//! The near-duplicate check's memory: the latest submissions' choices per client
//! address, kept in memory only (no address is ever stored), bounded both ways
//! and forgotten after the check's window.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::time::{Duration, Instant};

use crate::domain::answers::{Answer, Answers};
use crate::domain::questionnaire::Questionnaire;

/// The most recent submissions remembered per address for the near-duplicate
/// check, and the most addresses remembered.
const RECENT_PER_ADDRESS: usize = 20;
const RECENT_ADDRESSES: usize = 20_000;

/// The chosen option per item position of one response (`None`: unanswered).
pub(super) type Choices = Vec<Option<u16>>;

/// The option chosen per item, by item position.
pub(super) fn choices(q: &Questionnaire, answers: &Answers) -> Choices {
    (0..q.items.len())
        .map(|pos| match answers.get(pos) {
            Some(Answer::Option(i)) => u16::try_from(*i).ok(),
            _ => None,
        })
        .collect()
}

/// Recent submissions by address: their answers' choices, for the near-duplicate
/// check. Bounded in both directions; forgotten after the check's window.
#[derive(Default)]
pub(super) struct RecentSubmissions {
    by_address: HashMap<IpAddr, VecDeque<(Instant, Choices)>>,
}

impl RecentSubmissions {
    pub(super) fn recent(&mut self, address: IpAddr, window: Duration) -> Vec<Choices> {
        let Some(list) = self.by_address.get_mut(&address) else {
            return Vec::new();
        };
        list.retain(|(at, _)| at.elapsed() <= window);
        list.iter().map(|(_, c)| c.clone()).collect()
    }

    pub(super) fn remember(&mut self, address: IpAddr, choices: Choices, window: Duration) {
        if self.by_address.len() >= RECENT_ADDRESSES && !self.by_address.contains_key(&address) {
            self.by_address.retain(|_, list| {
                list.retain(|(at, _)| at.elapsed() <= window);
                !list.is_empty()
            });
            if self.by_address.len() >= RECENT_ADDRESSES {
                // Still full of live entries: forget the address seen longest ago.
                if let Some(oldest) = self
                    .by_address
                    .iter()
                    .filter_map(|(a, list)| list.back().map(|(at, _)| (*at, *a)))
                    .min()
                    .map(|(_, a)| a)
                {
                    self.by_address.remove(&oldest);
                }
            }
        }
        let list = self.by_address.entry(address).or_default();
        if list.len() >= RECENT_PER_ADDRESS {
            list.pop_front();
        }
        list.push_back((Instant::now(), choices));
    }
}
