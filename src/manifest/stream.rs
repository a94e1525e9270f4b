//! Splitting a YAML stream into documents the way kubectl does before parsing anything
//! (`YAMLReader.Read` in apimachinery/pkg/util/yaml/decoder.go): a line that starts with `---`
//! and has nothing but blanks or a comment after it separates documents; a `---` line followed
//! by anything else is an error. Each document is then parsed on its own, so goyaml's line
//! numbers in kubectl's messages are relative to the document, and one broken document does not
//! hide the others.
//!
//! Deliberately absent: YAML parsing (see `yaml_doc`), and kubectl's JSON-stream detection
//! (`{...}{...}` without separators); a JSON document is read as YAML.

use super::messages;

/// One document's text and where it sits in the input.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Chunk<'a> {
    pub text: &'a str,
    /// Number of input lines before the chunk's first line.
    pub line_offset: usize,
    /// The separator line that opened this chunk, when it is malformed: (message, 1-based line).
    pub separator_error: Option<(String, usize)>,
}

/// Splits `text` at document separator lines.
pub(crate) fn split(text: &str) -> Vec<Chunk<'_>> {
    let mut chunks = Vec::new();
    let mut start = 0usize; // byte offset of the current chunk
    let mut start_line = 0usize; // lines before the current chunk
    let mut pending_error: Option<(String, usize)> = None;
    let mut offset = 0usize;
    for (line_no, line) in text.split_inclusive('\n').enumerate() {
        let line_start = offset;
        offset += line.len();
        let Some(rest) = line.strip_prefix("---") else {
            continue;
        };
        let trimmed = rest.trim();
        let error = if trimmed.is_empty() || trimmed.starts_with('#') {
            None
        } else {
            Some((messages::invalid_document_separator(trimmed), line_no + 1))
        };
        chunks.push(Chunk {
            text: &text[start..line_start],
            line_offset: start_line,
            separator_error: pending_error.take(),
        });
        pending_error = error;
        start = offset;
        start_line = line_no + 1;
    }
    chunks.push(Chunk {
        text: &text[start..],
        line_offset: start_line,
        separator_error: pending_error,
    });
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_separator_lines_only() {
        let chunks = split("a: 1\n---\nb: 2\n--- # two\nc: 3\nd: '---'\n");
        let texts: Vec<&str> = chunks.iter().map(|c| c.text).collect();
        assert_eq!(texts, vec!["a: 1\n", "b: 2\n", "c: 3\nd: '---'\n"]);
        let offsets: Vec<usize> = chunks.iter().map(|c| c.line_offset).collect();
        assert_eq!(offsets, vec![0, 2, 4]);
    }

    #[test]
    fn a_leading_separator_makes_an_empty_first_chunk() {
        let chunks = split("---\na: 1");
        assert_eq!(chunks.len(), 2);
        assert_eq!(chunks[0].text, "");
        assert_eq!(chunks[1].text, "a: 1");
        assert_eq!(chunks[1].line_offset, 1);
    }

    #[test]
    fn a_separator_with_content_is_reported_on_the_following_chunk() {
        let chunks = split("a: 1\n--- {b: 2}\nc: 3\n");
        assert_eq!(chunks.len(), 2);
        assert_eq!(
            chunks[1].separator_error,
            Some(("invalid Yaml document separator: {b: 2}".to_string(), 2))
        );
    }
}
