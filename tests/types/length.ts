// Type-checks the `./length` entry's .d.ts: its four functions, their types, initialization,
// and none of the compose entry's functions or types.
import init, {
  analyzeMessage,
  initSync,
  normalizeMessage,
  splitMessage,
  splitMessageParts,
  type InitInput,
  type MessageAnalysis,
  type MessageOptions,
  type MessagePart,
  type NormalizedMessage,
} from "../../pkg/length.js";
import * as length from "../../pkg/length.js";

/** What a compose box's counter reads: every answer of the entry, typed. */
export async function counter(text: string, wasm: InitInput): Promise<number> {
  await init({ module_or_path: wasm });
  const options: MessageOptions = { isStopSms: true, gamme: "2" };
  const analysis: MessageAnalysis = analyzeMessage(text, options);
  const parts: string[] = splitMessage(text, { isUnicode: 1 });
  const detailed: MessagePart[] = splitMessageParts(text);
  const normalized: NormalizedMessage = normalizeMessage(text);
  return analysis.remaining + parts.length + detailed[0].edits.length + normalized.changes.length;
}

export function synchronously(bytes: Uint8Array): string {
  initSync({ module: bytes });
  return analyzeMessage("Bonjour").encoding;
}

// @ts-expect-error: validation is the compose entry's, not this one's
export const validate = length.validateSendRequest;
// @ts-expect-error: phone numbers too
export const phones = length.parsePhoneNumbers;
// @ts-expect-error: and the client the main entry's
export const client = length.SmsPartnerClient;
// @ts-expect-error: the types of the compose entry are not declared here either
export type Report = import("../../pkg/length.js").ValidationReport;
