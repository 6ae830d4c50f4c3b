/**
 * The client half of PostgreSQL's wire protocol (version 3), as much of it as the fault proxy
 * needs: where each message starts and ends, and which SQL it runs, so a cut can be placed at a
 * chosen byte of a write transaction. Pure: bytes in, messages out.
 */

/** One complete client message and where it sits in the connection's byte stream. */
export interface FrontendMessage {
  /** The type byte ("Q", "P", "B", "E", "S", ...); null for the untyped start-up messages. */
  type: string | null;
  /** Offset of its first byte in the connection's client-to-server stream. */
  start: number;
  bytes: Buffer;
  /** The statement it runs: a simple query's text, a Parse's text, a Bind's prepared text. */
  sql: string | null;
}

/** Start-up request codes after which the client sends another untyped message. */
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

/** Splits one connection's client-to-server bytes into messages, across any chunking. */
export class FrontendStream {
  private pending: Buffer = Buffer.alloc(0);
  private pendingStart = 0;
  private startedUp = false;
  /** Prepared statements by name: a Bind names the statement, not its text. */
  private readonly statements = new Map<string, string>();

  /** Adds a chunk; returns the messages it completed, in order. */
  push(chunk: Buffer): FrontendMessage[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const messages: FrontendMessage[] = [];
    for (;;) {
      const message = this.next();
      if (!message) return messages;
      messages.push(message);
    }
  }

  private next(): FrontendMessage | null {
    const typed = this.startedUp;
    const headerLength = typed ? 5 : 8;
    if (this.pending.length < headerLength) return null;
    const length = typed ? 1 + this.pending.readInt32BE(1) : this.pending.readInt32BE(0);
    if (this.pending.length < length) return null;
    const bytes = this.pending.subarray(0, length);
    const start = this.pendingStart;
    this.pending = this.pending.subarray(length);
    this.pendingStart += length;
    if (!typed) {
      const code = bytes.readInt32BE(4);
      if (code !== SSL_REQUEST && code !== GSSENC_REQUEST) this.startedUp = true;
      return { type: null, start, bytes, sql: null };
    }
    const type = String.fromCharCode(bytes[0]!);
    return { type, start, bytes, sql: this.sqlOf(type, bytes.subarray(5)) };
  }

  private sqlOf(type: string, body: Buffer): string | null {
    if (type === "Q") return cString(body, 0).text;
    if (type === "P") {
      const name = cString(body, 0);
      const text = cString(body, name.end).text;
      this.statements.set(name.text, text);
      return text;
    }
    if (type === "B") {
      const portal = cString(body, 0);
      return this.statements.get(cString(body, portal.end).text) ?? null;
    }
    return null;
  }
}

function cString(buffer: Buffer, from: number): { text: string; end: number } {
  const zero = buffer.indexOf(0, from);
  const end = zero === -1 ? buffer.length : zero;
  return { text: buffer.toString("utf8", from, end), end: end + 1 };
}

const startsTransaction = (sql: string | null) =>
  sql !== null && /^\s*(begin|start\s+transaction)\b/i.test(sql);

const commitsTransaction = (sql: string | null) => sql !== null && /^\s*(commit|end)\b/i.test(sql);

const rollsBack = (sql: string | null) => sql !== null && /^\s*(rollback|abort)\b/i.test(sql);

/**
 * Follows one connection's transactions: where the current one started, and its length once the
 * COMMIT has been sent in full (through the Sync of an extended query, or the simple query). A
 * ROLLBACK ends one too, without a length.
 */
export class TransactionTracker {
  /** Stream offset of the current transaction's BEGIN; null outside one. */
  begin: number | null = null;
  private closing: "commit" | "rollback" | null = null;

  /** Feeds the next message; returns the finished transaction's byte length when this ends it. */
  see(message: FrontendMessage): number | null {
    if (this.begin === null) {
      if (startsTransaction(message.sql)) this.begin = message.start;
      return null;
    }
    if (commitsTransaction(message.sql)) this.closing = "commit";
    else if (rollsBack(message.sql)) this.closing = "rollback";
    if (this.closing && (message.type === "S" || message.type === "Q")) {
      const length = message.start + message.bytes.length - this.begin;
      const committed = this.closing === "commit";
      this.begin = null;
      this.closing = null;
      return committed ? length : null;
    }
    return null;
  }
}
