/**
 * Watches the events this service publishes, as any NATS JetStream client would (the `nats` CLI
 * is not needed): `npx tsx scripts/watch-events.ts [--all] [subject filter]`.
 * New events only, unless `--all` replays the stream from its start.
 */
import { DeliverPolicy, jetstream } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { integrationConfig } from "@/lib/integrations/nats/config";

async function main() {
  const config = integrationConfig();
  const url = config.NATS_URL ?? "127.0.0.1:4222";
  const args = process.argv.slice(2);
  const replay = args.includes("--all");
  const filter = args.find((arg) => !arg.startsWith("--")) ?? `${config.NATS_SUBJECT_PREFIX}.>`;
  const nc = await connect({ servers: url, name: "northstar-watch-events" });
  const consumer = await jetstream(nc).consumers.get(config.NATS_STREAM, {
    filter_subjects: [filter],
    deliver_policy: replay ? DeliverPolicy.All : DeliverPolicy.New,
  });
  console.log(
    `Watching ${filter} on stream ${config.NATS_STREAM} at ${url}${replay ? " (from the start)" : ""}. Ctrl-C stops.`,
  );
  const messages = await consumer.consume();
  process.on("SIGINT", () => {
    messages.stop();
    void nc.close().then(() => process.exit(0));
  });
  for await (const message of messages) {
    const event = message.json<{
      id: string;
      type: string;
      subject: string;
      time: string;
      data: unknown;
    }>();
    console.log(
      `#${message.seq} ${event.time} ${event.type} ${event.subject}\n  Nats-Msg-Id ${message.headers?.get("Nats-Msg-Id")}  on ${message.subject}\n  ${JSON.stringify(event.data)}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
