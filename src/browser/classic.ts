// The classic-script build (`<script src=… defer>`): loads the module build that sits beside it,
// so both script types share one copy of the element and its lazily loaded chunks.
const here = (document.currentScript as HTMLScriptElement | null)?.src ?? location.href;
import(/* @vite-ignore */ new URL('push-sms-fallback.js', here).href).catch((error: unknown) =>
  console.error('<push-sms-fallback>: could not load push-sms-fallback.js', error),
);
