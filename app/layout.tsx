import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";
import "./globals.css";

// Served from the package, not Google Fonts: these machines and many school networks are offline.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "NorthStar Interventions", template: "%s · NorthStar Interventions" },
  description: "Plan, run and follow Tier 2 and Tier 3 interventions.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/**
 * Every page renders per request: its scripts run only with the nonce proxy.ts makes for that
 * request (lib/security-headers.ts), and a page built ahead of time would carry none. Most pages
 * read the session anyway; this covers those that do not (the 404 page).
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {children}
      </body>
    </html>
  );
}
