// The package's entries: one import path each over one wasm-bindgen output, built by
// scripts/build, completed by scripts/write-pkg-manifest.mjs, weighed by scripts/package-size.mjs.

/**
 * `subpath`: the import path; `name`: the files' stem (src/js/NAME.js and .d.ts); `glue`:
 * wasm-bindgen's `--out-name` in scripts/build; `budget`: gzipped bytes (wasm and every JS
 * module loaded, as shipped) it must stay within and the goal (Twilio's calculator bundle for
 * `./length`), which the benchmark reports against.
 */
export const ENTRIES = [
  { subpath: ".", name: "index", glue: "smspartner_wasm", budget: { must: 120_000, goal: 100_000 } },
  { subpath: "./compose", name: "compose", glue: "smspartner_compose", budget: { must: 65_000, goal: 50_000 } },
  { subpath: "./length", name: "length", glue: "smspartner_length", budget: { must: 15_000, goal: 11_600 } },
];

/** The import path of an entry, as a user writes it. */
export const importPath = ({ subpath }) => (subpath === "." ? "smspartner-wasm" : `smspartner-wasm/${subpath.slice(2)}`);
