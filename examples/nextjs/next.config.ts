import type { NextConfig } from 'next';

const config: NextConfig = {
  // This example sits inside the push-sms-fallback repository, which has its own lockfile: keep
  // Next.js from taking the repository for the workspace root.
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
};

export default config;
