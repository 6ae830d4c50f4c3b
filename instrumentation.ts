/**
 * Runs once when the Next server boots: a wrong or forbidden NORTHSTAR_CLOCK stops the server
 * at start-up with the variable named, rather than at the first request (lib/clock.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { initClock } = await import("./lib/clock");
    initClock();
  }
}
