//! Values per index and per company number, held and written by name.
//!
//! Which index a value belongs to is a field name here, never a position in an
//! array: reordering [`IndexKind::ALL`] cannot move a stored score to another index.
//! Both types serialise as JSON objects keyed by [`IndexKind::key`] and
//! [`PeerNumber::key`]. They also read the positional arrays that standings and
//! records were stored as before (in `IndexKind::ALL` / `PeerNumber::ALL` order,
//! the order every one of them was written in), so old rows can be read and
//! rewritten by name.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use super::{IndexKind, PeerNumber};
use crate::questionnaire::SubIndex;

/// One value per peer index: the company index, its four sub-indices and the
/// personal index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct PerIndex<T> {
    pub overall: T,
    pub value: T,
    pub number: T,
    pub win_rate: T,
    pub sales_cycle: T,
    pub personal: T,
}

impl<T> PerIndex<T> {
    pub fn from_fn(mut f: impl FnMut(IndexKind) -> T) -> PerIndex<T> {
        PerIndex {
            overall: f(IndexKind::Overall),
            value: f(IndexKind::Sub(SubIndex::Value)),
            number: f(IndexKind::Sub(SubIndex::Number)),
            win_rate: f(IndexKind::Sub(SubIndex::WinRate)),
            sales_cycle: f(IndexKind::Sub(SubIndex::SalesCycle)),
            personal: f(IndexKind::Personal),
        }
    }

    pub fn get(&self, index: IndexKind) -> &T {
        match index {
            IndexKind::Overall => &self.overall,
            IndexKind::Sub(SubIndex::Value) => &self.value,
            IndexKind::Sub(SubIndex::Number) => &self.number,
            IndexKind::Sub(SubIndex::WinRate) => &self.win_rate,
            IndexKind::Sub(SubIndex::SalesCycle) => &self.sales_cycle,
            IndexKind::Personal => &self.personal,
        }
    }

    pub fn get_mut(&mut self, index: IndexKind) -> &mut T {
        match index {
            IndexKind::Overall => &mut self.overall,
            IndexKind::Sub(SubIndex::Value) => &mut self.value,
            IndexKind::Sub(SubIndex::Number) => &mut self.number,
            IndexKind::Sub(SubIndex::WinRate) => &mut self.win_rate,
            IndexKind::Sub(SubIndex::SalesCycle) => &mut self.sales_cycle,
            IndexKind::Personal => &mut self.personal,
        }
    }

    pub fn map<U>(&self, mut f: impl FnMut(IndexKind, &T) -> U) -> PerIndex<U> {
        PerIndex::from_fn(|k| f(k, self.get(k)))
    }

    /// Every index with its value, in display order (`IndexKind::ALL`).
    pub fn iter(&self) -> impl Iterator<Item = (IndexKind, &T)> {
        IndexKind::ALL.into_iter().map(move |k| (k, self.get(k)))
    }

    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.iter().map(|(_, v)| v)
    }
}

/// One value per company number whose peer median a report shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct PerNumber<T> {
    pub qualified_opportunities: T,
    pub average_deal_value: T,
    pub win_rate: T,
    pub sales_cycle_days: T,
    pub quota_attainment: T,
    pub velocity_per_day: T,
    pub unit_win_rate: T,
    pub value_win_rate: T,
}

impl<T> PerNumber<T> {
    pub fn from_fn(mut f: impl FnMut(PeerNumber) -> T) -> PerNumber<T> {
        PerNumber {
            qualified_opportunities: f(PeerNumber::QualifiedOpportunities),
            average_deal_value: f(PeerNumber::AverageDealValue),
            win_rate: f(PeerNumber::WinRate),
            sales_cycle_days: f(PeerNumber::SalesCycleDays),
            quota_attainment: f(PeerNumber::QuotaAttainment),
            velocity_per_day: f(PeerNumber::VelocityPerDay),
            unit_win_rate: f(PeerNumber::UnitWinRate),
            value_win_rate: f(PeerNumber::ValueWinRate),
        }
    }

    pub fn get(&self, number: PeerNumber) -> &T {
        match number {
            PeerNumber::QualifiedOpportunities => &self.qualified_opportunities,
            PeerNumber::AverageDealValue => &self.average_deal_value,
            PeerNumber::WinRate => &self.win_rate,
            PeerNumber::SalesCycleDays => &self.sales_cycle_days,
            PeerNumber::QuotaAttainment => &self.quota_attainment,
            PeerNumber::VelocityPerDay => &self.velocity_per_day,
            PeerNumber::UnitWinRate => &self.unit_win_rate,
            PeerNumber::ValueWinRate => &self.value_win_rate,
        }
    }

    pub fn get_mut(&mut self, number: PeerNumber) -> &mut T {
        match number {
            PeerNumber::QualifiedOpportunities => &mut self.qualified_opportunities,
            PeerNumber::AverageDealValue => &mut self.average_deal_value,
            PeerNumber::WinRate => &mut self.win_rate,
            PeerNumber::SalesCycleDays => &mut self.sales_cycle_days,
            PeerNumber::QuotaAttainment => &mut self.quota_attainment,
            PeerNumber::VelocityPerDay => &mut self.velocity_per_day,
            PeerNumber::UnitWinRate => &mut self.unit_win_rate,
            PeerNumber::ValueWinRate => &mut self.value_win_rate,
        }
    }

    pub fn map<U>(&self, mut f: impl FnMut(PeerNumber, &T) -> U) -> PerNumber<U> {
        PerNumber::from_fn(|n| f(n, self.get(n)))
    }

    /// Every number with its value, in `PeerNumber::ALL` order.
    pub fn iter(&self) -> impl Iterator<Item = (PeerNumber, &T)> {
        PeerNumber::ALL.into_iter().map(move |n| (n, self.get(n)))
    }

    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.iter().map(|(_, v)| v)
    }
}

/// What the shared serde code needs to know of a keyed set of values.
trait Keyed: Copy + 'static {
    const ALL: &'static [Self];
    /// The keys of `ALL`, in its order (a test checks they agree).
    const KEYS: &'static [&'static str];
    /// What the value set is called in error messages.
    const WHAT: &'static str;
    fn key(self) -> &'static str;
}

impl Keyed for IndexKind {
    const ALL: &'static [IndexKind] = &IndexKind::ALL;
    const KEYS: &'static [&'static str] = &[
        "overall",
        "value",
        "number",
        "win_rate",
        "sales_cycle",
        "personal",
    ];
    const WHAT: &'static str = "indices";
    fn key(self) -> &'static str {
        IndexKind::key(self)
    }
}

impl Keyed for PeerNumber {
    const ALL: &'static [PeerNumber] = &PeerNumber::ALL;
    const KEYS: &'static [&'static str] = &[
        "qualified_opportunities",
        "average_deal_value",
        "win_rate",
        "sales_cycle_days",
        "quota_attainment",
        "velocity_per_day",
        "unit_win_rate",
        "value_win_rate",
    ];
    const WHAT: &'static str = "company numbers";
    fn key(self) -> &'static str {
        PeerNumber::key(self)
    }
}

fn serialize_keyed<'v, K: Keyed, T: Serialize + 'v, S: Serializer>(
    values: impl Iterator<Item = (K, &'v T)>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(K::ALL.len()))?;
    for (k, v) in values {
        map.serialize_entry(k.key(), v)?;
    }
    map.end()
}

impl<T: Serialize> Serialize for PerIndex<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_keyed(self.iter(), serializer)
    }
}

impl<T: Serialize> Serialize for PerNumber<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_keyed(self.iter(), serializer)
    }
}

/// Reads an object keyed by name (every key once, no other key) or a legacy
/// positional array (exactly one value per key, in `K::ALL` order), into one
/// slot per key in `K::ALL` order.
struct KeyedVisitor<K, T>(PhantomData<(K, T)>);

impl<'de, K: Keyed, T: Deserialize<'de>> Visitor<'de> for KeyedVisitor<K, T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "an object of {} keyed {} (or the legacy array of {} values in that order)",
            K::WHAT,
            K::KEYS.join(", "),
            K::ALL.len()
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<T>, A::Error> {
        let mut slots: Vec<Option<T>> = K::ALL.iter().map(|_| None).collect();
        while let Some(key) = map.next_key::<String>()? {
            let Some(at) = K::KEYS.iter().position(|k| *k == key) else {
                return Err(de::Error::unknown_field(&key, K::KEYS));
            };
            if slots[at].is_some() {
                return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
            }
            slots[at] = Some(map.next_value()?);
        }
        K::ALL
            .iter()
            .zip(slots)
            .map(|(k, v)| v.ok_or_else(|| de::Error::missing_field(k.key())))
            .collect()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut values = Vec::with_capacity(K::ALL.len());
        while let Some(v) = seq.next_element()? {
            if values.len() == K::ALL.len() {
                return Err(de::Error::invalid_length(values.len() + 1, &self));
            }
            values.push(v);
        }
        if values.len() != K::ALL.len() {
            return Err(de::Error::invalid_length(values.len(), &self));
        }
        Ok(values)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for PerIndex<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let values = deserializer.deserialize_any(KeyedVisitor::<IndexKind, T>(PhantomData))?;
        let mut values = values.into_iter();
        let mut next = || {
            values
                .next()
                .ok_or_else(|| de::Error::custom("a value per index"))
        };
        // The order of `IndexKind::ALL`, which the visitor filled in.
        Ok(PerIndex {
            overall: next()?,
            value: next()?,
            number: next()?,
            win_rate: next()?,
            sales_cycle: next()?,
            personal: next()?,
        })
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for PerNumber<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let values = deserializer.deserialize_any(KeyedVisitor::<PeerNumber, T>(PhantomData))?;
        let mut values = values.into_iter();
        let mut next = || {
            values
                .next()
                .ok_or_else(|| de::Error::custom("a value per company number"))
        };
        // The order of `PeerNumber::ALL`, which the visitor filled in.
        Ok(PerNumber {
            qualified_opportunities: next()?,
            average_deal_value: next()?,
            win_rate: next()?,
            sales_cycle_days: next()?,
            quota_attainment: next()?,
            velocity_per_day: next()?,
            unit_win_rate: next()?,
            value_win_rate: next()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_lists_name_every_value_in_order() {
        let index: Vec<&str> = IndexKind::ALL.iter().map(|k| k.key()).collect();
        assert_eq!(index, <IndexKind as Keyed>::KEYS);
        let number: Vec<&str> = PeerNumber::ALL.iter().map(|n| n.key()).collect();
        assert_eq!(number, <PeerNumber as Keyed>::KEYS);
    }

    #[test]
    fn per_index_is_written_as_an_object_keyed_by_index_name() {
        let v = PerIndex::from_fn(|k| match k {
            IndexKind::Overall => Some(1.0),
            IndexKind::Sub(SubIndex::SalesCycle) => Some(5.0),
            _ => None,
        });
        let json = serde_json::to_value(v).expect("json");
        assert_eq!(
            json,
            serde_json::json!({
                "overall": 1.0, "value": null, "number": null, "win_rate": null,
                "sales_cycle": 5.0, "personal": null
            })
        );
        let back: PerIndex<Option<f64>> = serde_json::from_value(json).expect("reads back");
        assert_eq!(back, v);
    }

    #[test]
    fn per_index_reads_the_legacy_positional_array_in_the_stored_order() {
        let back: PerIndex<Option<f64>> =
            serde_json::from_str("[1.0, 2.0, 3.0, null, 5.0, 6.0]").expect("legacy");
        assert_eq!(back.overall, Some(1.0));
        assert_eq!(back.value, Some(2.0));
        assert_eq!(back.number, Some(3.0));
        assert_eq!(back.win_rate, None);
        assert_eq!(back.sales_cycle, Some(5.0));
        assert_eq!(back.personal, Some(6.0));
        // Position i is IndexKind::ALL[i], whatever the fields are called.
        for (i, k) in IndexKind::ALL.into_iter().enumerate() {
            let mut legacy = [None; 6];
            legacy[i] = Some(42.0);
            let json = serde_json::to_string(&legacy).expect("json");
            let read: PerIndex<Option<f64>> = serde_json::from_str(&json).expect("legacy");
            assert_eq!(*read.get(k), Some(42.0), "{k:?}");
            assert_eq!(read.values().filter(|v| v.is_some()).count(), 1);
        }
    }

    #[test]
    fn per_index_refuses_what_it_cannot_read_whole() {
        for bad in [
            "[1.0, 2.0, 3.0, 4.0, 5.0]",
            "[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]",
            r#"{"overall": 1, "value": 1, "number": 1, "win_rate": 1, "sales_cycle": 1}"#,
            r#"{"overall": 1, "value": 1, "number": 1, "win_rate": 1, "sales_cycle": 1, "personal": 1, "speed": 1}"#,
            r#"{"overall": 1, "overall": 2, "value": 1, "number": 1, "win_rate": 1, "sales_cycle": 1, "personal": 1}"#,
            "7",
        ] {
            let read: Result<PerIndex<Option<f64>>, _> = serde_json::from_str(bad);
            assert!(read.is_err(), "{bad} was read as {read:?}");
        }
        let missing = serde_json::from_str::<PerIndex<Option<f64>>>(
            r#"{"overall": 1, "value": 1, "number": 1, "win_rate": 1, "sales_cycle": 1}"#,
        )
        .expect_err("personal is missing");
        assert!(missing.to_string().contains("personal"), "{missing}");
    }

    #[test]
    fn per_number_is_written_by_name_and_reads_the_legacy_array() {
        let v = PerNumber::from_fn(|n| Some(n as usize as f64));
        let json = serde_json::to_value(v).expect("json");
        assert_eq!(json["qualified_opportunities"], 0.0);
        assert_eq!(json["value_win_rate"], 7.0);
        assert_eq!(json.as_object().map(|o| o.len()), Some(8));
        let back: PerNumber<Option<f64>> = serde_json::from_value(json).expect("named");
        assert_eq!(back, v);
        let legacy: PerNumber<Option<f64>> =
            serde_json::from_str("[0, 1, 2, 3, 4, 5, 6, 7]").expect("legacy");
        assert_eq!(legacy, v);
        for (i, n) in PeerNumber::ALL.into_iter().enumerate() {
            assert_eq!(*legacy.get(n), Some(i as f64), "{n:?}");
        }
    }
}
