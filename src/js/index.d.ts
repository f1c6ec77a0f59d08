// Types of the package's entry point: those of the wasm-bindgen module it re-exports, without
// its internals, and the `SmsPartnerError` class.
export * from "./smspartner_wasm.js";
export { default } from "./smspartner_wasm.js";
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
  /** The stable name of a documented SMS Partner code (`number_in_stop_list`, `too_many_sms`…), or `null`. */
  reason: string | null;
  /** The wire field SMS Partner's code is about (`sender`, `minute`, `phoneNumbers`…), or `null`. */
  field: string | null;
  errors: Issue[];
  /** Whether the message may have left despite the error: nothing is ever resent. */
  mayHaveBeenSent: boolean;
}
