/** One request the demo server logged, as `/demo/log` sends it to the page. */
export interface LogEntry {
  at: string;
  method: string;
  path: string;
  status?: number;
  body: unknown;
}
