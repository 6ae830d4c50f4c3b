import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { pinTestClock } from "./test/clock";

// Tests never read the real date: the clock stands still at a school-day instant, or at the
// one `npm run test:dates` chose (lib/clock.ts). Test processes inherit it from here.
pinTestClock({ frozen: true });

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: [
            "lib/**/*.test.ts",
            "db/**/*.test.ts",
            "scripts/**/*.test.ts",
            "bench/**/*.test.ts",
          ],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**"],
          environment: "node",
          globalSetup: ["./test/integration-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
