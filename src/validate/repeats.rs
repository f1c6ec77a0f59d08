//! Caps the issues of one code in a report, so that a hostile request cannot make a huge answer.

use crate::issue::{Issue, IssueCode};
use crate::lang::{Lang, Text};

/// Most issues of one code kept one by one; the rest are summed up in one more issue.
pub const MAX_REPEATED: usize = 25;

/// Keeps the first [`MAX_REPEATED`] issues of each code, in order, and ends the list with one
/// issue per capped code saying how many more there were (on their field when they share one,
/// on `request` otherwise).
pub(crate) fn cap(issues: &mut Vec<Issue>, lang: Lang) {
    if issues.len() <= MAX_REPEATED {
        return;
    }
    // Issues seen per code, the codes in order of first sight (a report has few of them).
    let mut seen: Vec<(IssueCode, usize)> = Vec::new();
    // Per capped code, in the order first capped: (code, field shared by the dropped, count).
    let mut dropped: Vec<(IssueCode, Option<String>, usize)> = Vec::new();
    issues.retain(|issue| {
        let n = match seen.iter_mut().find(|(code, _)| *code == issue.code) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                seen.push((issue.code, 1));
                1
            }
        };
        if n <= MAX_REPEATED {
            return true;
        }
        match dropped.iter_mut().find(|(code, _, _)| *code == issue.code) {
            Some((_, field, count)) => {
                *count += 1;
                if field.as_deref() != Some(&*issue.field) {
                    *field = None;
                }
            }
            None => dropped.push((issue.code, Some(issue.field.to_string()), 1)),
        }
        false
    });
    for (code, field, count) in dropped {
        let name = code.as_str();
        let message = crate::issue::fill(lang.text(Text::MoreOfThisKind), &[&count, &name]);
        issues.push(Issue {
            field: field.unwrap_or_else(|| "request".to_owned()).into(),
            code,
            message,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issue(field: impl Into<String>, code: IssueCode) -> Issue {
        Issue {
            field: field.into().into(),
            code,
            message: String::from("m"),
        }
    }

    #[test]
    fn repeats_are_summed_up() {
        let mut issues: Vec<Issue> = (0..100)
            .map(|_| issue("phoneNumbers", IssueCode::InvalidType))
            .chain((0..30).map(|i| issue(format!("f{i}"), IssueCode::UnknownField)))
            .chain([issue("sender", IssueCode::SenderTooLong)])
            .collect();
        cap(&mut issues, Lang::En);
        assert_eq!(issues.len(), 2 * MAX_REPEATED + 1 + 2);
        let tail = &issues[issues.len() - 2..];
        assert_eq!(
            (&*tail[0].field, tail[0].code),
            ("phoneNumbers", IssueCode::InvalidType)
        );
        assert_eq!(
            tail[0].message,
            "75 more issues of this kind (invalid_type) are not listed"
        );
        assert_eq!(
            (&*tail[1].field, tail[1].code),
            ("request", IssueCode::UnknownField)
        );
        assert!(tail[1].message.starts_with("5 more"));
    }

    #[test]
    fn short_lists_are_untouched() {
        let mut issues = vec![
            issue("a", IssueCode::InvalidType),
            issue("b", IssueCode::InvalidType),
        ];
        let before = issues.clone();
        cap(&mut issues, Lang::Fr);
        assert_eq!(issues, before);
    }
}
