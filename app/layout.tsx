import type { Metadata, Viewport } from "next";
import localFont from "next/font/local";
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

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {children}
      </body>
    </html>
  );
}
