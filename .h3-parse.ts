import { createReadStream } from "node:fs";
import { readCsvRows } from "@/lib/domain/imports/csv";
import { parseUser } from "@/lib/domain/imports/oneroster";
const t0 = performance.now();
let n = 0;
for await (const row of readCsvRows(createReadStream("/tmp/h3/large-20000/users.csv"), () => {})) { parseUser(row); n++; }
console.log(n, ((performance.now() - t0) / 1000).toFixed(2));
