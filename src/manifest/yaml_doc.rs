//! YAML documents to JSON values, as kubectl converts them (sigs.k8s.io/yaml `YAMLToJSON` over
//! goyaml.v2) before anything looks at kinds or fields: map keys become strings, duplicate keys
//! keep the last value, whole floats become integers (Go marshals `80.0` as `80`), and the JSON
//! object keeps its keys sorted, as Go's encoder writes them — which is the order in which the
//! API server later meets unknown fields.
//!
//! Parsing is serde_yaml (libyaml), whose messages are goyaml's; syntax errors are rewritten to
//! goyaml's `yaml: line N: <problem>` including its line quirk (parser errors report the
//! zero-based line). Guards: a nesting cap and a budget of produced values, so that deep nesting
//! and alias bombs fail fast with goyaml-style messages. Deliberately absent: YAML 1.1 scalar
//! forms (`yes`, `on`), which need the scalar style; `located` fixes those afterwards.

use super::messages;
use serde::de::{self, DeserializeSeed, Visitor};
use serde_json::{Map, Number, Value};
use std::cell::Cell;
use std::fmt;

/// Deepest nesting accepted. Kubernetes manifests stay far below it; it keeps recursion (and the
/// stack) small on every target, including wasm.
pub(crate) const MAX_DEPTH: usize = 64;

/// A syntax error, positioned relative to its document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    /// goyaml's message as kubectl prints it after `error converting YAML to JSON: `.
    pub message: String,
    /// 1-based line and column within the document text, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// Parses every YAML document in `text` (normally one: the stream was split already). Stops at
/// the first error, which is returned last.
pub(crate) fn parse_documents(text: &str) -> Vec<Result<Value, SyntaxError>> {
    if let Some((line, column)) = deep_flow_nesting(text) {
        return vec![Err(SyntaxError {
            message: messages::goyaml_error(Some(line), &messages::exceeded_max_depth(MAX_DEPTH)),
            line: Some(line),
            column: Some(column),
        })];
    }
    let mut out = Vec::new();
    // Budget of JSON values: generous for any alias-free input (every value costs at least a
    // byte of text), small enough that an alias bomb stops long before memory does.
    let budget = Cell::new(text.len().saturating_mul(4).saturating_add(10_000));
    for document in serde_yaml::Deserializer::from_str(text) {
        let seed = JsonSeed {
            depth: 0,
            budget: &budget,
        };
        match seed.deserialize(document) {
            Ok(value) => out.push(Ok(value)),
            Err(err) => {
                out.push(Err(syntax_error(&err, text)));
                break;
            }
        }
    }
    out
}

/// The position (1-based line and column) of the first `[` or `{` nested deeper than
/// [`MAX_DEPTH`], outside quotes and comments. libyaml's cost per flow level grows with the
/// depth, so such input is refused before it reaches the parser. A bracket inside a plain or block
/// scalar counts too; real manifests never hold 64 unclosed ones.
fn deep_flow_nesting(text: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let (mut line, mut column) = (1usize, 0usize);
    let mut quote: Option<char> = None;
    let mut in_comment = false;
    let mut previous = '\n';
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        column += 1;
        if c == '\n' {
            line += 1;
            column = 0;
            in_comment = false;
            // A quoted scalar may span lines: the quote stays open.
            previous = c;
            continue;
        }
        if in_comment {
            previous = c;
            continue;
        }
        match quote {
            Some('"') => {
                if c == '\\' {
                    chars.next();
                    column += 1;
                } else if c == '"' {
                    quote = None;
                }
            }
            Some(_) => {
                if c == '\'' {
                    quote = None;
                }
            }
            None => match c {
                '#' if previous.is_whitespace() => in_comment = true,
                '"' | '\'' if !previous.is_alphanumeric() => quote = Some(c),
                '[' | '{' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Some((line, column));
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        previous = c;
    }
    None
}

/// Our own errors, raised from inside the visitor; serde_yaml attaches the position.
const DEPTH_MARKER: &str = "\u{1}depth";
const BUDGET_MARKER: &str = "\u{1}budget";
const MAP_KEY_MARKER: &str = "\u{1}mapkey";
const UNSUPPORTED_MARKER: &str = "\u{1}unsupported:";

struct JsonSeed<'b> {
    depth: usize,
    budget: &'b Cell<usize>,
}

impl<'b> JsonSeed<'b> {
    fn child(&self) -> JsonSeed<'b> {
        JsonSeed {
            depth: self.depth + 1,
            budget: self.budget,
        }
    }

    fn spend<E: de::Error>(&self) -> Result<(), E> {
        let left = self.budget.get();
        if left == 0 {
            return Err(E::custom(BUDGET_MARKER));
        }
        self.budget.set(left - 1);
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for JsonSeed<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        if self.depth > MAX_DEPTH {
            return Err(de::Error::custom(DEPTH_MARKER));
        }
        self.spend()?;
        deserializer.deserialize_any(self)
    }
}

fn number_from_f64<E: de::Error>(f: f64) -> Result<Value, E> {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 9.0e18 {
        // Go's encoder writes a whole float64 without a fraction; the API server then reads an
        // integer.
        return Ok(Value::Number(Number::from(f as i64)));
    }
    match Number::from_f64(f) {
        Some(n) => Ok(Value::Number(n)),
        None => {
            let text = if f.is_nan() {
                "NaN"
            } else if f > 0.0 {
                "+Inf"
            } else {
                "-Inf"
            };
            Err(E::custom(format!("{UNSUPPORTED_MARKER}{text}")))
        }
    }
}

impl<'de> Visitor<'de> for JsonSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        number_from_f64(v)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.child().deserialize(d)
    }
    fn visit_newtype_struct<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.child().deserialize(d)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self.child())? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let value = map.next_value_seed(self.child())?;
            // Duplicate keys: the last one wins, as in goyaml's non-strict decoding.
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        // serde_yaml hands a value with a custom tag (`!foo bar`) over as an enum; goyaml keeps
        // the value and drops an unknown local tag.
        use de::VariantAccess;
        let (_tag, variant): (de::IgnoredAny, _) = data.variant()?;
        variant.newtype_variant_seed(self.child())
    }
}

/// Map keys as sigs.k8s.io/yaml turns them into JSON object keys.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = String;
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a scalar map key")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_unit<E: de::Error>(self) -> Result<String, E> {
        Ok("null".to_string())
    }
    fn visit_none<E: de::Error>(self) -> Result<String, E> {
        Ok("null".to_string())
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, _seq: A) -> Result<String, A::Error> {
        Err(de::Error::custom(MAP_KEY_MARKER))
    }
    fn visit_map<A: de::MapAccess<'de>>(self, _map: A) -> Result<String, A::Error> {
        Err(de::Error::custom(MAP_KEY_MARKER))
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, _data: A) -> Result<String, A::Error> {
        Err(de::Error::custom(MAP_KEY_MARKER))
    }
}

/// A libyaml mark as serde_yaml's `Debug` prints it: 0-based line.
#[derive(Default)]
struct Mark {
    line0: usize,
}

/// Reads `name: Mark { line: L, column: C }` (1-based in the text) from serde_yaml's Debug output.
fn debug_mark(debug: &str, name: &str) -> Mark {
    let needle = format!("{name}: Mark {{ line: ");
    let Some(start) = debug.find(&needle) else {
        return Mark::default();
    };
    let digits: String = debug[start + needle.len()..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    Mark {
        line0: digits
            .parse::<usize>()
            .map(|l| l.saturating_sub(1))
            .unwrap_or(0),
    }
}

fn debug_field<'a>(debug: &'a str, name: &str) -> Option<&'a str> {
    let start = debug.find(&format!("{name}: "))? + name.len() + 2;
    let rest = &debug[start..];
    let end = rest.find(", ").unwrap_or(rest.len());
    Some(rest[..end].trim_end_matches(" }").trim_end_matches('}'))
}

/// Maps a serde_yaml error to goyaml's wording.
fn syntax_error(err: &serde_yaml::Error, text: &str) -> SyntaxError {
    let location = err.location();
    let (line, column) = match &location {
        Some(l) => (Some(l.line()), Some(l.column())),
        None => (None, None),
    };
    let debug = format!("{err:?}");
    let display = err.to_string();

    if debug.starts_with("Error { kind: ") {
        // A libyaml error (reader, scanner or parser).
        let kind = debug_field(&debug, "kind").unwrap_or("");
        let problem = problem_text(&debug).unwrap_or_else(|| display.clone());
        let problem_mark = debug_mark(&debug, "problem_mark");
        let context_mark = debug_mark(&debug, "context_mark");
        // goyaml.v2 `parser.fail()`: scanner errors report the 1-based line of the problem,
        // parser errors its 0-based line; with no problem line, the context line (0-based).
        let mut goyaml_line = 0usize;
        if problem_mark.line0 != 0 {
            goyaml_line = problem_mark.line0;
            if kind == "SCANNER" {
                goyaml_line += 1;
            }
        } else if context_mark.line0 != 0 {
            goyaml_line = context_mark.line0;
        }
        let goyaml_line = (goyaml_line != 0).then_some(goyaml_line);
        return SyntaxError {
            message: messages::goyaml_error(goyaml_line, &problem),
            line,
            column,
        };
    }

    let message = if display.contains(DEPTH_MARKER)
        || display.starts_with("recursion limit exceeded")
    {
        messages::goyaml_error(line, &messages::exceeded_max_depth(MAX_DEPTH))
    } else if display.contains(BUDGET_MARKER) || display.starts_with("repetition limit exceeded") {
        messages::goyaml_error(None, messages::EXCESSIVE_ALIASING)
    } else if display.contains(MAP_KEY_MARKER) {
        messages::goyaml_error(line, messages::INVALID_MAP_KEY)
    } else if let Some(pos) = display.find(UNSUPPORTED_MARKER) {
        let value: String = display[pos + UNSUPPORTED_MARKER.len()..]
            .chars()
            .take_while(|c| !c.is_whitespace())
            .collect();
        messages::json_unsupported_value(&value)
    } else if display.starts_with("unknown anchor") {
        let name = location
            .as_ref()
            .and_then(|l| text.get(l.index()..))
            .map(|rest| {
                rest.trim_start_matches('*')
                    .chars()
                    .take_while(|c| !c.is_whitespace() && !",]}".contains(*c))
                    .collect::<String>()
            })
            .unwrap_or_default();
        messages::goyaml_error(None, &messages::unknown_anchor(&name))
    } else {
        // Anything else serde_yaml reports (merge-key shapes, empty tags): its own words,
        // without its position suffix.
        let message = match display.find(" at line ") {
            Some(i) => display[..i].to_string(),
            None => display.clone(),
        };
        messages::goyaml_error(line, &message)
    };
    SyntaxError {
        message,
        line,
        column,
    }
}

/// The `problem: "..."` field of a libyaml error's Debug output, unescaped.
fn problem_text(debug: &str) -> Option<String> {
    let start = debug.find("problem: \"")? + "problem: \"".len();
    let mut out = String::new();
    let mut chars = debug[start..].chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            c => out.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Result<Value, SyntaxError> {
        parse_documents(text)
            .into_iter()
            .next()
            .unwrap_or(Ok(Value::Null))
    }

    #[test]
    fn converts_like_yaml_to_json() {
        let v = first("b: 1\na: 80.0\nc: [x, 1.5]\nd: ~\n1: one\na: 2\n").expect("parses");
        assert_eq!(
            v.to_string(),
            r#"{"1":"one","a":2,"b":1,"c":["x",1.5],"d":null}"#
        );
    }

    #[test]
    fn scanner_errors_report_the_one_based_line() {
        let err = first("apiVersion: v1\nkind: Pod\nmetadata: name: x\n").expect_err("invalid");
        assert_eq!(
            err.message,
            "yaml: line 3: mapping values are not allowed in this context"
        );
        assert_eq!(err.line, Some(3));
    }

    #[test]
    fn scanner_errors_on_the_first_line_have_no_line() {
        let err = first("a: b: c\n").expect_err("invalid");
        assert_eq!(
            err.message,
            "yaml: mapping values are not allowed in this context"
        );
    }

    #[test]
    fn parser_errors_report_the_zero_based_line() {
        let err = first("a:\n  b: 1\n c: 2\n").expect_err("invalid");
        assert_eq!(err.message, "yaml: line 2: did not find expected key");
    }

    #[test]
    fn deep_nesting_is_refused_quickly() {
        let text = "[".repeat(10_000);
        let err = first(&text).expect_err("too deep");
        assert!(
            err.message.contains("exceeded max depth of 64"),
            "{}",
            err.message
        );
    }

    #[test]
    fn deep_flow_nesting_is_refused_before_parsing() {
        assert_eq!(deep_flow_nesting(&"[".repeat(65)), Some((1, 65)));
        assert_eq!(deep_flow_nesting(&"[".repeat(64)), None);
        let quoted = format!(
            "a: \"{}\"\nb: '{}' # {}\n",
            "[".repeat(100),
            "{".repeat(100),
            "[".repeat(100)
        );
        assert_eq!(deep_flow_nesting(&quoted), None);
        let err = first(&"[".repeat(2_000_000)).expect_err("too deep");
        assert_eq!(err.message, "yaml: line 1: exceeded max depth of 64");
    }

    #[test]
    fn alias_bombs_are_refused_quickly() {
        let mut text = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        let mut prev = 'a';
        for name in ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] {
            text.push_str(&format!(
                "{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
            ));
            prev = name;
        }
        let err = first(&text).expect_err("bomb");
        assert_eq!(err.message, "yaml: document contains excessive aliasing");
    }
}
