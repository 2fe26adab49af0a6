import { withLogContext } from './log-context';
import { SwitchboardLogger, type LogFormat, type LogThreshold } from './switchboard-logger';

const NOW = new Date('2025-03-01T09:30:00.000Z');
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcC0xIn0.c2lnbmF0dXJlLXRoYXQtaXMtbG9uZw';

function capture(format: LogFormat = 'json', level: LogThreshold = 'debug') {
  const lines: string[] = [];
  const logger = new SwitchboardLogger({ format, level, write: (line) => lines.push(line), now: () => NOW });
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, records };
}

describe('SwitchboardLogger', () => {
  it('writes one JSON object per line with time, level, context and message', () => {
    const { logger, lines, records } = capture();
    logger.log('listening', 'Switchboard');
    logger.warn('slow', 'Projection');
    logger.verbose('detail', 'X');
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
    expect(records()).toEqual([
      { time: '2025-03-01T09:30:00.000Z', level: 'info', context: 'Switchboard', message: 'listening' },
      { time: '2025-03-01T09:30:00.000Z', level: 'warn', context: 'Projection', message: 'slow' },
      { time: '2025-03-01T09:30:00.000Z', level: 'debug', context: 'X', message: 'detail' },
    ]);
  });

  it('adds the correlation and causation ids of the context it runs in', () => {
    const { logger, records } = capture();
    withLogContext({ correlationId: 'corr-1', causationId: 'event-9' }, () => logger.log('inside', 'Handler'));
    logger.log('outside', 'Handler');
    expect(records()[0]).toMatchObject({ correlationId: 'corr-1', causationId: 'event-9' });
    expect(records()[1]).not.toHaveProperty('correlationId');
  });

  it('keeps the context through asynchronous work started inside it', async () => {
    const { logger, records } = capture();
    await withLogContext({ correlationId: 'corr-2' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      logger.log('later', 'Handler');
    });
    expect(records()[0]).toMatchObject({ correlationId: 'corr-2' });
  });

  it("records an error's stack, given as an Error or as Nest's (message, stack, context)", () => {
    const { logger, records } = capture();
    const failure = new TypeError('boom');
    logger.error(failure, 'Runner');
    logger.error('it failed', failure.stack, 'Runner');
    const [first, second] = records();
    expect(first).toMatchObject({ level: 'error', context: 'Runner', message: 'boom', error: { name: 'TypeError', message: 'boom' } });
    expect((first.error as { stack: string }).stack).toContain('TypeError: boom\n    at ');
    expect(second).toMatchObject({ level: 'error', context: 'Runner', message: 'it failed' });
    expect((second.error as { stack: string }).stack).toBe(failure.stack);
  });

  it('spreads the fields of an object message, redacting secrets and what people wrote', () => {
    const { logger, records } = capture();
    logger.log(
      {
        message: 'request',
        route: '/dialogs',
        headers: { authorization: `Bearer ${JWT}`, accept: 'json' },
        text: 'my address',
        token: 't',
        client: { email: 'kim@example.com' },
      },
      'HTTP',
    );
    expect(records()[0]).toEqual({
      time: NOW.toISOString(),
      level: 'info',
      context: 'HTTP',
      message: 'request',
      route: '/dialogs',
      headers: { authorization: '[redacted]', accept: 'json' },
      text: '[redacted]',
      token: '[redacted]',
      client: { email: '[redacted]' },
    });
  });

  it('cuts bearer tokens, JWTs and URL passwords out of message texts and stacks', () => {
    const { logger, lines } = capture();
    logger.warn(`refused Authorization: Bearer abc.def-ghi for ${JWT}`, 'Auth');
    logger.log('using postgres://switchboard:hunter2@db:5432/app', 'Database');
    const failure = new Error(`bad token ${JWT}`);
    logger.error(failure, 'HTTP');
    const all = lines.join('\n');
    for (const secret of ['abc.def-ghi', JWT, 'hunter2', 'eyJ']) expect(all).not.toContain(secret);
    expect(all).toContain('Bearer [redacted]');
    expect(all).toContain('postgres://switchboard:[redacted]@db:5432/app');
  });

  it('drops what is below the level', () => {
    const { logger, records } = capture('json', 'warn');
    logger.debug('d', 'C');
    logger.log('i', 'C');
    logger.warn('w', 'C');
    logger.error('e', 'C');
    logger.fatal('f', 'C');
    expect(records().map((r) => r.level)).toEqual(['warn', 'error', 'fatal']);
  });

  it('writes readable lines in the pretty format', () => {
    const { logger, lines } = capture('pretty');
    withLogContext({ correlationId: 'corr-3' }, () => logger.log({ message: 'POST /dialogs 201', status: 201 }, 'HTTP'));
    expect(lines).toEqual(['2025-03-01T09:30:00.000Z INFO  [HTTP] POST /dialogs 201 status=201 correlationId=corr-3']);
  });
});
