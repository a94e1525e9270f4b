//! `resource.Quantity.String()`: the canonical text the API server prints for a quantity in a
//! validation message (`must be less than or equal to cpu limit of 500m`). Ported from
//! apimachinery/pkg/api/resource/quantity.go `CanonicalizeBytes`: the suffix family the user wrote
//! (binary `Ki`…, decimal `k`…, or an exponent) is kept, the value is shown with the largest
//! suffix that keeps it whole, and binary values below 1Ki or not whole fall back to decimal.
//!
//! Values are held in thousandths (the API server rounds resource lists up to milli precision).
//! Deliberately absent: precision below a milli-unit.

use crate::model::Quantity;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    DecimalSI,
    BinarySI,
    DecimalExponent,
}

fn format_of(text: &str) -> Format {
    let suffix: String = text
        .trim()
        .trim_start_matches(['+', '-'])
        .chars()
        .skip_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    if suffix.ends_with('i') {
        Format::BinarySI
    } else if suffix.starts_with(['e', 'E']) {
        Format::DecimalExponent
    } else {
        Format::DecimalSI
    }
}

/// The canonical text of a quantity; the input text unchanged when it does not parse.
pub(crate) fn canonical(text: &str) -> String {
    let Ok(q) = Quantity::parse(text) else {
        return text.to_string();
    };
    canonical_from(q.milli, format_of(text))
}

fn canonical_from(milli: i64, format: Format) -> String {
    if milli == 0 {
        return "0".to_string();
    }
    let milli = i128::from(milli);
    if format == Format::BinarySI && milli.abs() >= 1024 * 1000 && milli % 1000 == 0 {
        let mut units = milli / 1000;
        let mut power = 0usize;
        while power < 6 && units % 1024 == 0 {
            units /= 1024;
            power += 1;
        }
        let suffix = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"][power];
        return format!("{units}{suffix}");
    }
    let mut mantissa = milli;
    let mut exponent: i32 = -3;
    while mantissa % 1000 == 0 && exponent < 18 {
        mantissa /= 1000;
        exponent += 3;
    }
    let suffix = match format {
        Format::DecimalExponent => {
            if exponent == 0 {
                String::new()
            } else {
                format!("e{exponent}")
            }
        }
        _ => match exponent {
            -3 => "m".to_string(),
            0 => String::new(),
            3 => "k".to_string(),
            6 => "M".to_string(),
            9 => "G".to_string(),
            12 => "T".to_string(),
            15 => "P".to_string(),
            _ => "E".to_string(),
        },
    };
    format!("{mantissa}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_forms() {
        assert_eq!(canonical("1.5"), "1500m");
        assert_eq!(canonical("2000m"), "2");
        assert_eq!(canonical("0.5"), "500m");
        assert_eq!(canonical("1000"), "1k");
        assert_eq!(canonical("1.5Gi"), "1536Mi");
        assert_eq!(canonical("2048Mi"), "2Gi");
        assert_eq!(canonical("512"), "512");
        assert_eq!(canonical("1e3"), "1e3");
        assert_eq!(canonical("200Mi"), "200Mi");
        assert_eq!(canonical("-1"), "-1");
        assert_eq!(canonical("0"), "0");
    }
}
