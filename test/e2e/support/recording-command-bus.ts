/**
 * Stands in for the CommandBus to check the edge alone: what it sends, and how it renders what
 * comes back. The real handlers are tested with the write side.
 */
export class RecordingCommandBus {
  readonly sent: object[] = [];
  private answer: (command: object) => unknown = () => {
    throw new Error('RecordingCommandBus: no answer set');
  };

  /** The next commands resolve with `result` (a function receives the command). */
  respondWith(result: unknown | ((command: object) => unknown)): void {
    this.answer = typeof result === 'function' ? (result as (command: object) => unknown) : () => result;
  }

  /** The next commands fail with `error`. */
  failWith(error: unknown): void {
    this.answer = () => {
      throw error;
    };
  }

  /** Called by CqrsModule at bootstrap with the handlers it found; there are none to bind. */
  register(): void {}

  async execute(command: object): Promise<unknown> {
    this.sent.push(command);
    return this.answer(command);
  }

  last<T extends object>(type: abstract new (...args: never[]) => T): T {
    const command = this.sent[this.sent.length - 1];
    expect(command).toBeInstanceOf(type);
    return command as T;
  }
}
