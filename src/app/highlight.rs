//! YAML syntax highlighting for the manifest editor: each line split into classified spans
//! (keys, strings, numbers, booleans, comments, document separators, list dashes, block-scalar
//! text). Line-based and forgiving: it colours what it recognises and leaves the rest plain; it
//! never fails and never changes the text (the spans of a line concatenate back to the line).
//!
//! Deliberately absent: parsing (the manifest layer's job) and any DOM.

/// What a span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Token {
    Plain,
    Key,
    Punct,
    String,
    Number,
    Literal,
    Comment,
    DocSeparator,
    BlockText,
    Anchor,
}

impl Token {
    /// The CSS class suffix (`tok-key`).
    pub fn class(self) -> &'static str {
        match self {
            Token::Plain => "tok-plain",
            Token::Key => "tok-key",
            Token::Punct => "tok-punct",
            Token::String => "tok-string",
            Token::Number => "tok-number",
            Token::Literal => "tok-literal",
            Token::Comment => "tok-comment",
            Token::DocSeparator => "tok-doc",
            Token::BlockText => "tok-block",
            Token::Anchor => "tok-anchor",
        }
    }
}

/// A piece of a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub token: Token,
    pub text: String,
}

/// Highlights every line of `text` (lines split on `\n`; a final empty line is kept).
pub fn highlight(text: &str) -> Vec<Vec<Span>> {
    let mut out = Vec::new();
    // Inside a block scalar (`|`, `>`): lines indented more than this are its text.
    let mut block_indent: Option<usize> = None;
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let indent = line.len() - line.trim_start().len();
        if let Some(parent) = block_indent {
            if line.trim().is_empty() || indent > parent {
                out.push(vec![span(Token::BlockText, line)]);
                continue;
            }
        }
        let (spans, opens_block) = highlight_line(line);
        block_indent = opens_block;
        out.push(spans);
    }
    out
}

fn span(token: Token, text: &str) -> Span {
    Span {
        token,
        text: text.to_string(),
    }
}

/// The indentation that a block scalar's text must exceed: that of the line's key (after any
/// list dashes).
fn indent_of_key(line: &str) -> usize {
    let mut i = line.len() - line.trim_start().len();
    let bytes = line.as_bytes();
    while i + 1 < bytes.len() && bytes[i] == b'-' && bytes[i + 1] == b' ' {
        i += 2;
        while i < bytes.len() && bytes[i] == b' ' {
            i += 1;
        }
    }
    i
}

/// One line; also, when it opens a block scalar, the indentation its text must exceed.
fn highlight_line(line: &str) -> (Vec<Span>, Option<usize>) {
    let mut spans = Vec::new();
    let trimmed = line.trim_start();
    let lead = &line[..line.len() - trimmed.len()];
    if !lead.is_empty() {
        spans.push(span(Token::Plain, lead));
    }
    // Document markers only count at the start of a line.
    if line.starts_with("---") || line.starts_with("...") {
        let (sep, rest) = line.split_at(3);
        spans.clear();
        spans.push(span(Token::DocSeparator, sep));
        if !rest.is_empty() {
            push_value(&mut spans, rest);
        }
        return (spans, None);
    }
    if trimmed.starts_with('#') {
        spans.push(span(Token::Comment, trimmed));
        return (spans, None);
    }
    let mut rest = trimmed;
    // List dashes: `- `, `- - `.
    while let Some(after) = rest.strip_prefix('-') {
        if after.is_empty() || after.starts_with(' ') {
            let spaces = after.len() - after.trim_start_matches(' ').len();
            spans.push(span(Token::Punct, "-"));
            if spaces > 0 {
                spans.push(span(Token::Plain, &after[..spaces]));
            }
            rest = &after[spaces..];
        } else {
            break;
        }
    }
    if let Some(colon) = key_colon(rest) {
        let (key, after) = rest.split_at(colon);
        spans.push(span(Token::Key, key));
        spans.push(span(Token::Punct, ":"));
        let value = &after[1..];
        let opens_block = is_block_indicator(value).then(|| indent_of_key(line));
        push_value(&mut spans, value);
        return (spans, opens_block);
    }
    // A bare block scalar (`- >-`): its text must be indented more than the line.
    let opens_block = is_block_indicator(rest).then_some(lead.len());
    push_value(&mut spans, rest);
    (spans, opens_block)
}

fn is_block_indicator(value: &str) -> bool {
    let v = strip_comment(value).trim();
    v.starts_with('|') || v.starts_with('>')
}

/// The byte index of the `:` that ends a mapping key at the start of `s`, if any.
fn key_colon(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let first = *bytes.first()?;
    if first == b'"' || first == b'\'' {
        let close = s[1..].find(first as char)? + 1;
        let after = close + 1;
        return (bytes.get(after) == Some(&b':')
            && bytes.get(after + 1).is_none_or(|b| *b == b' '))
        .then_some(after);
    }
    if matches!(first, b'#' | b'{' | b'[' | b'&' | b'*' | b'!' | b'|' | b'>') {
        return None;
    }
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b':' if bytes.get(i + 1).is_none_or(|b| *b == b' ' || *b == b'\t') => {
                return (i > 0).then_some(i)
            }
            b'#' if i > 0 && bytes[i - 1] == b' ' => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// `s` up to a comment (` #` outside quotes).
fn strip_comment(s: &str) -> &str {
    match comment_start(s) {
        Some(i) => &s[..i],
        None => s,
    }
}

fn comment_start(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut quote: Option<u8> = None;
    for (i, &b) in bytes.iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => match b {
                b'"' | b'\'' => quote = Some(b),
                b'#' if i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t' => return Some(i),
                _ => {}
            },
        }
    }
    None
}

/// A value (after `key:` or a dash): leading blanks, the scalar, blanks, a comment.
fn push_value(spans: &mut Vec<Span>, value: &str) {
    let (body, comment) = match comment_start(value) {
        Some(i) => (&value[..i], Some(&value[i..])),
        None => (value, None),
    };
    let trimmed_start = body.trim_start();
    let lead = &body[..body.len() - trimmed_start.len()];
    let core = trimmed_start.trim_end();
    let trail = &trimmed_start[core.len()..];
    if !lead.is_empty() {
        spans.push(span(Token::Plain, lead));
    }
    if !core.is_empty() {
        spans.push(span(classify(core), core));
    }
    if !trail.is_empty() {
        spans.push(span(Token::Plain, trail));
    }
    if let Some(c) = comment {
        spans.push(span(Token::Comment, c));
    }
}

fn classify(scalar: &str) -> Token {
    let first = scalar.as_bytes()[0];
    if first == b'"' || first == b'\'' {
        return Token::String;
    }
    if first == b'&' || first == b'*' || first == b'!' {
        return Token::Anchor;
    }
    if first == b'|' || first == b'>' || first == b'{' || first == b'[' {
        return Token::Punct;
    }
    match scalar {
        "true" | "false" | "True" | "False" | "TRUE" | "FALSE" | "null" | "Null" | "NULL" | "~"
        | "yes" | "no" | "on" | "off" => return Token::Literal,
        _ => {}
    }
    let numeric = scalar
        .trim_start_matches(['-', '+'])
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '_')
        && scalar.chars().any(|c| c.is_ascii_digit());
    if numeric {
        Token::Number
    } else {
        Token::String
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str) -> String {
        highlight(text)
            .iter()
            .map(|line| {
                line.iter()
                    .filter(|s| s.token != Token::Plain)
                    .map(|s| format!("{}({})", s.token.class().trim_start_matches("tok-"), s.text))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn highlights_a_daemon_set() {
        let yaml = "apiVersion: apps/v1  # api\nkind: DaemonSet\n---\nspec:\n  template:\n    spec:\n      containers:\n      - name: \"a\"\n        ports:\n        - containerPort: 80\n          hostNetwork: true";
        assert_eq!(
            render(yaml),
            "key(apiVersion) punct(:) string(apps/v1) comment(# api)\n\
             key(kind) punct(:) string(DaemonSet)\n\
             doc(---)\n\
             key(spec) punct(:)\n\
             key(template) punct(:)\n\
             key(spec) punct(:)\n\
             key(containers) punct(:)\n\
             punct(-) key(name) punct(:) string(\"a\")\n\
             key(ports) punct(:)\n\
             punct(-) key(containerPort) punct(:) number(80)\n\
             key(hostNetwork) punct(:) literal(true)"
        );
    }

    #[test]
    fn block_scalars_are_text_until_dedent() {
        let yaml = "command:\n- >-\n  while true; do\n    sleep 30: x\n  done\nvolumes: []";
        assert_eq!(
            render(yaml),
            "key(command) punct(:)\npunct(-) punct(>-)\nblock(  while true; do)\nblock(    sleep 30: x)\nblock(  done)\nkey(volumes) punct(:) punct([])"
        );
    }

    #[test]
    fn spans_concatenate_back_to_the_text() {
        let yaml = "a: 'x' # c\n  - - b: 1\n\t\n---   # sep\nweird: {a: b}\n\"q k\": v\n";
        let lines = highlight(yaml);
        let rebuilt: Vec<String> = lines
            .iter()
            .map(|l| l.iter().map(|s| s.text.as_str()).collect())
            .collect();
        assert_eq!(rebuilt.join("\n"), yaml);
    }
}
