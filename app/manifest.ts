import type { MetadataRoute } from "next";

/**
 * The web app manifest: a facilitator can put NorthStar on a phone's home screen and open it
 * straight on the day's sessions, where attendance is taken between classes.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "NorthStar Interventions",
    short_name: "NorthStar",
    description: "Plan, run and follow Tier 2 and Tier 3 interventions.",
    start_url: "/sessions",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#1e40af",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/apple-icon.png", sizes: "180x180", type: "image/png", purpose: "any" },
    ],
  };
}
