//! Column alignment exactly as Go's `text/tabwriter` does it, which is what every kubectl table
//! and `describe` page goes through.
//!
//! Text is made of lines of tab-terminated cells; the text after a line's last tab is not part of
//! any column. A column is a run of consecutive lines that all have a cell at that index; its
//! width is the widest cell plus `padding`, at least `min_width`. This is a port of
//! `Writer.format` (recursive over columns), without the flags kubectl does not use.

/// The parameters kubectl's table printers use (`printers.GetNewTabWriter`: min width 6, tab
/// width 4, padding 3, pad char ' ').
pub const TABLE: TabWriter = TabWriter {
    min_width: 6,
    padding: 3,
};

/// The parameters `describe` and `rollout history` use (`tabwriter.Init(out, 0, 8, 2, ' ', 0)`).
pub const DESCRIBE: TabWriter = TabWriter {
    min_width: 0,
    padding: 2,
};

/// A tab writer configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TabWriter {
    pub min_width: usize,
    pub padding: usize,
}

impl TabWriter {
    /// Aligns `text` (lines separated by `\n`, cells terminated by `\t`).
    pub fn format(&self, text: &str) -> String {
        let lines: Vec<Vec<&str>> = text.split('\n').map(|l| l.split('\t').collect()).collect();
        let mut out = String::with_capacity(text.len() * 2);
        let mut widths = Vec::new();
        self.format_block(&lines, &mut widths, 0, lines.len(), &mut out);
        out
    }

    /// `Writer.format`: formats lines `[line0, line1)` for the column `widths.len()`.
    fn format_block(
        &self,
        lines: &[Vec<&str>],
        widths: &mut Vec<usize>,
        mut line0: usize,
        line1: usize,
        out: &mut String,
    ) {
        let column = widths.len();
        let mut this = line0;
        while this < line1 {
            if column + 1 >= lines[this].len() {
                this += 1;
                continue;
            }
            // A cell exists in this column: print the lines before the block, then measure it.
            self.write_lines(lines, widths, line0, this, out);
            line0 = this;
            let mut width = self.min_width;
            while this < line1 && column + 1 < lines[this].len() {
                width = width.max(cell_width(lines[this][column]) + self.padding);
                this += 1;
            }
            widths.push(width);
            self.format_block(lines, widths, line0, this, out);
            widths.pop();
            line0 = this;
        }
        self.write_lines(lines, widths, line0, line1, out);
    }

    fn write_lines(
        &self,
        lines: &[Vec<&str>],
        widths: &[usize],
        line0: usize,
        line1: usize,
        out: &mut String,
    ) {
        for (i, line) in lines.iter().enumerate().take(line1).skip(line0) {
            for (j, cell) in line.iter().enumerate() {
                out.push_str(cell);
                if j + 1 < line.len() {
                    if let Some(&w) = widths.get(j) {
                        for _ in cell_width(cell)..w {
                            out.push(' ');
                        }
                    }
                }
            }
            if i + 1 < lines.len() {
                out.push('\n');
            }
        }
    }
}

fn cell_width(cell: &str) -> usize {
    cell.chars().count()
}

/// A kubectl table: a header row and data rows, rendered with the table printer's tab writer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new<S: Into<String>>(headers: impl IntoIterator<Item = S>) -> Self {
        Table {
            rows: vec![headers.into_iter().map(Into::into).collect()],
        }
    }

    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }

    /// The number of data rows.
    pub fn len(&self) -> usize {
        self.rows.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The aligned table, every line ending in a newline.
    pub fn render(&self) -> String {
        let mut text = String::new();
        for row in &self.rows {
            text.push_str(&row.join("\t"));
            text.push('\n');
        }
        TABLE.format(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_get_ds_like_kubectl() {
        let mut t = Table::new([
            "NAME",
            "DESIRED",
            "CURRENT",
            "READY",
            "UP-TO-DATE",
            "AVAILABLE",
            "NODE SELECTOR",
            "AGE",
        ]);
        t.row([
            "monitoring-daemon",
            "1",
            "1",
            "1",
            "1",
            "1",
            "<none>",
            "2m21s",
        ]);
        // Seed 001, byte for byte.
        assert_eq!(
            t.render(),
            "NAME                DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\n\
             monitoring-daemon   1         1         1       1            1           <none>          2m21s\n"
        );
    }

    #[test]
    fn narrow_columns_get_the_minimum_width() {
        let mut t = Table::new(["A", "B"]);
        t.row(["x", "y"]);
        assert_eq!(t.render(), "A     B\nx     y\n");
    }

    #[test]
    fn describe_blocks_end_at_lines_without_tabs() {
        let text = "Name:\tx\nNode-Selector:\t<none>\nDesired Number of Nodes Scheduled: 1\nPods Status:\t1 Running\nPod Template:\n  Labels:\tapp=x\n  Containers:\n   x:\n    Image:\tnginx\n    Environment:\t<none>\n  Volumes:\t<none>\n";
        assert_eq!(
            DESCRIBE.format(text),
            "Name:           x\n\
             Node-Selector:  <none>\n\
             Desired Number of Nodes Scheduled: 1\n\
             Pods Status:  1 Running\n\
             Pod Template:\n  \
               Labels:  app=x\n  \
               Containers:\n   \
                x:\n    \
                 Image:        nginx\n    \
                 Environment:  <none>\n  \
               Volumes:        <none>\n"
        );
    }

    #[test]
    fn leading_empty_cells_are_padded() {
        let text = "Labels:\ta=1\n\tb=2\nAnnotations:\t<none>\n";
        assert_eq!(
            DESCRIBE.format(text),
            "Labels:       a=1\n              b=2\nAnnotations:  <none>\n"
        );
    }

    #[test]
    fn cells_count_characters_not_bytes() {
        let mut t = Table::new(["NAME", "X"]);
        t.row(["노드", "1"]);
        assert_eq!(t.render(), "NAME   X\n노드     1\n");
    }
}
