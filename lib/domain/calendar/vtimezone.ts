/**
 * A VTIMEZONE (RFC 5545 §3.6.5) for an IANA zone, read from the runtime's own time-zone data
 * through Intl: no zone database of our own to keep up to date. The offsets of the years asked
 * for are sampled, each change is found to the minute, and the changes are written as yearly
 * rules ("second Sunday of March at 02:00") when every year follows the same ones — what
 * calendar programs expect — or else one component per change. See docs/decisions/0014.
 */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const WEEKDAY_CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;

const formatters = new Map<string, { offset: Intl.DateTimeFormat; name: Intl.DateTimeFormat }>();

function formattersOf(timeZone: string) {
  let found = formatters.get(timeZone);
  if (!found) {
    found = {
      offset: new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }),
      name: new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" }),
    };
    formatters.set(timeZone, found);
  }
  return found;
}

function zoneNamePart(format: Intl.DateTimeFormat, ms: number): string {
  return format.formatToParts(ms).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
}

/** Minutes east of UTC in `timeZone` at the instant `ms` ("GMT-05:00" → -300). */
function offsetMinutesAt(timeZone: string, ms: number): number {
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(
    zoneNamePart(formattersOf(timeZone).offset, ms),
  );
  if (!match?.[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/** The zone's abbreviation at `ms` ("CST", "CDT"), or the offset where it has none ("GMT+1"). */
function abbreviationAt(timeZone: string, ms: number): string {
  return zoneNamePart(formattersOf(timeZone).name, ms);
}

interface Transition {
  /** The instant of the change. */
  at: number;
  from: number;
  to: number;
}

/** The first instant in (lo, hi] whose offset differs from lo's, to the minute. */
function changeBetween(timeZone: string, lo: number, hi: number): number {
  const before = offsetMinutesAt(timeZone, lo);
  let low = lo;
  let high = hi;
  while (high - low > MINUTE_MS) {
    const mid = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetMinutesAt(timeZone, mid) === before) low = mid;
    else high = mid;
  }
  return high;
}

function transitionsOf(timeZone: string, fromYear: number, toYear: number): Transition[] {
  const end = Date.UTC(toYear + 1, 0, 1);
  const found: Transition[] = [];
  let at = Date.UTC(fromYear, 0, 1);
  let offset = offsetMinutesAt(timeZone, at);
  while (at < end) {
    const next = Math.min(at + DAY_MS, end);
    const nextOffset = offsetMinutesAt(timeZone, next);
    if (nextOffset !== offset) {
      found.push({ at: changeBetween(timeZone, at, next), from: offset, to: nextOffset });
      offset = nextOffset;
    }
    at = next;
  }
  return found;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The wall-clock time `ms` shows at `offset`, as iCalendar writes a local DATE-TIME. */
function localStamp(ms: number, offset: number): string {
  const local = new Date(ms + offset * MINUTE_MS);
  return (
    `${pad(local.getUTCFullYear(), 4)}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}00`
  );
}

/** "-0500" */
function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** Which weekday of its month the change falls on, as a yearly BYDAY ("2SU", "-1SU"). */
function yearlyRuleOf(t: Transition) {
  const local = new Date(t.at + t.from * MINUTE_MS);
  const day = local.getUTCDate();
  const month = local.getUTCMonth();
  const daysInMonth = new Date(Date.UTC(local.getUTCFullYear(), month + 1, 0)).getUTCDate();
  const ordinal = day + 7 > daysInMonth ? -1 : Math.ceil(day / 7);
  const time = `${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}`;
  return {
    key: `${t.from}|${t.to}|${month}|${ordinal}|${local.getUTCDay()}|${time}`,
    rule: `FREQ=YEARLY;BYMONTH=${month + 1};BYDAY=${ordinal}${WEEKDAY_CODES[local.getUTCDay()]}`,
  };
}

function component(timeZone: string, t: Transition, rrule: string | null): string[] {
  const kind = t.to > t.from ? "DAYLIGHT" : "STANDARD";
  return [
    `BEGIN:${kind}`,
    `DTSTART:${localStamp(t.at, t.from)}`,
    ...(rrule ? [`RRULE:${rrule}`] : []),
    `TZOFFSETFROM:${utcOffset(t.from)}`,
    `TZOFFSETTO:${utcOffset(t.to)}`,
    `TZNAME:${abbreviationAt(timeZone, t.at)}`,
    `END:${kind}`,
  ];
}

/** When every year changes by the same rules, one component per rule; else null. */
function asYearlyRules(timeZone: string, transitions: Transition[], years: number) {
  const groups = new Map<string, { first: Transition; rule: string; count: number }>();
  for (const t of transitions) {
    const { key, rule } = yearlyRuleOf(t);
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { first: t, rule, count: 1 });
  }
  if (groups.size === 0 || [...groups.values()].some((g) => g.count !== years)) return null;
  return [...groups.values()].flatMap((g) => component(timeZone, g.first, g.rule));
}

/** Built once per zone and years: the day-by-day scan of offsets costs milliseconds. */
const built = new Map<string, string>();

/**
 * The VTIMEZONE text of `timeZone` covering `fromYear`…`toYear` (a series' own years; the rule
 * form carries on past them). Throws a RangeError for a zone the runtime does not know.
 */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string {
  const key = `${timeZone}|${fromYear}|${toYear}`;
  let text = built.get(key);
  if (text === undefined) {
    text = buildVtimezone(timeZone, fromYear, toYear);
    built.set(key, text);
  }
  return text;
}

function buildVtimezone(timeZone: string, fromYear: number, toYear: number): string {
  const start = Date.UTC(fromYear, 0, 1);
  const transitions = transitionsOf(timeZone, fromYear, toYear);
  const years = toYear - fromYear + 1;
  const body = asYearlyRules(timeZone, transitions, years) ?? [
    // Before the first change (or always, for a zone without any), the offset of the start.
    ...component(
      timeZone,
      {
        at: start,
        from: transitions[0]?.from ?? offsetMinutesAt(timeZone, start),
        to: transitions[0]?.from ?? offsetMinutesAt(timeZone, start),
      },
      null,
    ).map((line) =>
      // A period without a change: STANDARD unless the first change is the fall back.
      transitions[0] && transitions[0].to < transitions[0].from
        ? line.replace(/^(BEGIN|END):STANDARD$/, "$1:DAYLIGHT")
        : line,
    ),
    ...transitions.flatMap((t) => component(timeZone, t, null)),
  ];
  return [
    "BEGIN:VTIMEZONE",
    `TZID:${timeZone}`,
    `X-LIC-LOCATION:${timeZone}`,
    ...body,
    "END:VTIMEZONE",
  ].join("\r\n");
}
