/** The `push-sms-fallback` executable (rollup adds the shebang). */
import { describeFailure, main } from './cli.js';

/** Secrets a driver's error message might quote. */
function redact(text: string): string {
  let out = text;
  const key = process.env.ONESIGNAL_API_KEY;
  if (key && key.length >= 8) out = out.split(key).join('[secret]');
  return out.replace(/(\w+:\/\/[^:/@\s]*:)[^@\s]+@/g, '$1[secret]@');
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    // serve keeps running (its server holds the loop); other commands end here.
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    const { message, code } = describeFailure(error);
    process.stderr.write(`push-sms-fallback: ${redact(message)}\n`);
    process.exit(code);
  },
);
