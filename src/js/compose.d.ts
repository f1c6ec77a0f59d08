// Types of the package's `./compose` entry: the functions of the module built without the
// client, and initialization as in the main entry.
export * from "./smspartner_compose.js";
export { default, initSync } from "./index.js";
export type { InitInput, SyncInitInput, WasmModule } from "./index.js";
