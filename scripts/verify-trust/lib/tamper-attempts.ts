/**
 * The tampering the audit check tries (issue 14, "Prove"): each kind of change to a district's
 * hash-chained audit log, by each kind of attacker, and how the outcomes are counted. An attempt
 * passes when the database refuses it (or it changes nothing) or when the verifier behind
 * `npm run audit:verify` finds it, by the chain or by the anchors taken before.
 */
import type { TrustRow } from "../types";

/** Where in the chain a kind of tampering aims: a row in the middle, and the newest. */
export interface ChainPlaces {
  tenantId: string;
  middle: number;
  newest: number;
}

export interface TamperKind {
  name: string;
  /** The statements, run in one transaction. */
  statements(places: ChainPlaces): string[];
}

const AUDIT = "intervention.audit_log";
/** The chain itself: one seal per row, written by the sealer (docs/decisions/0027-audit-seals.md). */
const SEALS = "intervention.audit_seals";
const quoted = (value: string) => `'${value.replaceAll("'", "''")}'`;
const sealAt = (p: ChainPlaces, seq: number) =>
  `tenant_id = ${quoted(p.tenantId)} and position = ${seq}`;
/** The audit row sealed at place `seq` of the chain. */
const at = (p: ChainPlaces, seq: number) =>
  `tenant_id = ${quoted(p.tenantId)} and id = (select audit_id from ${SEALS} where ${sealAt(p, seq)})`;

export const TAMPER_KINDS: readonly TamperKind[] = [
  {
    name: "edit a row's content",
    statements: (p) => [`update ${AUDIT} set reason = 'tampered' where ${at(p, p.middle)}`],
  },
  {
    name: "delete a row in the middle",
    statements: (p) => [`delete from ${AUDIT} where ${at(p, p.middle)}`],
  },
  {
    name: "delete the newest row",
    statements: (p) => [`delete from ${AUDIT} where ${at(p, p.newest)}`],
  },
  {
    name: "swap two rows' places in the chain",
    statements: (p) => [
      `update ${SEALS} set position = ${p.newest + 1000} where ${sealAt(p, p.middle)}`,
      `update ${SEALS} set position = ${p.middle} where ${sealAt(p, p.middle + 1)}`,
      `update ${SEALS} set position = ${p.middle + 1} where ${sealAt(p, p.newest + 1000)}`,
    ],
  },
  {
    name: "truncate the log",
    statements: () => [`truncate ${AUDIT}`],
  },
  {
    name: "edit the newest row and recompute its hash",
    statements: (p) => [
      `update ${AUDIT} set reason = 'tampered' where ${at(p, p.newest)}`,
      `update ${SEALS} s set hash = intervention.audit_seal_hash(a, s.position, s.prev_hash) from ${AUDIT} a where a.tenant_id = s.tenant_id and a.id = s.audit_id and s.tenant_id = ${quoted(p.tenantId)} and s.position = ${p.newest}`,
    ],
  },
];

type AttackerLogin = "app" | "owner" | "admin";

/** Who tampers: a role that can connect, and what it does first in the transaction. */
export interface Attacker {
  name: string;
  login: AttackerLogin;
  /** Statements before the tampering, e.g. `set local role` or switching triggers off. */
  prelude: string[];
}

export function attackers(workerRoleExists: boolean): Attacker[] {
  return [
    { name: "northstar_app", login: "app", prelude: [] },
    ...(workerRoleExists
      ? [
          {
            name: "northstar_worker (set role)",
            login: "admin" as const,
            prelude: ["set local role northstar_worker"],
          },
        ]
      : []),
    { name: "northstar_owner", login: "owner", prelude: [] },
    {
      // The tables' owner may switch their triggers off; the append-only triggers are some.
      name: "northstar_owner, triggers disabled",
      login: "owner",
      prelude: [
        `alter table ${AUDIT} disable trigger user`,
        `alter table ${SEALS} disable trigger user`,
      ],
    },
    {
      name: "superuser, triggers disabled",
      login: "admin",
      prelude: ["set local session_replication_role = replica"],
    },
  ];
}

export type Outcome =
  /** The database raised an error: nothing was written. */
  | "refused"
  /** It committed but the log is as it was (no row visible to that role). */
  | "no effect"
  /** The chain check names a row that does not fit. */
  | "detected by the chain"
  /** Only the anchors taken before see it. */
  | "detected by the anchors"
  | "undetected"
  /** The statements failed for a reason other than a refusal: the attempt proves nothing. */
  | "failed to run";

/**
 * A refusal is a missing privilege (42501) or an exception raised by a trigger (P0001, the
 * append-only one); any other error means the attempt itself was wrong.
 */
export function isRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "42501" || code === "P0001";
}

export interface Attempt {
  attacker: string;
  kind: string;
  outcome: Outcome;
}

const passes = (a: Attempt) => a.outcome !== "undetected" && a.outcome !== "failed to run";

function breakdown(attempts: readonly Attempt[]): string {
  const counts = new Map<Outcome, number>();
  for (const a of attempts) counts.set(a.outcome, (counts.get(a.outcome) ?? 0) + 1);
  return [...counts].map(([outcome, count]) => `${count} ${outcome}`).join(", ");
}

export function tamperRows(attempts: readonly Attempt[]): TrustRow[] {
  const byAttacker = new Map<string, Attempt[]>();
  for (const a of attempts) byAttacker.set(a.attacker, [...(byAttacker.get(a.attacker) ?? []), a]);
  const rows: TrustRow[] = [...byAttacker].map(([attacker, own]) => {
    const missed = own.filter((a) => !passes(a)).map((a) => a.kind);
    return {
      area: "tampering",
      check: `as ${attacker}`,
      figure: `${own.length - missed.length} of ${own.length} refused or detected (${breakdown(own)})${missed.length > 0 ? `; missed: ${missed.join("; ")}` : ""}`,
      ok: missed.length === 0,
    };
  });
  const passed = attempts.filter(passes).length;
  const percent = attempts.length > 0 ? Math.floor((passed * 100) / attempts.length) : 0;
  rows.push({
    area: "tampering",
    check: `${TAMPER_KINDS.length} kinds × ${byAttacker.size} attackers`,
    figure: `${passed} of ${attempts.length} tampering attempts refused or detected (${percent} %)`,
    ok: attempts.length > 0 && passed === attempts.length,
  });
  return rows;
}
