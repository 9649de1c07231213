/** This package's version: bump it with package.json's. The consent record keeps it. */
export const VERSION = '0.1.0';
