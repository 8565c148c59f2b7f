import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { TRPCReactProvider } from '../components/trpc/TRPCReactProvider';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Pipeworks', template: '%s · Pipeworks' },
  description: 'Browser-first visual MLOps studio',
};

// Every page is rendered per request: its scripts carry that response's CSP nonce (proxy.ts),
// which a page prerendered at build time could not.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
