// Groups the items of `twiggy top` (a wasm built with its names kept) by the crate or part of
// the package they come from, so that a size budget can be argued crate by crate.

/** Ordered rules: the first that matches an item's name gives its group. */
const RULES = [
  [/^custom section|subsection$/, 'custom sections (names, debug: not shipped)'],
  [/^data segment/, 'static data (strings, tables, panic locations)'],
  [/^(table|elem|type|global|memory|export|import)\[|^export "|^import /, 'wasm tables, types, exports'],
  [/externref shim|multivalue shim|^__wbindgen|^__externref|^__wbg|wasm_bindgen::(?!.*serde)|JsThreadLocal|LazyCell/, 'wasm-bindgen glue'],
  [/(Serialize|Deserialize|Visitor)[^ ]* for smspartner_wasm|smspartner_wasm::[\w:]*_::<impl serde/, 'serde derives of our types'],
  [/serde_json/, 'serde_json'],
  [/serde_wasm_bindgen/, 'serde_wasm_bindgen'],
  [/serde_core|serde::/, 'serde (generic)'],
  [/gloo_net|gloo_/, 'gloo_net'],
  [/web_sys/, 'web_sys'],
  [/js_sys::futures|wasm_bindgen_futures/, 'js_sys futures (async send)'],
  [/js_sys/, 'js_sys'],
  [/dlmalloc|__rdl_|__rust_(alloc|dealloc|realloc)|raw_vec|RawVec/, 'allocator, Vec growth'],
  [/btree/i, 'BTreeMap (serde_json::Map)'],
  [/hashbrown|HashSet|HashMap|hash::random|DefaultHasher|BuildHasher|sip::/, 'HashSet / hashbrown'],
  [/dec2flt|flt2dec|lemire/, 'float parsing (str::parse::<f64>)'],
  [/unicode::|to_uppercase|to_lowercase|conversions::/, 'Unicode tables (case, printable)'],
  [/fmt|Display|Debug|panic|format|slice_error_fail|slice_index_fail|str_index|pad_integral|write_char|write_str|index_out_of_bounds|unwrap_failed|expect_failed|begin_panic|abort/, 'core::fmt, panics, format!'],
  [/sort::|smallsort|quicksort|drift/, 'slice sort'],
  [/smspartner_wasm::bindings/, 'ours: bindings'],
  [/smspartner_wasm::transport/, 'ours: transport'],
  [/smspartner_wasm::(\w+)/, (m) => `ours: ${m[1]}`],
  [/^(<)?(core|alloc|std)\b|\[[0-9a-f]{16}\]::/, 'core/alloc/std (other)'],
];

/** The group of one item name. */
export function groupOf(name) {
  for (const [re, group] of RULES) {
    const m = re.exec(name);
    if (m) return typeof group === 'function' ? group(m) : group;
  }
  return 'other (unnamed or generic)';
}

/** `{ group: bytes }` over twiggy's JSON items, largest first. */
export function groupItems(items) {
  const out = new Map();
  for (const { name, shallow_size } of items) {
    const g = groupOf(name);
    out.set(g, (out.get(g) ?? 0) + shallow_size);
  }
  return [...out.entries()].sort((a, b) => b[1] - a[1]);
}
