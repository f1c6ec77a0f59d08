// Types of the package's entry points: the API of the wasm-bindgen module, and initialization.
// They name no DOM-only type, so that they compile in Node, worker and browser projects alike.
export * from "./smspartner_wasm.js";

/** The instance type of a global class, or `never` where the project declares no such global. */
type GlobalInstance<Name extends string> =
  typeof globalThis extends Record<Name, abstract new (...args: never) => infer T> ? T : never;

/** `WebAssembly.Module`, or `never` where the project declares no `WebAssembly` (Node's types do not). */
export type WasmModule = typeof globalThis extends { WebAssembly: { Module: abstract new (...args: never) => infer T } } ? T : never;

/** The wasm's bytes or its compiled module. */
export type SyncInitInput = ArrayBuffer | ArrayBufferView | WasmModule;

/** Where `init` finds the wasm: its URL, a `fetch` response, its bytes or its compiled module. */
export type InitInput = string | GlobalInstance<"URL"> | GlobalInstance<"Response"> | SyncInitInput;

/**
 * Loads and instantiates the wasm; needed in browsers only (the package's Node and workerd
 * entries initialize themselves, and calling it there does nothing). Without an argument, the
 * wasm is fetched from next to the module, `new URL("smspartner_wasm_bg.wasm", import.meta.url)`,
 * which bundlers that understand that pattern (Vite, webpack) emit. Every function of the
 * package throws an Error saying to call `init()` until it has resolved.
 */
export default function init(input?: { module_or_path: InitInput | Promise<InitInput> }): Promise<void>;

/** Instantiates the wasm synchronously from its bytes or compiled module. */
export function initSync(input: { module: SyncInitInput }): void;

declare global {
  interface SymbolConstructor {
    /** The method that `using` calls (`SmsPartnerClient` has it), for `lib` settings before ES2026. */
    readonly dispose: unique symbol;
  }
}
