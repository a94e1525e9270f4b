//! Resource quantities (`100m`, `200Mi`, `1.5G`, `2e3`), as apimachinery's `resource.Quantity`
//! parses them, held as milli-units rounded up (`Quantity.MilliValue`), plus the original text
//! for printing. Resource lists map resource names to quantities.

use std::collections::BTreeMap;

/// A parsed quantity: its value in thousandths of the unit, and the text the user wrote.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Quantity {
    pub milli: i64,
    pub text: String,
}

/// A resource list: `cpu`, `memory`, `pods`, `ephemeral-storage`, extended resources.
pub type ResourceList = BTreeMap<String, Quantity>;

/// The API server's message for an unparsable quantity.
pub const QUANTITY_FORMAT_ERROR: &str =
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

impl Quantity {
    /// Parses a quantity; the error is the API server's wording.
    pub fn parse(text: &str) -> Result<Quantity, &'static str> {
        let milli = parse_milli(text.trim()).ok_or(QUANTITY_FORMAT_ERROR)?;
        Ok(Quantity {
            milli,
            text: text.trim().to_string(),
        })
    }

    /// A quantity from a whole number of units (`pods: 110`).
    pub fn from_units(units: i64) -> Quantity {
        Quantity {
            milli: units.saturating_mul(1000),
            text: units.to_string(),
        }
    }

    /// A quantity from milli-units, printed in the canonical short form (`100m`, `2`).
    pub fn from_milli(milli: i64) -> Quantity {
        let text = if milli % 1000 == 0 {
            (milli / 1000).to_string()
        } else {
            format!("{milli}m")
        };
        Quantity { milli, text }
    }

    /// The value rounded up to whole units (`Quantity.Value`).
    pub fn value(&self) -> i64 {
        let q = self.milli.div_euclid(1000);
        if self.milli.rem_euclid(1000) != 0 {
            q + 1
        } else {
            q
        }
    }
}

impl std::fmt::Display for Quantity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// Returns the value in milli-units, rounded up (away from zero for positives), saturating.
fn parse_milli(text: &str) -> Option<i64> {
    let (negative, body) = match text.as_bytes().first()? {
        b'+' => (false, &text[1..]),
        b'-' => (true, &text[1..]),
        _ => (false, text),
    };
    let num_end = body
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(body.len());
    let (number, suffix) = body.split_at(num_end);
    if number.is_empty() || number == "." || number.matches('.').count() > 1 {
        return None;
    }
    let (int_part, frac_part) = number.split_once('.').unwrap_or((number, ""));
    // mantissa × 10^-frac_digits
    let digits = format!("{int_part}{frac_part}");
    let digits = digits.trim_start_matches('0');
    if digits.len() > 30 {
        return Some(if negative { i64::MIN } else { i64::MAX });
    }
    let mantissa: i128 = if digits.is_empty() {
        0
    } else {
        digits.parse().ok()?
    };
    let mut dec_exp: i32 = -(frac_part.len() as i32);
    let mut bin_exp: u32 = 0;
    match suffix {
        "" => {}
        "n" => dec_exp -= 9,
        "u" => dec_exp -= 6,
        "m" => dec_exp -= 3,
        "k" => dec_exp += 3,
        "M" => dec_exp += 6,
        "G" => dec_exp += 9,
        "T" => dec_exp += 12,
        "P" => dec_exp += 15,
        "E" => dec_exp += 18,
        "Ki" => bin_exp = 10,
        "Mi" => bin_exp = 20,
        "Gi" => bin_exp = 30,
        "Ti" => bin_exp = 40,
        "Pi" => bin_exp = 50,
        "Ei" => bin_exp = 60,
        s if s.starts_with(['e', 'E']) => {
            let e: i32 = s[1..].parse().ok()?;
            if !(-40..=40).contains(&e) {
                return None;
            }
            dec_exp += e;
        }
        _ => return None,
    }
    // value_milli = mantissa × 2^bin_exp × 10^(dec_exp + 3), rounded up.
    dec_exp += 3;
    let mut value: i128 = mantissa.checked_mul(1i128 << bin_exp)?;
    if dec_exp >= 0 {
        for _ in 0..dec_exp {
            value = value.saturating_mul(10);
        }
    } else {
        let divisor = 10i128.checked_pow((-dec_exp) as u32).unwrap_or(i128::MAX);
        value = (value + divisor - 1) / divisor;
    }
    let value = value.min(i64::MAX as i128) as i64;
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn milli(text: &str) -> i64 {
        Quantity::parse(text).unwrap().milli
    }

    #[test]
    fn parses_cpu_and_memory_like_the_api_server() {
        assert_eq!(milli("100m"), 100);
        assert_eq!(milli("1"), 1000);
        assert_eq!(milli("1.5"), 1500);
        assert_eq!(milli("0.1"), 100);
        assert_eq!(milli("200Mi"), 200 * 1024 * 1024 * 1000);
        assert_eq!(milli("1Gi"), 1024 * 1024 * 1024 * 1000);
        assert_eq!(milli("1G"), 1_000_000_000 * 1000);
        assert_eq!(milli("2k"), 2_000_000);
        assert_eq!(milli("1e3"), 1_000_000);
        assert_eq!(milli("1n"), 1, "rounded up");
        assert_eq!(milli("110"), 110_000);
        assert_eq!(Quantity::parse("110").unwrap().value(), 110);
        assert_eq!(Quantity::parse("100m").unwrap().value(), 1);
    }

    #[test]
    fn rejects_garbage_with_the_api_message() {
        for bad in ["", "abc", "1.2.3", "10 Mi", "5Xi", "."] {
            assert_eq!(Quantity::parse(bad), Err(QUANTITY_FORMAT_ERROR), "{bad}");
        }
    }
}
