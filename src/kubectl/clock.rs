//! Wall-clock renderings of simulated instants, for the few places kubectl prints a date
//! (`describe pod` Start Time, the `kubectl.kubernetes.io/restartedAt` annotation).
//!
//! The simulation has no wall clock (engine invariant), so instants are shown relative to a fixed
//! epoch: simulated time zero is [`EPOCH_UNIX_SECONDS`]. Deliberately absent: time zones.

use crate::model::SimTime;

/// Simulated time zero: 2025-01-01T00:00:00Z.
pub const EPOCH_UNIX_SECONDS: i64 = 1_735_689_600;

/// A civil UTC date and time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    /// 0 = Sunday.
    pub weekday: u32,
}

/// The civil time of a simulated instant (seconds truncated).
pub fn civil(t: SimTime) -> Civil {
    let secs = EPOCH_UNIX_SECONDS + (t.0 / 1000) as i64;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    Civil {
        year: if m <= 2 { y + 1 } else { y },
        month: m,
        day: d,
        hour: (rem / 3600) as u32,
        minute: ((rem % 3600) / 60) as u32,
        second: (rem % 60) as u32,
        weekday: (days + 4).rem_euclid(7) as u32,
    }
}

/// RFC 3339 in UTC, as `time.Now().Format(time.RFC3339)` prints it: `2025-01-01T00:00:12Z`.
pub fn rfc3339(t: SimTime) -> String {
    let c = civil(t);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        c.year, c.month, c.day, c.hour, c.minute, c.second
    )
}

/// RFC 1123 with a numeric zone, as `describe` prints times: `Wed, 01 Jan 2025 00:00:12 +0000`.
pub fn rfc1123z(t: SimTime) -> String {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let c = civil(t);
    format!(
        "{}, {:02} {} {:04} {:02}:{:02}:{:02} +0000",
        DAYS[c.weekday as usize],
        c.day,
        MONTHS[(c.month - 1) as usize],
        c.year,
        c.hour,
        c.minute,
        c.second
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_the_epoch_and_later_instants() {
        assert_eq!(rfc3339(SimTime(0)), "2025-01-01T00:00:00Z");
        assert_eq!(rfc1123z(SimTime(0)), "Wed, 01 Jan 2025 00:00:00 +0000");
        let t = SimTime((59 * 86_400 + 3_661) * 1000 + 999);
        assert_eq!(rfc3339(t), "2025-03-01T01:01:01Z");
        assert_eq!(rfc1123z(t), "Sat, 01 Mar 2025 01:01:01 +0000");
    }
}
