import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  // Relative URLs, so the build works from any folder (the browser tests load it from
  // /examples/svelte/dist/).
  base: './',
  plugins: [svelte()],
});
