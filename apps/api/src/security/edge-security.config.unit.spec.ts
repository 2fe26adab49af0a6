import { edgeSecurityConfigFrom } from './edge-security.config';

describe('edgeSecurityConfigFrom', () => {
  it('defaults: HSTS for a year, no CORS, separate budgets for people and services', () => {
    expect(edgeSecurityConfigFrom({})).toEqual({
      hstsMaxAgeSeconds: 31_536_000,
      corsOrigins: [],
      rateLimit: { principal: { perSecond: 50, burst: 200 }, service: { perSecond: 500, burst: 1_000 } },
    });
  });

  it('reads the variables, and RATE_LIMIT_PER_SECOND=0 turns limiting off', () => {
    const config = edgeSecurityConfigFrom({
      HSTS_MAX_AGE_SECONDS: '0',
      CORS_ORIGINS: 'https://inbox.example.com, http://localhost:5173',
      RATE_LIMIT_PER_SECOND: '5',
      RATE_LIMIT_BURST: '10',
      RATE_LIMIT_SERVICE_PER_SECOND: '50',
      RATE_LIMIT_SERVICE_BURST: '100',
    });
    expect(config).toEqual({
      hstsMaxAgeSeconds: 0,
      corsOrigins: ['https://inbox.example.com', 'http://localhost:5173'],
      rateLimit: { principal: { perSecond: 5, burst: 10 }, service: { perSecond: 50, burst: 100 } },
    });
    expect(edgeSecurityConfigFrom({ RATE_LIMIT_PER_SECOND: '0' }).rateLimit).toBeNull();
  });

  it('stops on a wrong value, naming the variable', () => {
    expect(() => edgeSecurityConfigFrom({ RATE_LIMIT_BURST: '0' })).toThrow(/RATE_LIMIT_BURST/);
    expect(() => edgeSecurityConfigFrom({ RATE_LIMIT_PER_SECOND: 'fast' })).toThrow(/RATE_LIMIT_PER_SECOND/);
    expect(() => edgeSecurityConfigFrom({ CORS_ORIGINS: 'https://inbox.example.com/' })).toThrow(/CORS_ORIGINS/);
    expect(() => edgeSecurityConfigFrom({ CORS_ORIGINS: 'inbox.example.com' })).toThrow(/CORS_ORIGINS/);
    expect(() => edgeSecurityConfigFrom({ CORS_ORIGINS: '*,https://a.example.com' })).toThrow(/CORS_ORIGINS/);
    expect(edgeSecurityConfigFrom({ CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*']);
  });
});
