//! String-format validators returning upstream's messages, ported from
//! apimachinery/pkg/api/validate/content (`IsDNS1123Label`, `IsDNS1123Subdomain`, `IsLabelKey`,
//! `IsLabelValue`) and apimachinery/pkg/util/validation (`IsValidPortName`, `IsValidPercent`,
//! `IsRelaxedEnvVarName`). Each returns every message that applies, in upstream order, like the
//! Go functions' `[]string`. The regular expressions are matched by hand (no regex engine).

use crate::manifest::messages as m;

fn is_alnum_lower(c: u8) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit()
}

/// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`
fn matches_dns1123_label(s: &str) -> bool {
    let b = s.as_bytes();
    match (b.first(), b.last()) {
        (Some(&first), Some(&last)) => {
            is_alnum_lower(first)
                && is_alnum_lower(last)
                && b.iter().all(|&c| is_alnum_lower(c) || c == b'-')
        }
        _ => false,
    }
}

/// `label(\.label)*`
fn matches_dns1123_subdomain(s: &str) -> bool {
    s.split('.').all(matches_dns1123_label)
}

/// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`
fn matches_label_name(s: &str) -> bool {
    let b = s.as_bytes();
    match (b.first(), b.last()) {
        (Some(&first), Some(&last)) => {
            first.is_ascii_alphanumeric()
                && last.is_ascii_alphanumeric()
                && b.iter()
                    .all(|&c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_' || c == b'.')
        }
        _ => false,
    }
}

/// `IsDNS1123Label`.
pub(crate) fn dns1123_label(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if value.len() > 63 {
        errs.push(m::max_len_error(63));
    }
    if !matches_dns1123_label(value) {
        if matches_dns1123_subdomain(value) {
            errs.push(m::DNS1123_LABEL_NO_DOTS.to_string());
        } else {
            errs.push(m::regex_error(
                m::DNS1123_LABEL_ERR,
                m::DNS1123_LABEL_FMT,
                m::DNS1123_LABEL_EXAMPLES,
            ));
        }
    }
    errs
}

/// `IsDNS1123Subdomain` (also `NameIsDNSSubdomain` with prefix=false).
pub(crate) fn dns1123_subdomain(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if value.len() > 253 {
        errs.push(m::max_len_error(253));
    }
    if !matches_dns1123_subdomain(value) {
        errs.push(m::regex_error(
            m::DNS1123_SUBDOMAIN_ERR,
            m::DNS1123_SUBDOMAIN_FMT,
            m::DNS1123_SUBDOMAIN_EXAMPLES,
        ));
    }
    errs
}

/// `IsLabelKey` (`IsQualifiedName`).
pub(crate) fn label_key(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    let parts: Vec<&str> = value.split('/').collect();
    let name = match parts.as_slice() {
        [name] => *name,
        [prefix, name] => {
            if prefix.is_empty() {
                errs.push(format!("{}{}", m::LABEL_KEY_PREFIX, m::EMPTY_ERROR));
            } else {
                for msg in dns1123_subdomain(prefix) {
                    errs.push(format!("{}{msg}", m::LABEL_KEY_PREFIX));
                }
            }
            *name
        }
        _ => {
            errs.push(format!(
                "a valid label key {}{}",
                m::regex_error(m::LABEL_KEY_ERR, m::LABEL_KEY_FMT, m::LABEL_KEY_EXAMPLES),
                m::LABEL_KEY_TOO_MANY_SLASHES_SUFFIX
            ));
            return errs;
        }
    };
    if name.is_empty() {
        errs.push(format!("{}{}", m::LABEL_KEY_NAME, m::EMPTY_ERROR));
    } else if name.len() > 63 {
        errs.push(format!("{}{}", m::LABEL_KEY_NAME, m::max_len_error(63)));
    }
    if !matches_label_name(name) {
        errs.push(format!(
            "{}{}",
            m::LABEL_KEY_NAME,
            m::regex_error(m::LABEL_KEY_ERR, m::LABEL_KEY_FMT, m::LABEL_KEY_EXAMPLES)
        ));
    }
    errs
}

/// `IsLabelValue`.
pub(crate) fn label_value(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if value.len() > 63 {
        errs.push(m::max_len_error(63));
    }
    if !value.is_empty() && !matches_label_name(value) {
        errs.push(m::regex_error(
            m::LABEL_VALUE_ERR,
            m::LABEL_VALUE_FMT,
            m::LABEL_VALUE_EXAMPLES,
        ));
    }
    errs
}

/// `IsValidPortName`.
pub(crate) fn port_name(port: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if port.len() > 15 {
        errs.push(m::max_len_error(15));
    }
    if port.is_empty()
        || !port
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-')
    {
        errs.push(m::PORT_NAME_ALNUM.to_string());
    }
    if !port.bytes().any(|c| c.is_ascii_lowercase()) {
        errs.push(m::PORT_NAME_ONE_LETTER.to_string());
    }
    if port.contains("--") {
        errs.push(m::PORT_NAME_CONSECUTIVE_HYPHENS.to_string());
    }
    if port.starts_with('-') || port.ends_with('-') {
        errs.push(m::PORT_NAME_HYPHEN_ENDS.to_string());
    }
    errs
}

/// `IsValidPortNum`.
pub(crate) fn port_num(port: i64) -> Vec<String> {
    if (1..=65535).contains(&port) {
        Vec::new()
    } else {
        vec![m::inclusive_range_error(1, 65535)]
    }
}

/// `IsValidPercent`: `[0-9]+%`.
pub(crate) fn percent(value: &str) -> Vec<String> {
    let valid = value
        .strip_suffix('%')
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|c| c.is_ascii_digit()));
    if valid {
        Vec::new()
    } else {
        vec![m::regex_error(
            m::PERCENT_ERR,
            m::PERCENT_FMT,
            m::PERCENT_EXAMPLES,
        )]
    }
}

/// `IsRelaxedEnvVarName`.
pub(crate) fn env_var_name(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if value.is_empty() {
        errs.push(m::ENV_VAR_NAME_EMPTY.to_string());
    }
    if value
        .chars()
        .any(|c| !c.is_ascii() || c.is_ascii_control() || c == '=')
    {
        errs.push(m::RELAXED_ENV_VAR_NAME.to_string());
    }
    errs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r6_7_dns1123_labels() {
        assert!(dns1123_label("web-1").is_empty());
        assert_eq!(
            dns1123_label("a.b"),
            vec!["must not contain dots".to_string()]
        );
        assert_eq!(dns1123_label("Web_1").len(), 1);
        assert_eq!(
            dns1123_label(&"a".repeat(64)),
            vec!["must be no more than 63 bytes".to_string()]
        );
    }

    #[test]
    fn r6_5_label_keys_and_values() {
        assert!(label_key("app").is_empty());
        assert!(label_key("example.com/app").is_empty());
        assert_eq!(
            label_key("/app"),
            vec!["prefix part must be non-empty".to_string()]
        );
        assert_eq!(label_key("a/b/c").len(), 1);
        assert!(label_key("a/b/c")[0].starts_with("a valid label key must consist"));
        assert_eq!(label_key("Example.com/app").len(), 1);
        assert!(label_key("Example.com/app")[0]
            .starts_with("prefix part a lowercase RFC 1123 subdomain"));
        assert!(label_value("").is_empty());
        assert!(label_value("my_value").is_empty());
        assert_eq!(label_value("-x").len(), 1);
    }

    #[test]
    fn percents_and_ports() {
        assert!(percent("10%").is_empty());
        assert_eq!(percent("abc").len(), 1);
        assert_eq!(percent("%").len(), 1);
        assert!(port_num(80).is_empty());
        assert_eq!(
            port_num(70000),
            vec!["must be between 1 and 65535, inclusive".to_string()]
        );
        assert!(port_name("http").is_empty());
        assert_eq!(port_name("HTTP").len(), 2);
    }
}
