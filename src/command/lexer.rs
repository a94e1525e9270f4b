//! Splitting a step into words as a POSIX shell would (quotes, backslashes), and quoting words
//! back so that the printed step splits the same way.

use super::StepError;

/// Splits `text` into words: whitespace separates words; `'…'` is literal; `"…"` allows `\"`,
/// `\\`, `\$` and `` \` `` escapes; a backslash outside quotes escapes the next character.
pub fn split_words(text: &str) -> Result<Vec<String>, StepError> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut in_word = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut current));
                    in_word = false;
                }
            }
            '\'' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => current.push(c),
                        None => return Err(unterminated('\'')),
                    }
                }
            }
            '"' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(e @ ('"' | '\\' | '$' | '`')) => current.push(e),
                            Some('\n') => {}
                            Some(other) => {
                                current.push('\\');
                                current.push(other);
                            }
                            None => return Err(unterminated('"')),
                        },
                        Some(c) => current.push(c),
                        None => return Err(unterminated('"')),
                    }
                }
            }
            '\\' => {
                in_word = true;
                match chars.next() {
                    Some('\n') => {}
                    Some(c) => current.push(c),
                    None => current.push('\\'),
                }
            }
            c => {
                in_word = true;
                current.push(c);
            }
        }
    }
    if in_word {
        words.push(current);
    }
    Ok(words)
}

fn unterminated(quote: char) -> StepError {
    StepError(format!("error: unterminated {quote} quote in step"))
}

/// Quotes a word for a shell when it needs it (whitespace, quotes, `\`, `$`, empty).
pub fn quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(
                    c,
                    '-' | '_' | '.' | '/' | ':' | '=' | ',' | '+' | '@' | '%' | '!'
                )
                || (!c.is_ascii() && !c.is_whitespace())
        });
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_like_a_shell() {
        assert_eq!(
            split_words(r#"kubectl delete pod -l 'app in (a, b)' "x y" a\ b"#).unwrap(),
            vec![
                "kubectl",
                "delete",
                "pod",
                "-l",
                "app in (a, b)",
                "x y",
                "a b"
            ]
        );
        assert_eq!(split_words("  settle  ").unwrap(), vec!["settle"]);
        assert_eq!(split_words(r#"a "" b"#).unwrap(), vec!["a", "", "b"]);
        assert_eq!(
            split_words("kubectl 'oops").unwrap_err().0,
            "error: unterminated ' quote in step"
        );
    }

    #[test]
    fn quoting_round_trips() {
        for w in ["plain", "app in (a,b)", "it's", "", "k=v:NoSchedule", "a$b"] {
            let q = quote(w);
            assert_eq!(split_words(&q).unwrap(), vec![w.to_string()], "{q}");
        }
        assert_eq!(
            quote("dedicated=gpu:NoSchedule"),
            "dedicated=gpu:NoSchedule"
        );
        assert_eq!(quote("app in (a,b)"), "'app in (a,b)'");
    }
}
