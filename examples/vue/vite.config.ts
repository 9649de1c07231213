import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  // Relative URLs, so the build works from any folder (the browser tests load it from
  // /examples/vue/dist/).
  base: './',
  plugins: [
    vue({
      template: {
        // Tags with a dash that Vue does not know are custom elements: Vue renders them as they are
        // and passes unknown bindings as attributes or properties.
        compilerOptions: { isCustomElement: (tag) => tag === 'push-sms-fallback' },
      },
    }),
  ],
});
