import postgres from "postgres";
const admin = postgres("postgres://postgres:727b18ddfda5538cc0a32e449bc42f601c6f@127.0.0.1:54355/postgres");
const [db] = await admin`select datname from pg_database where datname like 'northstar_test_%' order by datname desc limit 1`;
await admin.end();
const sql = postgres("postgres://postgres:727b18ddfda5538cc0a32e449bc42f601c6f@127.0.0.1:54355/" + db.datname);
console.log(await sql`select relname, seq_scan, seq_tup_read, idx_scan, n_live_tup, n_tup_ins, last_analyze, last_autoanalyze from pg_stat_user_tables where relname in ('students','guardians','student_guardians','section_students','sections','staff') `);
console.log(await sql`select relname, reltuples, relpages from pg_class where relname in ('students','guardians','student_guardians')`);
await sql.end();
