//! Merge fields: a campaign's message written once (`Bonjour {prenom}, -20 % avec le code
//! {code}`) and made for each recipient from the columns of its row, with the problems said on
//! the message (`merge_field_unknown`, `merge_field_empty`, `merge_field_unclosed`).
//!
//! `{name}` is the value of the column `name` (its header), matched exactly, else without
//! regard to the case of ASCII letters; `{{` and `}}` write a brace. A value is written as it is (no field inside it
//! is read again).

use serde::Serialize;

use crate::issue::{Issue, IssueCode};
use crate::lang::{Lang, Text};

/// A merge field the template holds, in the order of its first use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    /// The name written between the braces, trimmed.
    pub name: String,
    /// The UTF-16 offset of its `{` in the template.
    pub index: u32,
}

/// One piece of a read template: text written as it is, or a field.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Field(String),
}

/// A template read once, to be rendered for each row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pieces: Vec<Piece>,
    fields: Vec<Field>,
    /// The UTF-16 offset of a `{` that no `}` closes.
    unclosed: Option<u32>,
}

/// A template rendered for one row.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rendered {
    /// The message for this row; `None` when an issue stops it.
    pub message: Option<String>,
    /// The fields of the template (each once).
    pub fields: Vec<Field>,
    /// What stops the message, on `message`: an unknown field, an empty value, an unclosed `{`.
    pub issues: Vec<Issue>,
}

impl Template {
    /// Reads `template`: its text and its fields.
    pub fn parse(template: &str) -> Template {
        let mut pieces = Vec::new();
        let mut fields: Vec<Field> = Vec::new();
        let mut text = String::new();
        let mut unclosed = None;
        let mut units: u32 = 0;
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            let at = units;
            units += c.len_utf16() as u32;
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    units += 1;
                    text.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    units += 1;
                    text.push('}');
                }
                '{' => {
                    let mut name = String::new();
                    let mut closed = false;
                    for inner in chars.by_ref() {
                        units += inner.len_utf16() as u32;
                        if inner == '}' {
                            closed = true;
                            break;
                        }
                        name.push(inner);
                    }
                    if !closed {
                        unclosed = Some(at);
                        break;
                    }
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text)));
                    }
                    let name = name.trim().to_string();
                    if !fields.iter().any(|field| field.name == name) {
                        fields.push(Field {
                            name: name.clone(),
                            index: at,
                        });
                    }
                    pieces.push(Piece::Field(name));
                }
                other => text.push(other),
            }
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        Template {
            pieces,
            fields,
            unclosed,
        }
    }

    /// The fields of the template, each once, in the order of their first use.
    pub fn fields(&self) -> &[Field] {
        &self.fields
    }

    /// Renders the template for the row `columns` (`(header, value)` pairs), issues in `lang`.
    pub fn render(&self, columns: &[(String, String)], lang: Lang) -> Rendered {
        let mut issues = Vec::new();
        if let Some(at) = self.unclosed {
            issues.push(Issue::of(IssueCode::MergeFieldUnclosed, lang, &[&(at + 1)]));
        }
        let headers = || {
            let list: Vec<&str> = columns.iter().map(|(name, _)| name.as_str()).collect();
            if list.is_empty() {
                lang.text(Text::NoColumns).to_string()
            } else {
                list.join(", ")
            }
        };
        for field in &self.fields {
            match value_of(columns, &field.name) {
                None => issues.push(Issue::of(
                    IssueCode::MergeFieldUnknown,
                    lang,
                    &[&field.name, &headers()],
                )),
                Some(value) if value.trim().is_empty() => {
                    issues.push(Issue::of(IssueCode::MergeFieldEmpty, lang, &[&field.name]))
                }
                Some(_) => {}
            }
        }
        let message = issues.is_empty().then(|| {
            let mut out = String::new();
            for piece in &self.pieces {
                match piece {
                    Piece::Text(text) => out.push_str(text),
                    Piece::Field(name) => out.push_str(value_of(columns, name).unwrap_or_default()),
                }
            }
            out
        });
        Rendered {
            message,
            fields: self.fields.clone(),
            issues,
        }
    }
}

/// The value of the column `name`: the one of that exact header, else the first whose header is
/// the same without regard to the case of its ASCII letters (Unicode's case tables would weigh
/// kilobytes in the wasm: `{prenom}` finds `Prenom`, `{prénom}` finds `Prénom`, not `PRÉNOM`).
fn value_of<'a>(columns: &'a [(String, String)], name: &str) -> Option<&'a str> {
    columns
        .iter()
        .find(|(header, _)| header.trim() == name)
        .or_else(|| {
            columns
                .iter()
                .find(|(header, _)| header.trim().eq_ignore_ascii_case(name))
        })
        .map(|(_, value)| value.as_str())
}

/// Renders `template` for one row: [`Template::parse`] then [`Template::render`].
pub fn render(template: &str, columns: &[(String, String)], lang: Lang) -> Rendered {
    Template::parse(template).render(columns, lang)
}
