// Type-checks the package's .d.ts as a user would write against it (`tsc --noEmit`).
import init, {
  analyzeMessage,
  splitMessage,
  parsePhoneNumbers,
  validateSendRequest,
  defaultAllowedRegions,
  effectiveSendTime,
  cancelDeadline,
  isFrenchPublicHoliday,
  SmsPartnerClient,
  type MessageAnalysis,
  type ValidationReport,
  type SendResult,
  SmsPartnerError,
  splitMessageParts,
  splitPhoneList,
  type PhoneNumberReport,
  type PhoneNumberType,
  normalizeMessage,
  smsPartnerCode,
  type IssueCode,
  type NormalizedMessage,
  type PhoneNumberCode,
} from "../../pkg/index.js";

/** `allowedRegions` takes the default list, a read-only list or literals; not a string alone. */
export function destinations(): ValidationReport {
  const regions: string[] = defaultAllowedRegions();
  const fixed: readonly string[] = ["FR", "BE", "001"] as const;
  const refused: IssueCode = "destination_not_allowed";
  console.log(refused, fixed);
  // @ts-expect-error: an array of region codes, not one code
  validateSendRequest({ phoneNumbers: "0612345678", message: "x" }, { allowedRegions: "FR" });
  validateSendRequest({ phoneNumbers: "0612345678", message: "x" }, { allowedRegions: fixed });
  const client = new SmsPartnerClient({ apiKey: "key" });
  void client.send({ phoneNumbers: "0612345678", message: "x" }, { allowedRegions: [...regions, "BE"] });
  return validateSendRequest({ phoneNumbers: "0612345678", message: "x" }, { allowedRegions: regions, lang: "fr" });
}

/** Issue codes are a union: a misspelt one does not type-check. */
export function codes(report: ValidationReport): IssueCode[] {
  const tooLong: IssueCode = "message_too_long";
  // @ts-expect-error: not a code
  const misspelt: IssueCode = "message_too_lng";
  const phone: PhoneNumberCode | undefined = parsePhoneNumbers("12").invalid[0]?.code;
  // @ts-expect-error: an issue code is not a phone number's
  const wrong: PhoneNumberCode = "message_too_long";
  const normalized: NormalizedMessage = normalizeMessage("Merci\u202F!");
  const unsupported = analyzeMessage("\u00A0").unsupported[0];
  const named: string | null | undefined = unsupported?.name;
  const point: string | undefined = unsupported?.codePoint;
  const described = smsPartnerCode(14, { lang: "fr" });
  const where: string | null | undefined = described?.field;
  console.log(misspelt, phone, wrong, normalized.changes.length, named, point, where);
  return [tooLong, ...report.errors.map((e) => e.code), ...report.warnings.map((w) => w.code)];
}

export async function usage(): Promise<void> {
  await init();
  const analysis: MessageAnalysis = analyzeMessage("Bonjour", { isUnicode: true, gamme: 2 });
  const encoding: "GSM-7" | "UCS-2" = analysis.encoding;
  const firstReplacement: number | undefined = analysis.replacements[0]?.index;
  const parts: string[] = splitMessage("Bonjour");
  const numbers: PhoneNumberReport = parsePhoneNumbers(["06 12 34 56 78"]);
  const kind: PhoneNumberType | undefined = numbers.details[0]?.type;
  const region: string | null | undefined = numbers.details[0]?.region;
  const reason: "not_in_numbering_plan" | string | undefined = numbers.invalid[0]?.code;
  console.log(kind, region, reason);
  const report: ValidationReport = validateSendRequest(
    { phoneNumbers: numbers.numbers, message: "Bonjour", sandbox: 1 },
    { commercial: true, lang: "fr", requireApiKey: false },
  );
  const field: string | undefined = report.errors[0]?.field;
  const when: Date = effectiveSendTime(new Date(), { commercial: true });
  const lastCancel: Date = cancelDeadline(when);
  void lastCancel;
  const holiday: boolean = isFrenchPublicHoliday("2026-05-01");
  const client = new SmsPartnerClient({ apiKey: "key", timeoutMs: 5000 });
  try {
    const result: SendResult = await client.send({ phoneNumbers: "0612345678", message: "Bonjour" });
    const id: number | string = result.messageId;
    console.log(id);
  } catch (error) {
    if (!(error instanceof SmsPartnerError)) throw error;
    const failure: SmsPartnerError = error;
    const kind: "validation" | "api" | "http" | "network" | "timeout" = failure.kind;
    const reason: string | null = failure.reason;
    const sent: boolean = failure.mayHaveBeenSent;
    console.log(kind, failure.errors.length, reason, sent, failure.field);
  }
  const previews: string[] = splitMessageParts("Bonjour", { isStopSms: 1 }).map((part) => part.preview);
  const kinds = splitMessageParts("a:br:b")[0]?.edits.map((edit) => edit.kind);
  const entries: string[] = splitPhoneList("06 12 34 56 78; +33700000001");
  const made = new SmsPartnerError("no", { kind: "api", code: 10 });
  console.log(encoding, firstReplacement, parts, field, when, holiday, previews, kinds, entries, made.mayHaveBeenSent);
}
