//! Simulated time. The engine never reads the wall clock: time is data, moved only by the
//! `Advance` command. Milliseconds since the simulation started.

/// An instant on the simulated clock, in milliseconds since the simulation started.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct SimTime(pub u64);

/// A span of simulated time in milliseconds.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct SimDuration(pub u64);

impl SimTime {
    pub const ZERO: SimTime = SimTime(0);

    pub fn as_secs_f64(self) -> f64 {
        self.0 as f64 / 1000.0
    }

    pub fn saturating_sub(self, earlier: SimTime) -> SimDuration {
        SimDuration(self.0.saturating_sub(earlier.0))
    }
}

impl SimDuration {
    pub const ZERO: SimDuration = SimDuration(0);

    pub fn from_secs(secs: u64) -> Self {
        SimDuration(secs.saturating_mul(1000))
    }

    pub fn from_millis(ms: u64) -> Self {
        SimDuration(ms)
    }

    pub fn as_secs_f64(self) -> f64 {
        self.0 as f64 / 1000.0
    }

    /// Parses durations as scenarios and kubectl write them: `30s`, `1m30s`, `500ms`, `2h`, `1.5s`.
    pub fn parse(text: &str) -> Option<SimDuration> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let mut total_ms: f64 = 0.0;
        let mut rest = text;
        while !rest.is_empty() {
            let num_len = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            if num_len == 0 {
                return None;
            }
            let number: f64 = rest[..num_len].parse().ok()?;
            rest = &rest[num_len..];
            let unit_len = rest
                .find(|c: char| c.is_ascii_digit() || c == '.')
                .unwrap_or(rest.len());
            let factor = match &rest[..unit_len] {
                "ms" => 1.0,
                "s" | "" => 1000.0,
                "m" => 60_000.0,
                "h" => 3_600_000.0,
                _ => return None,
            };
            rest = &rest[unit_len..];
            total_ms += number * factor;
        }
        if !total_ms.is_finite() || !(0.0..=1e15).contains(&total_ms) {
            return None;
        }
        Some(SimDuration(total_ms.round() as u64))
    }
}

impl std::ops::Add<SimDuration> for SimTime {
    type Output = SimTime;
    fn add(self, d: SimDuration) -> SimTime {
        SimTime(self.0.saturating_add(d.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_scenario_durations() {
        assert_eq!(SimDuration::parse("30s"), Some(SimDuration(30_000)));
        assert_eq!(SimDuration::parse("1m30s"), Some(SimDuration(90_000)));
        assert_eq!(SimDuration::parse("500ms"), Some(SimDuration(500)));
        assert_eq!(SimDuration::parse("2h"), Some(SimDuration(7_200_000)));
        assert_eq!(SimDuration::parse("1.5s"), Some(SimDuration(1_500)));
        assert_eq!(SimDuration::parse("10"), Some(SimDuration(10_000)));
        assert_eq!(SimDuration::parse("abc"), None);
        assert_eq!(SimDuration::parse(""), None);
        assert_eq!(SimDuration::parse("5d"), None);
    }
}
