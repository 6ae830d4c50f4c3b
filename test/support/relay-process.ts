/**
 * A relay in a process of its own, so a test can kill it with SIGKILL mid-batch — what a crash
 * or an OOM kill does — rather than stop it politely.
 */
import { startRelay } from "@/lib/integrations/relay/relay";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const relay = startRelay({
  workerUrl: env("RELAY_WORKER_URL"),
  nats: {
    url: env("RELAY_NATS_URL"),
    stream: env("RELAY_STREAM"),
    subjectPrefix: env("RELAY_SUBJECT_PREFIX"),
    duplicateWindowMs: 10 * 60_000,
    clientName: "northstar-test-relay",
  },
  batchSize: Number(env("RELAY_BATCH_SIZE")),
  pollMs: 20,
  log: (message) => console.log(message),
});
process.on("SIGTERM", () => void relay.stop().then(() => process.exit(0)));
// Never outlive the test that started it.
setInterval(() => {
  if (process.ppid === 1) process.exit(1);
}, 500).unref();
