/**
 * The log of a command-line tool: plain lines on stderr, so that stdout carries only the
 * tool's output and can be piped (`npm run -s verify | grep BROKEN`, `npm run -s export | jq`).
 */
export const stderrLog = { log: (message: string): void => void process.stderr.write(`${message}\n`) };
