import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readConfig } from "@/lib/config";

const SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "public",
  "next.config.ts",
  "proxy.ts",
  "package-lock.json",
  "postcss.config.mjs",
];

function* files(entry: string): Generator<string> {
  if (!existsSync(entry)) return;
  if (!statSync(entry).isDirectory()) {
    yield entry;
    return;
  }
  for (const name of readdirSync(entry).sort()) yield* files(path.join(entry, name));
}

/** A hash of everything the production build is made from. */
export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  for (const source of SOURCES) {
    for (const file of files(source)) hash.update(file).update(readFileSync(file));
  }
  return hash.digest("hex");
}

/**
 * Builds the app unless the last build was made from exactly these sources. The build folder
 * is the one `env` (the environment the build and the server run with) names.
 */
export async function ensureBuild(env: NodeJS.ProcessEnv): Promise<void> {
  const distDir = readConfig(env).NEXT_DIST_DIR;
  const fingerprint = sourceFingerprint();
  const fingerprintFile = path.join(distDir, "northstar-source-fingerprint");
  const built =
    existsSync(path.join(distDir, "BUILD_ID")) && existsSync(fingerprintFile)
      ? readFileSync(fingerprintFile, "utf8")
      : null;
  if (built === fingerprint) return;
  console.log("Building the app (first start or changed sources; about a minute)...");
  const result = spawnSync("node_modules/.bin/next", ["build"], { env, stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
  writeFileSync(fingerprintFile, fingerprint);
}
