import { createHmac } from 'node:crypto';
import { isValidSignature, signatureOf } from './webhook-signature';
import { generateSecret } from './webhook-secret';

describe('webhook signature', () => {
  const secret = 'whsec_test-secret-0123456789';
  const body = JSON.stringify({ id: 'e-1', type: 'DialogOpened', data: { text: 'Grüße "quoted"' } });

  it('is v1= and the hex HMAC-SHA256 of timestamp "." body, as a receiver computes it', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`, 'utf8').digest('hex');
    expect(signatureOf(secret, '1700000000', body)).toBe(`v1=${expected}`);
  });

  it('verifies its own signatures, also among several schemes in one header', () => {
    const signature = signatureOf(secret, '1700000000', body);
    expect(isValidSignature(secret, '1700000000', body, signature)).toBe(true);
    expect(isValidSignature(secret, '1700000000', body, `v0=abc, ${signature}`)).toBe(true);
  });

  it.each([
    ['another timestamp', { timestamp: '1700000001' }],
    ['a changed body', { body: `${body} ` }],
    ['another secret', { secret: `${secret}x` }],
  ])('refuses %s', (_case, change: { timestamp?: string; body?: string; secret?: string }) => {
    const signature = signatureOf(secret, '1700000000', body);
    expect(isValidSignature(change.secret ?? secret, change.timestamp ?? '1700000000', change.body ?? body, signature)).toBe(false);
  });

  it('refuses a truncated or empty header without throwing', () => {
    const signature = signatureOf(secret, '1700000000', body);
    expect(isValidSignature(secret, '1700000000', body, signature.slice(0, -1))).toBe(false);
    expect(isValidSignature(secret, '1700000000', body, '')).toBe(false);
  });

  it('generates distinct secrets long enough for the key', () => {
    const [a, b] = [generateSecret(), generateSecret()];
    expect(a).not.toBe(b);
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  });
});
