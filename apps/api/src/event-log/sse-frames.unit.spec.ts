import { eventFrame, progressFrame } from './sse-frames';

describe('server-sent event frames', () => {
  it('put one event on one data line, line breaks in its text included', () => {
    const frame = eventFrame({
      id: 'e-1',
      type: 'MessageSent',
      streamId: 'dialog-1',
      revision: '3',
      position: '9007199254740993',
      data: { text: 'first\nsecond\r\nthird' },
      metadata: {},
      recordedAt: '2025-01-01T00:00:00.000Z',
    });
    const lines = frame.split('\n');
    expect(lines.slice(0, 2)).toEqual(['id: 9007199254740993', 'event: MessageSent']);
    expect(lines[2]).toMatch(/^data: \{/);
    expect(lines.slice(3)).toEqual(['', '']);
    expect(JSON.parse(lines[2].slice('data: '.length))).toMatchObject({ data: { text: 'first\nsecond\r\nthird' } });
  });

  it('tell progress by an id alone, which a client keeps without dispatching an event', () => {
    expect(progressFrame('9007199254740993')).toBe('id: 9007199254740993\n\n');
  });
});
