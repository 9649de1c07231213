import { mount } from 'svelte';
// Registers <push-sms-fallback>; its types (HTMLElementEventMap, the event classes) come with it.
import 'push-sms-fallback';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app');

mount(App, { target });
