import Link from 'next/link';

// The page the consent text's "privacy" link opens (privacy-url="/privacy").
export const metadata = { title: 'Example Coffee — Privacy policy' };

export default function Privacy() {
  return (
    <main>
      <h1>Privacy policy (example)</h1>
      <p>
        We keep your mobile number, the consent text you agreed to, when and on which page, to send
        you the texts you asked for and to prove your consent. We do not sell or share your number
        for others&apos; marketing. Reply STOP to stop the texts; ask us to erase your number at any
        time.
      </p>
      <p>A real site publishes its own privacy policy here.</p>
      <p>
        <Link href="/">Back to the app</Link>
      </p>
    </main>
  );
}
