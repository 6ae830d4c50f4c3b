import postgres from "postgres";
const sql = postgres("postgres://postgres:727b18ddfda5538cc0a32e449bc42f601c6f@127.0.0.1:54355/h3bench");
console.log(await sql`select pid, state, wait_event_type, wait_event, now()-query_start as dur, left(query, 200) q from pg_stat_activity where datname='h3bench'`);
await sql.end();
