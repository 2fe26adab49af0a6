import { answerFromJson, answerToJson } from './answer-json';

describe('answer JSON', () => {
  it('keeps bigints exact wherever they sit, and nulls as nulls', () => {
    const answer = { revision: 9007199254740993n, position: null, results: [{ result: { position: 12n } }], eventTypes: ['X'] };
    expect(answerFromJson(JSON.parse(answerToJson(answer)))).toEqual(answer);
  });
});
