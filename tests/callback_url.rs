//! Callback URLs against the WHATWG URL standard: the cases SMS Partner's users hit, and a
//! differential test against the `url` crate (the standard's reference implementation in Rust)
//! on generated URLs.

use proptest::prelude::*;
use smspartner_wasm::is_callback_url;

/// What the `url` crate says, for the URLs `is_callback_url` reads: http or https parsed.
fn reference(text: &str) -> bool {
    url::Url::parse(text).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

#[test]
fn the_cases_that_used_to_pass_or_fail_wrongly() {
    for bad in [
        "http://x:99999/",
        "http://x:abc/",
        "http://[bad/",
        "http://ex<ample.com/",
        "http://exa%mple.com/",
        "http://1.2.3.256/",
        "http://0x100000000/",
        "http://[::1::2]/",
        "http://user@/",
        "http://:80/",
        "ftp://example.com/",
        "example.com/dlr",
        "http://exa mple.com/",
        " http://example.com/",
        "http://example.com/\n",
    ] {
        assert!(!is_callback_url(bad), "{bad} passes");
        assert!(
            !reference(bad) || bad.contains(char::is_whitespace),
            "{bad}"
        );
    }
    for good in [
        "http://例え.jp/",
        "https://münchen.de/dlr?x=1",
        "https://xn--r8jz45g.jp/",
        "https://EXAMPLE.com:443/a b",
        "http://example.com:/",
        "http://127.0.0.1:8080/dlr",
        "http://0x7f.1/",
        "http://[::ffff:192.168.0.1]/",
        "http://[2001:db8::1]:8080/",
        "https://user:pa%ss@example.com/#frag",
        "http:example.com",
        "https:\\\\example.com\\dlr",
        "http://exa%41mple.com/",
    ] {
        let good = good.replace(' ', "%20");
        assert!(is_callback_url(&good), "{good} fails");
        assert!(reference(&good), "{good}");
    }
    assert!(!is_callback_url(&format!(
        "https://example.com/{}",
        "a".repeat(2048)
    )));
}

/// Pieces of hosts, ports and paths where parsers disagree most.
fn generated_url() -> impl Strategy<Value = String> {
    let scheme = prop::sample::select(vec![
        "http://",
        "https://",
        "HTTP://",
        "http:",
        "http:\\\\",
        "https:///",
        "ftp://",
        "http//",
    ]);
    let user = prop::sample::select(vec!["", "", "user@", "u:p@", "a@b@", "@", "%40@"]);
    let host_piece = prop::sample::select(vec![
        "a",
        "b",
        "example",
        "com",
        ".",
        "-",
        "_",
        "0",
        "1",
        "255",
        "256",
        "0x",
        "0x7f",
        "08",
        "4294967295",
        "4294967296",
        "%",
        "%41",
        "%2e",
        "%zz",
        "%C3%A9",
        "%C3",
        "é",
        "例",
        "え",
        "ß",
        "Ж",
        "Z",
        "<",
        "*",
        "!",
        "[",
        "]",
        "[::1]",
        "[1:2:3:4:5:6:7:8]",
        "[::]",
        "[1::2::3]",
        "[::1.2.3.4]",
        "[1:2:3:4:5:6:1.2.3.4]",
        "[::01.2.3.4]",
        ":",
        "^",
        "|",
        "\"",
        "'",
        "~",
        "$",
        "=",
    ]);
    let label = prop_oneof![
        4 => prop::collection::vec(host_piece, 0..4).prop_map(|v| v.concat()),
        1 => prop::sample::select(vec!["xn--r8jz45g", "XN--R8JZ45G", "xn--zz", "xn--", "xn--abc-"])
            .prop_map(str::to_owned),
    ];
    let host = prop::collection::vec(label, 0..4).prop_map(|v| v.join("."));
    let port = prop::sample::select(vec![
        "", "", ":", ":80", ":65535", ":65536", ":0080", ":8a", "::", ":99999",
    ]);
    let rest = prop::sample::select(vec![
        "", "/", "/dlr?x=1", "?q", "#f", "\\path", "/a@b", "/%zz",
    ]);
    (scheme, user, host, port, rest).prop_map(|(s, u, h, p, r)| format!("{s}{u}{h}{p}{r}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]
    #[test]
    fn agrees_with_the_url_crate(text in generated_url()) {
        prop_assert_eq!(is_callback_url(&text), reference(&text), "{}", text);
    }

    #[test]
    fn never_panics(text in any::<String>()) {
        let ours = is_callback_url(&text);
        if ours {
            prop_assert!(reference(&text), "{}", text);
        }
    }
}
