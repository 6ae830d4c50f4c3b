/**
 * Watches the events this service publishes, as any NATS client would (the `nats` CLI is not
 * needed): `npx tsx scripts/watch-events.ts [--all] [subject]`. Without `--all` it subscribes to
 * new events on `<NATS_SUBJECT_PREFIX>.>` (or the subject given, wildcards allowed); `--all`
 * replays the whole stream first, through an ordered JetStream consumer.
 */
import { jetstream } from "@nats-io/jetstream";
import { connect, type Msg } from "@nats-io/transport-node";
import { integrationConfig } from "@/lib/integrations/nats/config";

function print(message: Pick<Msg, "subject" | "headers" | "string">, sequence?: number) {
  const event = JSON.parse(message.string()) as {
    type: string;
    subject: string;
    time: string;
    data: unknown;
  };
  console.log(
    `${sequence ? `#${sequence} ` : ""}${event.time} ${event.type} ${event.subject}\n  Nats-Msg-Id ${message.headers?.get("Nats-Msg-Id")} on ${message.subject}\n  ${JSON.stringify(event.data)}`,
  );
}

async function main() {
  const config = integrationConfig();
  const url = config.NATS_URL ?? "127.0.0.1:4222";
  const args = process.argv.slice(2);
  const subject = args.find((arg) => !arg.startsWith("--")) ?? `${config.NATS_SUBJECT_PREFIX}.>`;
  const nc = await connect({ servers: url, name: "northstar-watch-events" });
  process.on("SIGINT", () => void nc.close().then(() => process.exit(0)));

  if (args.includes("--all")) {
    const consumer = await jetstream(nc).consumers.get(config.NATS_STREAM);
    const { state } = await consumer.info().then((info) => ({ state: info.num_pending }));
    console.log(`Replaying ${state} event(s) of stream ${config.NATS_STREAM} at ${url}.`);
    const messages = await consumer.consume();
    for await (const message of messages) {
      print(message, message.seq);
      if (message.info.pending === 0) break;
    }
  }
  console.log(`Watching ${subject} at ${url}. Ctrl-C stops.`);
  for await (const message of nc.subscribe(subject)) print(message);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
