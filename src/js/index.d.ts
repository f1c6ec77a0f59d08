// Types of the package's entry point: those of the wasm-bindgen module it re-exports.
export * from "./smspartner_wasm.js";
export { default } from "./smspartner_wasm.js";
