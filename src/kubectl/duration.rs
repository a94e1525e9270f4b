//! `duration.HumanDuration` (k8s.io/apimachinery/pkg/util/duration; semantics R7.3): the AGE
//! column and the ages in `describe` event tables.

/// Renders a duration given in milliseconds as kubectl's AGE does: `45s`, `2m21s`, `12m`,
/// `3h5m`, `2d4h`, `<invalid>` for clearly negative spans.
pub fn human_duration(millis: i64) -> String {
    // `int(d.Seconds())` truncates toward zero; up to 1 s in the future still reads as now.
    let seconds = millis / 1000;
    if seconds < -1 {
        return "<invalid>".to_string();
    }
    if seconds < 0 {
        return "0s".to_string();
    }
    if seconds < 60 * 2 {
        return format!("{seconds}s");
    }
    let minutes = seconds / 60;
    if minutes < 10 {
        let s = seconds % 60;
        if s == 0 {
            return format!("{minutes}m");
        }
        return format!("{minutes}m{s}s");
    }
    if minutes < 60 * 3 {
        return format!("{minutes}m");
    }
    let hours = minutes / 60;
    if hours < 8 {
        let m = minutes % 60;
        if m == 0 {
            return format!("{hours}h");
        }
        return format!("{hours}h{m}m");
    }
    if hours < 48 {
        return format!("{hours}h");
    }
    if hours < 24 * 8 {
        let h = hours % 24;
        if h == 0 {
            return format!("{}d", hours / 24);
        }
        return format!("{}d{h}h", hours / 24);
    }
    if hours < 24 * 365 * 2 {
        return format!("{}d", hours / 24);
    }
    if hours < 24 * 365 * 8 {
        let dy = (hours / 24) % 365;
        if dy == 0 {
            return format!("{}y", hours / 24 / 365);
        }
        return format!("{}y{dy}d", hours / 24 / 365);
    }
    format!("{}y", hours / 24 / 365)
}

#[cfg(test)]
mod tests {
    use super::human_duration;

    const S: i64 = 1000;
    const M: i64 = 60 * S;
    const H: i64 = 60 * M;
    const D: i64 = 24 * H;

    #[test]
    fn r7_3_human_duration_table() {
        let cases: &[(i64, &str)] = &[
            (-2 * S, "<invalid>"),
            (-1999, "0s"),
            (-S, "0s"),
            (-1, "0s"),
            (0, "0s"),
            (999, "0s"),
            (S, "1s"),
            (25 * S, "25s"),
            (119 * S, "119s"),
            (120 * S, "2m"),
            (2 * M + 21 * S, "2m21s"),
            (3 * M + 7 * S, "3m7s"),
            (9 * M + 59 * S, "9m59s"),
            (10 * M, "10m"),
            (10 * M + 30 * S, "10m"),
            (179 * M, "179m"),
            (3 * H, "3h"),
            (3 * H + 5 * M, "3h5m"),
            (7 * H + 59 * M, "7h59m"),
            (8 * H, "8h"),
            (47 * H + 59 * M, "47h"),
            (48 * H, "2d"),
            (2 * D + 4 * H, "2d4h"),
            (7 * D + 23 * H, "7d23h"),
            (8 * D, "8d"),
            (729 * D, "729d"),
            (730 * D, "2y"),
            (731 * D, "2y1d"),
            (8 * 365 * D, "8y"),
            (20 * 365 * D, "20y"),
        ];
        for (ms, want) in cases {
            assert_eq!(human_duration(*ms), *want, "{ms} ms");
        }
    }
}
