//! Generates `src/numbering_plan/data.rs`, the numbering-plan tables, from libphonenumber's metadata.
//!
//! The metadata is the `PhoneNumberMetadata.xml` bundled in the `phonenumber` crate, at the
//! version pinned in `Cargo.lock` (a dev-dependency: nothing of it reaches the package). For each
//! country calling code of [`COVERED_CODES`], every region sharing the code (in the metadata's
//! order, main region first) and every pattern of its descriptors is turned into a small DFA over
//! the ten digits; walking the digits of a national significant number through all of them at
//! once gives, per digit prefix, whether the region and the type are already settled for every
//! length. The walk is written as a digit trie whose nodes and leaves are shared (a DAG): a
//! node branches on digit ranges, a leaf maps lengths to `(region, type)`. The answer is
//! libphonenumber's: a number belongs to the first region of its code whose `leadingDigits`
//! start it (or, for a region without them, whose plan it fits), and its type is the first
//! descriptor it fully matches, with its length among the descriptor's possible lengths, in the
//! order premium rate, toll free, shared cost, VoIP, personal, pager, UAN, voicemail, fixed line
//! (fixed line or mobile when the mobile pattern matches too), mobile.
//!
//! Used by `tests/numbering_plan_tables.rs`, which checks that the committed file is what this
//! produces, byte for byte, and rewrites it with `PHONEMETA_WRITE=1` (`tools/phonemeta/regenerate`).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use phonenumber::metadata::{DATABASE, Descriptor};
use regex_automata::dfa::{Automaton, dense};
use regex_automata::util::{start, syntax};
use regex_automata::{Anchored, MatchKind};

/// The country calling codes whose plans are tabled: France and its overseas departments and
/// collectivities, the European Union, the United Kingdom, Switzerland, Norway, North America
/// and the African countries most texted from France. Every region sharing one of these codes
/// comes along (Jersey with +44, Mayotte with +262, the NANP territories with +1…): the region
/// of a number is only known once all of them are.
pub const COVERED_CODES: &[u16] = &[
    33, 262, 590, 594, 596, 508, // France and overseas (RE, YT, GP, BL, MF, GF, MQ, PM)
    43, 32, 359, 385, 357, 420, 45, 372, 358, 49, 30, 36, 353, 39, 371, 370, 352, 356, 31, 48, 351,
    40, 421, 386, 34, 46, // the rest of the EU
    44, 41, 47, 1, // UK, Switzerland, Norway, US/CA
    212, 213, 216, 221, 225, 237, // MA, DZ, TN, SN, CI, CM
];

/// The number types, in the order of the generated `NumberType` codes.
pub const TYPES: &[&str] = &[
    "mobile",
    "fixedLine",
    "fixedLineOrMobile",
    "tollFree",
    "premiumRate",
    "sharedCost",
    "voip",
    "personalNumber",
    "pager",
    "uan",
    "voicemail",
    "unknown",
];

/// The type index of a number of a region whose plan is not tabled: its region is known from
/// its `leadingDigits`, nothing else.
const UNVERIFIED: usize = 11;

/// Of the North American Numbering Plan, only the United States and Canada are tabled; the
/// other territories of +1 (Jamaica, Puerto Rico…) are told apart by their area codes alone.
fn planned(code: u16, region: &str) -> bool {
    code != 1 || matches!(region, "US" | "CA")
}

/// libphonenumber's longest national significant number.
const MAX_NSN: usize = 17;

/// A regular expression of the metadata as a DFA over the digits 0–9.
struct DigitDfa {
    /// `next[state * 10 + digit]`.
    next: Vec<u32>,
    /// Whether the digits read so far match the whole pattern.
    accepting: Vec<bool>,
}

impl DigitDfa {
    /// Compiles `pattern` (libphonenumber writes them with insignificant white space).
    fn new(pattern: &str) -> DigitDfa {
        let dfa = dense::Builder::new()
            .syntax(syntax::Config::new().ignore_whitespace(true))
            .configure(
                dense::Config::new()
                    .match_kind(MatchKind::All)
                    .start_kind(regex_automata::dfa::StartKind::Anchored),
            )
            .build(pattern)
            .unwrap_or_else(|e| panic!("pattern {pattern}: {e}"));
        let first = dfa
            .start_state(&start::Config::new().anchored(Anchored::Yes))
            .unwrap_or_else(|e| panic!("pattern {pattern}: {e}"));
        let mut ids = HashMap::new();
        let mut order = vec![first];
        ids.insert(first, 0u32);
        let mut next = Vec::new();
        let mut accepting = Vec::new();
        let mut at = 0;
        while let Some(&state) = order.get(at) {
            accepting.push(dfa.is_match_state(dfa.next_eoi_state(state)));
            for digit in b'0'..=b'9' {
                let to = dfa.next_state(state, digit);
                let id = *ids.entry(to).or_insert_with(|| {
                    order.push(to);
                    (order.len() - 1) as u32
                });
                next.push(id);
            }
            at += 1;
        }
        DigitDfa { next, accepting }
    }
}

/// One pattern of a region, with its length rule.
struct Pattern {
    dfa: DigitDfa,
    /// Lengths the descriptor allows; empty: any.
    lengths: Vec<usize>,
    /// `all[state][k]`: every k more digits end in a match; `any[state][k]`: some do.
    all: Completions,
    any: Completions,
}

impl Pattern {
    fn new(descriptor: &Descriptor) -> Pattern {
        let dfa = DigitDfa::new(descriptor.national_number().as_str());
        let lengths = descriptor
            .possible_length()
            .iter()
            .map(|&l| usize::from(l))
            .collect();
        let (all, any) = completions(&dfa, false);
        Pattern {
            dfa,
            lengths,
            all,
            any,
        }
    }

    fn allows(&self, length: usize) -> bool {
        self.lengths.is_empty() || self.lengths.contains(&length)
    }

    /// Whether numbers of `length` in all, some or none of the completions of the prefix that
    /// led to `state` (of `depth` digits) match.
    fn status(&self, state: u32, depth: usize, length: usize) -> Tri {
        if !self.allows(length) {
            return Tri::No;
        }
        let k = length - depth;
        let s = state as usize;
        if self.all[s][k] {
            Tri::Yes
        } else if self.any[s][k] {
            Tri::Maybe
        } else {
            Tri::No
        }
    }
}

/// For each state and each count k of digits still to come: whether all (resp. some) of the
/// continuations end in an accepting state (`sticky`: pass through one, for prefix matches).
fn completions(dfa: &DigitDfa, sticky: bool) -> (Completions, Completions) {
    let n = dfa.accepting.len();
    let mut all = vec![[false; MAX_NSN + 1]; n];
    let mut any = vec![[false; MAX_NSN + 1]; n];
    for s in 0..n {
        all[s][0] = dfa.accepting[s];
        any[s][0] = dfa.accepting[s];
    }
    for k in 1..=MAX_NSN {
        for s in 0..n {
            if sticky && dfa.accepting[s] {
                all[s][k] = true;
                any[s][k] = true;
                continue;
            }
            let targets = &dfa.next[s * 10..s * 10 + 10];
            all[s][k] = targets.iter().all(|&t| all[t as usize][k - 1]);
            any[s][k] = targets.iter().any(|&t| any[t as usize][k - 1]);
        }
    }
    (all, any)
}

/// Three-valued truth: for all, some or none of the numbers under a prefix.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tri {
    Yes,
    Maybe,
    No,
}

/// A region of a covered code: its name, its `leadingDigits` (a prefix match) and its patterns.
/// For each DFA state and count of digits to come: all, or some, continuations match.
type Completions = Vec<[bool; MAX_NSN + 1]>;

struct Region {
    name: String,
    leading: Option<(DigitDfa, Completions, Completions)>,
    general: Pattern,
    /// `(type index, pattern)` in libphonenumber's order of precedence, fixed line last.
    special: Vec<(usize, Pattern)>,
    fixed: Option<Pattern>,
    mobile: Option<Pattern>,
    /// The fixed-line and mobile patterns are the same text: every fixed line is "fixed line or
    /// mobile".
    same_fixed_mobile: bool,
    /// The plan is tabled (see [`planned`]); otherwise only the leading digits are.
    planned: bool,
}

impl Region {
    fn new(code: u16, name: &str) -> Region {
        let meta = DATABASE
            .by_id(name)
            .unwrap_or_else(|| panic!("region {name}"));
        let d = meta.descriptors();
        let mut special = Vec::new();
        for (type_index, descriptor) in [
            (4, d.premium_rate()),
            (3, d.toll_free()),
            (5, d.shared_cost()),
            (6, d.voip()),
            (7, d.personal_number()),
            (8, d.pager()),
            (9, d.uan()),
            (10, d.voicemail()),
        ] {
            if let Some(descriptor) = descriptor {
                special.push((type_index, Pattern::new(descriptor)));
            }
        }
        let leading = meta.leading_digits().map(|re| {
            let dfa = DigitDfa::new(re.as_str());
            let (all, any) = completions(&dfa, true);
            (dfa, all, any)
        });
        Region {
            name: name.to_string(),
            leading,
            general: Pattern::new(d.general()),
            special,
            fixed: d.fixed_line().map(Pattern::new),
            mobile: d.mobile().map(Pattern::new),
            planned: planned(code, name),
            same_fixed_mobile: d
                .fixed_line()
                .map(|x| x.national_number().as_str().to_string())
                == d.mobile().map(|x| x.national_number().as_str().to_string()),
        }
    }

    /// Every length some type of the region allows (the general pattern lists none in the
    /// metadata source: it is their union).
    fn lengths(&self) -> Vec<usize> {
        let mut lengths = Vec::new();
        for pattern in self.patterns().into_iter().flatten().skip(1) {
            if pattern.lengths.is_empty() {
                lengths.extend(2..=MAX_NSN);
            }
            lengths.extend(pattern.lengths.iter().copied());
        }
        lengths
    }

    /// Number of patterns (DFA states kept per region in a walk).
    fn slots(&self) -> usize {
        3 + self.special.len() + usize::from(self.leading.is_some())
    }

    /// The patterns in slot order (the leading digits are the last slot).
    fn patterns(&self) -> Vec<Option<&Pattern>> {
        let mut list = vec![
            Some(&self.general),
            self.fixed.as_ref(),
            self.mobile.as_ref(),
        ];
        list.extend(self.special.iter().map(|(_, p)| Some(p)));
        list
    }

    /// The type (index into [`TYPES`]) for numbers of `length` under the prefix; `Some(None)`:
    /// not a number of this region; `None`: not settled yet.
    fn number_type(&self, states: &[u32], depth: usize, length: usize) -> Option<Option<usize>> {
        if !self.planned {
            return Some(Some(UNVERIFIED));
        }
        let status = |pattern: &Pattern, slot: usize| pattern.status(states[slot], depth, length);
        match status(&self.general, 0) {
            Tri::No => return Some(None),
            Tri::Maybe => return None,
            Tri::Yes => {}
        }
        for (slot, (type_index, pattern)) in self.special.iter().enumerate() {
            match status(pattern, 3 + slot) {
                Tri::Yes => return Some(Some(*type_index)),
                Tri::Maybe => return None,
                Tri::No => {}
            }
        }
        let fixed = self.fixed.as_ref().map_or(Tri::No, |p| status(p, 1));
        let mobile = self.mobile.as_ref().map_or(Tri::No, |p| status(p, 2));
        match (fixed, mobile) {
            (Tri::Yes, _) if self.same_fixed_mobile => Some(Some(2)),
            (Tri::Yes, Tri::Yes) => Some(Some(2)),
            (Tri::Yes, Tri::No) => Some(Some(1)),
            (Tri::No, Tri::Yes) => Some(Some(0)),
            (Tri::No, Tri::No) => Some(None),
            _ => None,
        }
    }
}

/// The answer for numbers of one length: `None` invalid, else `(region index, type index)`.
type Answer = Option<(usize, usize)>;

/// A country calling code's regions and the walk through their patterns.
struct Code {
    code: u16,
    /// Indices into the global region list, in the metadata's order.
    regions: Vec<(usize, Region)>,
    lengths: Vec<usize>,
}

impl Code {
    fn start(&self) -> Vec<u32> {
        let mut states = Vec::new();
        for (_, region) in &self.regions {
            states.extend(std::iter::repeat_n(0, region.slots()));
        }
        states
    }

    fn step(&self, states: &[u32], digit: usize) -> Vec<u32> {
        let mut out = Vec::with_capacity(states.len());
        let mut at = 0;
        for (_, region) in &self.regions {
            for pattern in region.patterns() {
                let s = states[at] as usize;
                out.push(pattern.map_or(0, |p| p.dfa.next[s * 10 + digit]));
                at += 1;
            }
            if let Some((dfa, _, _)) = &region.leading {
                let s = states[at] as usize;
                out.push(if dfa.accepting[s] {
                    states[at]
                } else {
                    dfa.next[s * 10 + digit]
                });
                at += 1;
            }
        }
        out
    }

    /// The answer for numbers of `length` under the prefix; `None`: not settled yet.
    fn answer(&self, states: &[u32], depth: usize, length: usize) -> Option<Answer> {
        let single = self.regions.len() == 1;
        let mut at = 0;
        for (global, region) in &self.regions {
            let slots = &states[at..at + region.slots()];
            at += region.slots();
            if single {
                return Some(
                    region
                        .number_type(slots, depth, length)?
                        .map(|t| (*global, t)),
                );
            }
            if let Some((_, all, any)) = &region.leading {
                let s = slots[region.slots() - 1] as usize;
                let k = length - depth;
                if all[s][k] {
                    return Some(
                        region
                            .number_type(slots, depth, length)?
                            .map(|t| (*global, t)),
                    );
                } else if any[s][k] {
                    return None;
                }
            } else {
                if let Some(t) = region.number_type(slots, depth, length)? {
                    return Some(Some((*global, t)));
                }
            }
        }
        Some(None)
    }
}

/// A trie node: what a number ending here is, and where each digit leads.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Node {
    /// Every length is settled: `(length, region, type)` of the valid ones.
    Leaf(Vec<(usize, usize, usize)>),
    /// `end`: a number of exactly this many digits; `edges`: `(last digit of a range, child)`.
    Branch {
        end: Answer,
        edges: Vec<(usize, usize)>,
    },
}

/// Builds the shared trie of every covered code.
struct Builder {
    nodes: Vec<Node>,
    ids: HashMap<Node, usize>,
}

impl Builder {
    fn intern(&mut self, node: Node) -> usize {
        if let Some(&id) = self.ids.get(&node) {
            return id;
        }
        self.nodes.push(node.clone());
        self.ids.insert(node, self.nodes.len() - 1);
        self.nodes.len() - 1
    }

    fn build(
        &mut self,
        code: &Code,
        states: Vec<u32>,
        depth: usize,
        memo: &mut HashMap<(Vec<u32>, usize), usize>,
    ) -> usize {
        if let Some(&id) = memo.get(&(states.clone(), depth)) {
            return id;
        }
        let lengths: Vec<usize> = code
            .lengths
            .iter()
            .copied()
            .filter(|&l| l >= depth)
            .collect();
        let answers: Vec<Option<Answer>> = lengths
            .iter()
            .map(|&l| code.answer(&states, depth, l))
            .collect();
        let node = if answers.iter().all(Option::is_some) {
            Node::Leaf(
                lengths
                    .iter()
                    .zip(&answers)
                    .filter_map(|(&l, a)| a.flatten().map(|(r, t)| (l, r, t)))
                    .collect(),
            )
        } else {
            let end = if code.lengths.contains(&depth) {
                code.answer(&states, depth, depth).flatten()
            } else {
                None
            };
            let mut edges: Vec<(usize, usize)> = Vec::new();
            for digit in 0..10 {
                let child = self.build(code, code.step(&states, digit), depth + 1, memo);
                match edges.last_mut() {
                    Some((last, id)) if *id == child => *last = digit,
                    _ => edges.push((digit, child)),
                }
            }
            Node::Branch { end, edges }
        };
        let id = self.intern(node);
        memo.insert((states, depth), id);
        id
    }
}

/// The generated Rust source of `src/numbering_plan/data.rs`.
pub fn generate() -> String {
    let mut region_names: Vec<String> = Vec::new();
    let mut codes = Vec::new();
    for &code in COVERED_CODES {
        let names = DATABASE
            .region(&code)
            .unwrap_or_else(|| panic!("code {code}"));
        let mut regions = Vec::new();
        let mut lengths = Vec::new();
        for name in names {
            let region = Region::new(code, name);
            assert!(
                region.planned || region.leading.is_some(),
                "{name} has no leading digits"
            );
            lengths.extend(region.lengths());
            region_names.push(name.to_string());
            regions.push((region_names.len() - 1, region));
        }
        lengths.sort_unstable();
        lengths.dedup();
        codes.push(Code {
            code,
            regions,
            lengths,
        });
    }
    let mut builder = Builder {
        nodes: Vec::new(),
        ids: HashMap::new(),
    };
    let roots: Vec<usize> = codes
        .iter()
        .map(|code| builder.build(code, code.start(), 0, &mut HashMap::new()))
        .collect();
    render(&builder.nodes, &codes, &roots, &region_names)
}

/// Writes the tables as Rust.
///
/// `PLAN` is one array of `u16` words. A branch is a header word whose bit d (0–9) is set when
/// a range of next digits starts at d (bit 0 always), with `0x4000` set when the answer for a
/// number that ends there follows, then the offset of each range's child, in digit order. A leaf is a header word `0x8000 | n`, then `n` words `length << 10 | answer`.
/// An answer is `0` for an invalid number, else `1 + region * 12 + type`.
fn render(nodes: &[Node], codes: &[Code], roots: &[usize], regions: &[String]) -> String {
    let mut offsets = Vec::with_capacity(nodes.len());
    let mut at = 0usize;
    for node in nodes {
        offsets.push(at);
        at += match node {
            Node::Leaf(entries) => 1 + entries.len(),
            Node::Branch { end, edges } => 1 + usize::from(end.is_some()) + edges.len(),
        };
    }
    assert!(at < 0x8000, "the plan no longer fits 15-bit offsets");
    eprintln!(
        "phonemeta: {} nodes, {} words, {} regions",
        nodes.len(),
        at,
        regions.len()
    );
    let answer = |a: &Answer| a.map_or(0, |(r, t)| 1 + r * TYPES.len() + t);
    let mut words: Vec<usize> = Vec::with_capacity(at);
    for node in nodes {
        match node {
            Node::Leaf(entries) => {
                words.push(0x8000 | entries.len());
                for &(l, r, t) in entries {
                    words.push(l << 10 | answer(&Some((r, t))));
                }
            }
            Node::Branch { end, edges } => {
                // Bit d: a range of digits starts at d (bit 0 always).
                let mut starts = 0;
                let mut next = 0;
                for &(last, _) in edges {
                    starts |= 1 << next;
                    next = last + 1;
                }
                if end.is_some() {
                    words.push(0x4000 | starts);
                    words.push(answer(end));
                } else {
                    words.push(starts);
                }
                words.extend(edges.iter().map(|&(_, child)| offsets[child]));
            }
        }
    }
    assert!(
        regions.len() * TYPES.len() < 1023,
        "answers no longer fit 10 bits"
    );

    let mut trunk: BTreeMap<u16, String> = BTreeMap::new();
    for code in codes {
        let main = &code.regions[0].1.name;
        if let Some(prefix) = DATABASE
            .by_id(main.as_str())
            .and_then(|m| m.national_prefix())
        {
            trunk.insert(code.code, prefix.to_string());
        }
    }
    let zero_trunk: Vec<u16> = {
        let mut list: Vec<u16> = DATABASE
            .iter()
            .filter(|m| {
                m.is_main_country_for_code()
                    || DATABASE
                        .region(&m.country_code())
                        .is_some_and(|r| r.len() == 1)
            })
            .filter(|m| m.national_prefix() == Some("0"))
            .map(|m| m.country_code())
            .collect();
        list.sort_unstable();
        list.dedup();
        list
    };

    let single: Vec<(u16, String)> = {
        let mut list: Vec<(u16, String)> = DATABASE
            .iter()
            .map(|m| m.country_code())
            .filter(|code| !COVERED_CODES.contains(code))
            .filter_map(|code| match DATABASE.region(&code)?.as_slice() {
                [only] if *only != "001" => Some((code, only.to_string())),
                _ => None,
            })
            .collect();
        list.sort_unstable();
        list.dedup();
        list
    };

    let mut out = String::new();
    out.push_str("//! Numbering-plan tables generated by tools/phonemeta from libphonenumber's metadata: do not edit.\n");
    out.push_str("// Regenerate with tools/phonemeta/regenerate; tests/numbering_plan_tables.rs checks it.\n\n");
    let _ = writeln!(
        out,
        "/// The libphonenumber metadata release the tables come from (the `phonenumber` crate's bundle).\npub const METADATA_VERSION: &str = \"{}\";\n",
        metadata_version()
    );
    let _ = writeln!(
        out,
        "/// Region codes (ISO 3166-1 alpha-2), indexed by the answers' region."
    );
    let _ = writeln!(out, "pub static REGIONS: [[u8; 2]; {}] = [", regions.len());
    for chunk in regions.chunks(12) {
        let items: Vec<String> = chunk.iter().map(|r| format!("*b\"{r}\"")).collect();
        let _ = writeln!(out, "    {},", items.join(", "));
    }
    out.push_str("];\n\n");
    let _ = writeln!(
        out,
        "/// Covered country calling codes: `(code, offset of its root in PLAN, trunk prefix)`, the\n/// trunk prefix being the digits that national forms put first (`0`, `06` in Hungary, `1` in\n/// North America), empty where there is none."
    );
    let _ = writeln!(
        out,
        "pub static CODES: [(u16, u16, &[u8]); {}] = [",
        codes.len()
    );
    for (code, &root) in codes.iter().zip(roots) {
        let prefix = trunk.get(&code.code).map_or(String::new(), |p| {
            let digits: Vec<String> = p.bytes().map(|b| (b - b'0').to_string()).collect();
            digits.join(", ")
        });
        let _ = writeln!(
            out,
            "    ({}, {}, &[{}]),",
            code.code, offsets[root], prefix
        );
    }
    out.push_str("];\n\n");
    let _ = writeln!(
        out,
        "/// Every country calling code whose main region's trunk prefix is 0 (covered or not).",
    );
    let _ = writeln!(
        out,
        "pub static ZERO_TRUNK_CODES: [u16; {}] = [",
        zero_trunk.len()
    );
    for chunk in zero_trunk.chunks(16) {
        let items: Vec<String> = chunk.iter().map(u16::to_string).collect();
        let _ = writeln!(out, "    {},", items.join(", "));
    }
    out.push_str("];\n\n");
    let _ = writeln!(
        out,
        "/// The region of each country calling code outside the tables that serves a single region."
    );
    let _ = writeln!(
        out,
        "pub static SINGLE_REGION_CODES: [(u16, [u8; 2]); {}] = [",
        single.len()
    );
    for chunk in single.chunks(8) {
        let items: Vec<String> = chunk
            .iter()
            .map(|(c, r)| format!("({c}, *b\"{r}\")"))
            .collect();
        let _ = writeln!(out, "    {},", items.join(", "));
    }
    out.push_str("];\n\n");
    let _ = writeln!(
        out,
        "/// The digit tries of every covered code (layout in tools/phonemeta/generate.rs, `render`)."
    );
    let _ = writeln!(out, "pub static PLAN: [u16; {}] = [", words.len());
    for chunk in words.chunks(16) {
        let items: Vec<String> = chunk.iter().map(usize::to_string).collect();
        let _ = writeln!(out, "    {},", items.join(", "));
    }
    out.push_str("];\n");
    out
}

/// The metadata release: the build metadata of the `phonenumber` version in `Cargo.lock`
/// (`0.3.10+9.0.33` → `9.0.33`).
fn metadata_version() -> String {
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock"))
        .expect("Cargo.lock");
    let version = lock
        .split("[[package]]")
        .find(|entry| entry.contains("name = \"phonenumber\""))
        .and_then(|entry| entry.split("version = \"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .expect("phonenumber in Cargo.lock");
    version
        .split('+')
        .nth(1)
        .expect("a metadata version")
        .to_string()
}
