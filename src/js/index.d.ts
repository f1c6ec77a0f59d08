// Types of the package's entry points: those of the wasm-bindgen module they re-export, without
// its internals, the `SmsPartnerError` class, and initialization. They name no DOM-only type, so
// that they compile in Node, worker and browser projects alike.
export * from "./smspartner_wasm.js";
import type { Issue } from "./smspartner_wasm.js";

/** What a send rejects with, and a client's construction throws. */
export declare class SmsPartnerError extends Error {
  constructor(
    message: string,
    fields?: Partial<Omit<SmsPartnerError, "name" | "message" | "stack">>,
  );
  name: "SmsPartnerError";
  kind: "validation" | "api" | "http" | "network" | "timeout";
  status: number | null;
  /** SMS Partner's code, or `null`. */
  code: number | null;
  /** The stable name of a documented SMS Partner code (`number_in_stop_list`, `too_many_sms`…; a call's own, such as a cancel's `too_late`), or `null`. */
  reason: string | null;
  /** The wire field SMS Partner's code is about (`sender`, `minute`, `phoneNumbers`…), or `null`. */
  field: string | null;
  errors: Issue[];
  /** Whether the message may have left despite the error: nothing is ever resent. */
  mayHaveBeenSent: boolean;
}

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
