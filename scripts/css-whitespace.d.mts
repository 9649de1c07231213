import type { Plugin } from 'rollup';

export declare function minifyCss(text: string): string;
export declare function cssWhitespace(): Plugin;
