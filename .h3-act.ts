import postgres from "postgres";
const sql = postgres("postgres://postgres:727b18ddfda5538cc0a32e449bc42f601c6f@127.0.0.1:54355/postgres");
console.log(await sql`select datname, state, now()-query_start as dur, left(query, 300) q from pg_stat_activity where state <> 'idle' and datname like 'northstar%'`);
await sql.end();
