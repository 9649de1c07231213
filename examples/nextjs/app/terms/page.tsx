import Link from 'next/link';

// The page the consent text's "terms" link opens (terms-url="/terms").
export const metadata = { title: 'Example Coffee — Terms of the text message program' };

export default function Terms() {
  return (
    <main>
      <h1>Terms of the text message program (example)</h1>
      <p>
        Example Coffee sends recurring automated text messages (new roasts, order updates) to the
        number you give, once you agree. Message frequency varies. Msg &amp; data rates may apply.
        Reply STOP to cancel at any time, HELP for help. Consent is not a condition of purchase.
      </p>
      <p>
        A real site publishes its own terms here, with its name, contact address and carriers&apos;
        terms.
      </p>
      <p>
        <Link href="/">Back to the app</Link>
      </p>
    </main>
  );
}
