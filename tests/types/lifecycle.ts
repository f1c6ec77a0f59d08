// Type-checks the lifecycle methods of the package's .d.ts as a user would write against them.
import {
  parseReplyWebhook,
  SmsPartnerClient,
  type BulkResult,
  type DeliveryStatus,
  type Credits,
  type StopEntry,
} from "../../pkg/index.js";

export async function lifecycle(client: SmsPartnerClient): Promise<void> {
  const bulk: BulkResult = await client.sendBulk(
    { messages: [{ phoneNumber: "0611111111", message: "Bonjour Zoé" }], sender: "Boutique", sandbox: 1 },
    { onProgress: ({ chunk, done, total }) => console.log(chunk.state, done, total) },
  );
  const state: "sent" | "failed" | "unknown" | "notAttempted" = bulk.chunks[0].state;
  const id = bulk.chunks[0].messageId ?? 0;
  const one: DeliveryStatus = await client.messageStatus({ messageId: id, phoneNumber: "+33611111111" });
  const many: DeliveryStatus[] = await client.multiStatus([{ messageId: id, phoneNumber: "+33611111111" }]);
  const all: DeliveryStatus[] = await client.bulkStatus(id);
  const tagged: DeliveryStatus[] = await client.statusByTag("soldes");
  const done: { cancelled: true } = await client.cancel(id, { scheduledAt: new Date() });
  const credits: Credits = await client.credits();
  const balance: number | null = credits.balance;
  const stops: StopEntry[] = await client.stopList();
  const added: { id: number | string } = await client.addToStopList("0611111111");
  const removed: { removed: true } = await client.removeFromStopList(added.id);
  const reply = parseReplyWebhook("msisdn=33611111111&text=STOP");
  if (reply.kind !== "invalid") console.log(reply.from, reply.part?.total);
  console.log(state, one.status, many, all, tagged, done, balance, stops, removed);
}
