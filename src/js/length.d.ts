// Types of the package's `./length` entry: the message functions of the module built with them
// only, and initialization as in the main entry.
export * from "./smspartner_length.js";
export { default, initSync } from "./index.js";
export type { InitInput, SyncInitInput, WasmModule } from "./index.js";
