import { ProblemError } from '../errors/problem';
import { resumePosition } from './resume-position';

describe('where an event stream resumes', () => {
  it('after Last-Event-ID when there is one, else after from, else from the start', () => {
    expect(resumePosition('42', '7')).toBe(42n);
    expect(resumePosition(undefined, '7')).toBe(7n);
    expect(resumePosition('', '7')).toBe(7n);
    expect(resumePosition(undefined, undefined)).toBeUndefined();
  });

  it('refuses a Last-Event-ID that is no position, naming the header', () => {
    for (const wrong of ['abc', '-1', '1.5', '99999999999999999999', ['1', '2']]) {
      let error: unknown;
      try {
        resumePosition(wrong, undefined);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(ProblemError);
      expect((error as ProblemError).toProblem()).toMatchObject({ status: 400, errors: [{ field: 'Last-Event-ID' }] });
    }
  });
});
