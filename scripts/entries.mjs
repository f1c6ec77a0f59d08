// The package's entries: one import path each over one wasm-bindgen output, built by
// scripts/build, completed by scripts/write-pkg-manifest.mjs, weighed by scripts/package-size.mjs.

/**
 * `subpath`: the import path; `name`: the files' stem (src/js/NAME.js and .d.ts); `glue`:
 * wasm-bindgen's `--out-name` in scripts/build.
 */
export const ENTRIES = [
  { subpath: ".", name: "index", glue: "smspartner_wasm" },
  { subpath: "./compose", name: "compose", glue: "smspartner_compose" },
  { subpath: "./length", name: "length", glue: "smspartner_length" },
];

/** The import path of an entry, as a user writes it. */
export const importPath = ({ subpath }) => (subpath === "." ? "smspartner-wasm" : `smspartner-wasm/${subpath.slice(2)}`);
