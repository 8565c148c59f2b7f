import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { TRPCReactProvider } from '../components/trpc/TRPCReactProvider';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Pipeworks', template: '%s · Pipeworks' },
  description: 'Browser-first visual MLOps studio',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
