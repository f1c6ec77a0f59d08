// Type-checks the package's .d.ts as a user would write against it (`tsc --noEmit`).
import init, {
  analyzeMessage,
  splitMessage,
  parsePhoneNumbers,
  validateSendRequest,
  effectiveSendTime,
  isFrenchPublicHoliday,
  SmsPartnerClient,
  type MessageAnalysis,
  type ValidationReport,
  type SendResult,
  SmsPartnerError,
  splitMessageParts,
  splitPhoneList,
  type PhoneNumberReport,
} from "../../pkg/index.js";

export async function usage(): Promise<void> {
  await init();
  const analysis: MessageAnalysis = analyzeMessage("Bonjour", { isUnicode: true, gamme: 2 });
  const encoding: "GSM-7" | "UCS-2" = analysis.encoding;
  const firstReplacement: number | undefined = analysis.replacements[0]?.index;
  const parts: string[] = splitMessage("Bonjour");
  const numbers: PhoneNumberReport = parsePhoneNumbers(["06 12 34 56 78"]);
  const report: ValidationReport = validateSendRequest(
    { phoneNumbers: numbers.numbers, message: "Bonjour", sandbox: 1 },
    { commercial: true, lang: "fr", requireApiKey: false },
  );
  const field: string | undefined = report.errors[0]?.field;
  const when: Date = effectiveSendTime(new Date(), { commercial: true });
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
    console.log(kind, failure.errors.length);
  }
  const previews: string[] = splitMessageParts("Bonjour", { isStopSms: 1 }).map((part) => part.preview);
  const kinds = splitMessageParts("a:br:b")[0]?.edits.map((edit) => edit.kind);
  const entries: string[] = splitPhoneList("06 12 34 56 78; +33700000001");
  const made = new SmsPartnerError("no", { kind: "api", code: 10 });
  console.log(encoding, firstReplacement, parts, field, when, holiday, previews, kinds, entries, made.mayHaveBeenSent);
}
