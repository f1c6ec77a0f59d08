// Types of the package's entry point: those of the wasm-bindgen module it re-exports, without
// its internals, and the `SmsPartnerError` class.
export * from "./smspartner_wasm.js";
export { default } from "./smspartner_wasm.js";
import type { Issue } from "./smspartner_wasm.js";

/** What a send rejects with, and a client's construction throws. */
export declare class SmsPartnerError extends Error {
  constructor(
    message: string,
    fields?: { kind?: SmsPartnerError["kind"]; status?: number | null; code?: number | null; errors?: Issue[] },
  );
  name: "SmsPartnerError";
  kind: "validation" | "api" | "http" | "network" | "timeout";
  status: number | null;
  code: number | null;
  errors: Issue[];
}
