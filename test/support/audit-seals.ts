import { inject } from "vitest";
import { connect } from "@/db/client";
import { sealAuditTrail } from "@/lib/use-cases/audit/seal-audit-trail";

/**
 * Runs the sealer once as the worker role, as the `seal-audit-trail` job does every second in a
 * running service (tests start no job runner): every committed audit row gets its seal.
 */
export async function sealAsWorker(): Promise<number> {
  const worker = connect(inject("workerUrl"), { max: 1 });
  try {
    return await sealAuditTrail(worker.db);
  } finally {
    await worker.close();
  }
}
