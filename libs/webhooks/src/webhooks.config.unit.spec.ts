import { ConfigError } from '@switchboard/platform';
import { webhooksConfigFrom } from './webhooks.config';

describe('webhooks configuration', () => {
  it('has production defaults', () => {
    expect(webhooksConfigFrom({})).toEqual({
      timeoutMs: 10_000,
      maxAttempts: 12,
      retryBaseMs: 1_000,
      retryMaxMs: 600_000,
      pollMs: 2_000,
      skipCheckpointMs: 10_000,
      allowPrivateUrls: false,
    });
  });

  it('reads every variable', () => {
    const config = webhooksConfigFrom({
      WEBHOOK_TIMEOUT_MS: '500',
      WEBHOOK_MAX_ATTEMPTS: '3',
      WEBHOOK_RETRY_BASE_MS: '5',
      WEBHOOK_RETRY_MAX_MS: '50',
      WEBHOOK_POLL_MS: '100',
      WEBHOOK_SKIP_CHECKPOINT_MS: '250',
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    });
    expect(config).toEqual({ timeoutMs: 500, maxAttempts: 3, retryBaseMs: 5, retryMaxMs: 50, pollMs: 100, skipCheckpointMs: 250, allowPrivateUrls: true });
  });

  it.each([
    ['WEBHOOK_MAX_ATTEMPTS', '0'],
    ['WEBHOOK_TIMEOUT_MS', 'ten'],
    ['WEBHOOK_ALLOW_PRIVATE_URLS', 'yes'],
    ['WEBHOOK_RETRY_MAX_MS', '10'],
  ])('names %s when it is %s', (name, value) => {
    expect(() => webhooksConfigFrom({ [name]: value })).toThrow(ConfigError);
    expect(() => webhooksConfigFrom({ [name]: value })).toThrow(name);
  });
});
