import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@switchboard/platform';

/** Listens on HOST (every interface when it is undefined) and PORT; returns how the log names that address. */
export async function listenOnConfiguredAddress(app: INestApplication, { host, port }: Pick<AppConfig, 'host' | 'port'>): Promise<string> {
  if (host === undefined) {
    await app.listen(port);
    return `port ${port} of every interface`;
  }
  await app.listen(port, host);
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
