import type { ReactNode } from 'react';

export const metadata = { title: 'push-sms-fallback with Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
