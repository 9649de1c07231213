import { createApp } from 'vue';
// Registers <push-sms-fallback>; its types (HTMLElementEventMap, the event classes) come with it.
import 'push-sms-fallback';
import App from './App.vue';

createApp(App).mount('#app');
