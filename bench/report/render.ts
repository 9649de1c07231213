/** Tables as text and Markdown, and the SVG bar chart of download sizes. */
import type { SizesResult } from '../bytes/sizes.js';
import { kB } from '../shared/stats.js';

export interface Table {
  title: string;
  head: string[];
  rows: string[][];
  /** Columns aligned right (numbers). */
  right?: number[];
  notes?: string[];
}

export function textTable(t: Table): string {
  const widths = t.head.map((h, i) =>
    Math.max(h.length, ...t.rows.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        t.right?.includes(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!),
      )
      .join('  ')
      .trimEnd();
  return [
    t.title,
    line(t.head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...t.rows.map(line),
    ...(t.notes ?? []).map((n) => `  · ${n}`),
  ].join('\n');
}

export function markdownTable(t: Table): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const align = t.head.map((_, i) => (t.right?.includes(i) ? '---:' : '---'));
  return [
    `### ${t.title}`,
    '',
    `| ${t.head.map(esc).join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
    '',
    ...(t.notes ?? []).map((n) => `- ${n}`),
  ].join('\n');
}

// ---- chart -------------------------------------------------------------------------------

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A horizontal bar per download, gzip kB, with the two size goals as lines. */
export function sizesSvg(s: SizesResult): string {
  const labelWidth = 440;
  const barMax = 440;
  const rowHeight = 26;
  const top = 48;
  const width = labelWidth + barMax + 110;
  const height = top + s.rows.length * rowHeight + 44;
  const max = Math.max(...s.rows.map((r) => r.total.gzip));
  const x = (bytes: number) => labelWidth + (bytes / max) * barMax;
  const colour = { ours: '#1a56db', alternative: '#8c959f', parts: '#c4c9cf' };
  const bars = s.rows.map((r, i) => {
    const y = top + i * rowHeight;
    const w = Math.max(1, x(r.total.gzip) - labelWidth);
    const name = r.kind === 'parts' ? `${r.name} (assembled)` : r.name;
    return [
      `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${xml(name)}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowHeight - 8}" fill="${colour[r.kind]}"/>`,
      `<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 17}">${kB(r.total.gzip, 1)}</text>`,
    ].join('');
  });
  const line = (bytes: number, label: string, dy: number) => {
    const lx = x(bytes).toFixed(1);
    return `<line x1="${lx}" y1="${top - 6}" x2="${lx}" y2="${height - 36}" stroke="#b42318" stroke-dasharray="4 3"/><text x="${lx}" y="${height - 36 + dy}" fill="#b42318" text-anchor="middle">${xml(label)}</text>`;
  };
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="13">
<rect width="100%" height="100%" fill="#fff"/>
<text x="16" y="24" font-size="15" font-weight="600">What a visitor downloads, gzip (JS + required CSS)</text>
${bars.join('\n')}
${line(10_000, 'subscriber goal 10 kB', 14)}
${line(s.intlTelInputWithUtils.gzip / 2, 'declined goal: ½ intl-tel-input + utils', 28)}
</svg>
`;
}
