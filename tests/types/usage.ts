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
  type SmsPartnerError,
  type PhoneNumberReport,
  type PhoneNumberType,
} from "../../pkg/index.js";

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
  const holiday: boolean = isFrenchPublicHoliday("2026-05-01");
  const client = new SmsPartnerClient({ apiKey: "key", timeoutMs: 5000 });
  try {
    const result: SendResult = await client.send({ phoneNumbers: "0612345678", message: "Bonjour" });
    const id: number | string = result.messageId;
    console.log(id);
  } catch (error) {
    const failure = error as SmsPartnerError;
    const kind: "validation" | "api" | "http" | "network" | "timeout" = failure.kind;
    console.log(kind, failure.errors.length);
  }
  console.log(encoding, firstReplacement, parts, field, when, holiday);
}
