/**
 * `npm run readme:config`: rewrites the README's tables of environment variables from
 * lib/config.ts, the one place that defines them. `lib/config.test.ts` fails when they differ.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { README_MARKERS, type SettingDoc, settingsTable } from "@/lib/config";

export function withSettingsTables(readme: string): string {
  let result = readme;
  for (const group of ["app", "tests"] satisfies SettingDoc["group"][]) {
    const [start, end] = README_MARKERS(group);
    const from = result.indexOf(start);
    const to = result.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} section.`);
    result = `${result.slice(0, from + start.length)}\n\n${settingsTable(group)}\n${result.slice(to)}`;
  }
  return result;
}

if (process.argv[1]?.endsWith("readme-config.ts")) {
  writeFileSync("README.md", withSettingsTables(readFileSync("README.md", "utf8")));
  console.log("README.md: environment variable tables rewritten from lib/config.ts.");
}
