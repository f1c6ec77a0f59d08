//! Merge fields (`renderTemplate`): every field replaced from its row, braces escaped, the
//! header matched exactly then without regard to case, and each problem an issue on `message`
//! in English and French, never a message with a hole in it.
#![cfg(not(target_arch = "wasm32"))]

use smspartner_wasm::IssueCode;
use smspartner_wasm::Lang;
use smspartner_wasm::{Template, render_template};

fn row(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn fields_are_replaced_from_the_row() {
    let columns = row(&[
        ("numero", "0612345678"),
        ("prenom", "Marie"),
        ("code", "ETE20"),
    ]);
    let out = render_template(
        "Bonjour {prenom}, -20 % avec le code {code} ({prenom})",
        &columns,
        Lang::En,
    );
    assert_eq!(
        out.message.as_deref(),
        Some("Bonjour Marie, -20 % avec le code ETE20 (Marie)")
    );
    assert!(out.issues.is_empty());
    let names: Vec<&str> = out.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["prenom", "code"]);
    assert_eq!(out.fields[0].index, 8);
}

#[test]
fn headers_match_exactly_then_without_ascii_case_and_spaces_are_trimmed() {
    let columns = row(&[("Prénom", "Zoé"), ("prénom", "zoé"), ("Code", "X1")]);
    assert_eq!(
        render_template("{prénom}", &columns, Lang::En)
            .message
            .as_deref(),
        Some("zoé")
    );
    assert_eq!(
        render_template("{PRéNOM}", &columns, Lang::En)
            .message
            .as_deref(),
        Some("Zoé")
    );
    assert_eq!(
        render_template("{ Prénom }", &columns, Lang::En)
            .message
            .as_deref(),
        Some("Zoé")
    );
    assert_eq!(
        render_template("{CODE}", &columns, Lang::En)
            .message
            .as_deref(),
        Some("X1")
    );
    // Only ASCII letters fold: É is not é.
    assert_eq!(
        render_template("{PRÉNOM}", &columns, Lang::En).issues[0].code,
        IssueCode::MergeFieldUnknown
    );
}

#[test]
fn braces_are_written_with_two_and_values_are_not_read_again() {
    let columns = row(&[("a", "{b}"), ("b", "x")]);
    assert_eq!(
        render_template("{{a}} = {a} }} {{", &columns, Lang::En)
            .message
            .as_deref(),
        Some("{a} = {b} } {")
    );
    assert_eq!(
        render_template("no field at all } here", &columns, Lang::En)
            .message
            .as_deref(),
        Some("no field at all } here")
    );
    assert!(Template::parse("{{}}").fields().is_empty());
}

#[test]
fn an_unknown_field_names_the_columns_there_are() {
    let columns = row(&[("numero", "06"), ("prenom", "Marie")]);
    let out = render_template("Bonjour {nom}", &columns, Lang::En);
    assert_eq!(out.message, None);
    assert_eq!(out.issues.len(), 1);
    let issue = &out.issues[0];
    assert_eq!(
        (issue.field.as_ref(), issue.code),
        ("message", IssueCode::MergeFieldUnknown)
    );
    assert_eq!(
        issue.message,
        "the merge field {nom} is not a column: the columns are numero, prenom"
    );
    let fr = render_template("Bonjour {nom}", &columns, Lang::Fr);
    assert_eq!(
        fr.issues[0].message,
        "le champ de fusion {nom} n'est pas une colonne : les colonnes sont numero, prenom"
    );
    assert_eq!(
        render_template("{x}", &[], Lang::En).issues[0].message,
        "the merge field {x} is not a column: the columns are none"
    );
}

#[test]
fn an_empty_value_stops_that_row_only() {
    let template = Template::parse("Bonjour {prenom}");
    let empty = template.render(&row(&[("prenom", "  ")]), Lang::En);
    assert_eq!(empty.message, None);
    assert_eq!(empty.issues[0].code, IssueCode::MergeFieldEmpty);
    assert_eq!(
        empty.issues[0].message,
        "the merge field {prenom} is empty in this row"
    );
    let full = template.render(&row(&[("prenom", "Ana")]), Lang::En);
    assert_eq!(full.message.as_deref(), Some("Bonjour Ana"));
}

#[test]
fn an_unclosed_brace_says_where() {
    let out = render_template(
        "Bonjour {prenom, à bientôt",
        &row(&[("prenom", "Marie")]),
        Lang::En,
    );
    assert_eq!(out.message, None);
    assert_eq!(out.issues[0].code, IssueCode::MergeFieldUnclosed);
    assert_eq!(
        out.issues[0].message,
        "the { at character 9 opens a merge field that is never closed: close it with } or write {{ for a brace"
    );
    // Offsets in UTF-16 code units, as JavaScript counts them.
    assert_eq!(
        render_template("🙂 {x", &[], Lang::En).issues[0]
            .message
            .split(' ')
            .nth(4),
        Some("4")
    );
    assert_eq!(Template::parse("🙂 {x} {y}").fields()[1].index, 7);
}
