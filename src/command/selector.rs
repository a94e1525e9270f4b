//! Label selector strings as `kubectl -l` takes them (`labels.Parse`): `k=v`, `k==v`, `k!=v`,
//! `k in (a,b)`, `k notin (a,b)`, `k`, `!k`, joined by commas.
//!
//! Deliberately absent: the `gt`/`lt` operators (the model's selectors have none).

use super::StepError;
use crate::model::{LabelSelector, Requirement, SelectorOperator};

/// Parses a selector; the error reads like apimachinery's (`unable to parse requirement: …`).
pub fn parse_label_selector(text: &str) -> Result<LabelSelector, StepError> {
    let mut requirements = Vec::new();
    if text.trim().is_empty() {
        return Ok(LabelSelector::new(requirements));
    }
    for part in split_top_level(text) {
        requirements.push(parse_requirement(part.trim())?);
    }
    Ok(LabelSelector::new(requirements))
}

/// Splits on commas outside parentheses.
fn split_top_level(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

fn err(detail: impl std::fmt::Display) -> StepError {
    StepError(format!("error: unable to parse requirement: {detail}"))
}

fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/')
}

fn check_key(key: &str) -> Result<(), StepError> {
    if key.is_empty() || !key.chars().all(is_key_char) {
        return Err(err(format!("found '{key}', expected: identifier")));
    }
    Ok(())
}

fn check_value(value: &str) -> Result<(), StepError> {
    if !value.chars().all(is_key_char) {
        return Err(err(format!("found '{value}', expected: identifier")));
    }
    Ok(())
}

fn parse_requirement(part: &str) -> Result<Requirement, StepError> {
    if part.is_empty() {
        return Err(err("found '', expected: !, identifier, or 'end of string'"));
    }
    if let Some(key) = part.strip_prefix('!') {
        let key = key.trim();
        check_key(key)?;
        return Ok(Requirement::new(
            key,
            SelectorOperator::DoesNotExist,
            vec![],
        ));
    }
    for (op, operator) in [
        ("!=", SelectorOperator::NotIn),
        ("==", SelectorOperator::Equals),
        ("=", SelectorOperator::Equals),
    ] {
        if let Some((key, value)) = part.split_once(op) {
            let (key, value) = (key.trim(), value.trim());
            check_key(key)?;
            check_value(value)?;
            return Ok(Requirement::new(key, operator, vec![value.to_string()]));
        }
    }
    let mut words = part.splitn(2, char::is_whitespace);
    let key = words.next().unwrap_or_default();
    check_key(key)?;
    let Some(rest) = words.next().map(str::trim) else {
        return Ok(Requirement::new(key, SelectorOperator::Exists, vec![]));
    };
    let (operator, list) = if let Some(l) = rest.strip_prefix("notin") {
        (SelectorOperator::NotIn, l)
    } else if let Some(l) = rest.strip_prefix("in") {
        (SelectorOperator::In, l)
    } else {
        let found = rest.split_whitespace().next().unwrap_or_default();
        return Err(err(format!(
            "found '{found}', expected: in, notin, =, ==, !=, gt, lt"
        )));
    };
    let list = list.trim();
    let Some(inner) = list.strip_prefix('(').and_then(|l| l.strip_suffix(')')) else {
        return Err(err(format!("found '{list}', expected: '('")));
    };
    let mut values = Vec::new();
    for v in inner.split(',') {
        let v = v.trim();
        check_value(v)?;
        values.push(v.to_string());
    }
    Ok(Requirement::new(key, operator, values))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_operator() {
        let s = parse_label_selector("app=fluentd, tier in (a, b),env!=prod,!legacy,zone").unwrap();
        assert_eq!(
            s.to_string(),
            "app=fluentd,env notin (prod),!legacy,tier in (a,b),zone"
        );
        assert_eq!(parse_label_selector("a==b").unwrap().to_string(), "a=b");
        assert!(parse_label_selector("").unwrap().is_empty());
    }

    #[test]
    fn reports_errors_like_apimachinery() {
        assert_eq!(
            parse_label_selector("a b").unwrap_err().0,
            "error: unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"
        );
        assert_eq!(
            parse_label_selector("a in b").unwrap_err().0,
            "error: unable to parse requirement: found 'b', expected: '('"
        );
        assert_eq!(
            parse_label_selector("a,,b").unwrap_err().0,
            "error: unable to parse requirement: found '', expected: !, identifier, or 'end of string'"
        );
    }
}
