import { createMetricsRegistry, loadConfig } from '@switchboard/platform';
import { freePort } from '@switchboard/test-support/e2e/spawn-app';
import { MetricsListener } from './metrics-listener';

describe('the projector metrics listener', () => {
  it('serves the registry on METRICS_PORT to the bearer of METRICS_TOKEN only', async () => {
    const port = await freePort();
    const config = loadConfig({ METRICS_PORT: String(port), METRICS_TOKEN: 'scrape-me' });
    const listener = new MetricsListener(config, createMetricsRegistry());
    await listener.onApplicationBootstrap();
    try {
      const url = `http://127.0.0.1:${port}/metrics`;
      const ok = await fetch(url, { headers: { Authorization: 'Bearer scrape-me' } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toContain('version=0.0.4');
      expect(await ok.text()).toMatch(/^process_cpu_user_seconds_total \d/m);
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    } finally {
      await listener.onApplicationShutdown();
    }
  });
});
