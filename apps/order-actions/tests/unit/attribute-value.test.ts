import fc from 'fast-check';
import { marshallItem, toAttributeValue, unmarshallItem } from '../../src/store';

describe('attribute value marshalling', () => {
  it('writes the DynamoDB JSON shapes', () => {
    expect(
      marshallItem({ s: 'x', n: 1.5, b: false, z: null, l: [1, 'a'], m: { k: 'v', gone: undefined } }),
    ).toEqual({
      s: { S: 'x' },
      n: { N: '1.5' },
      b: { BOOL: false },
      z: { NULL: true },
      l: { L: [{ N: '1' }, { S: 'a' }] },
      m: { M: { k: { S: 'v' } } },
    });
  });

  it('round-trips any JSON record (finite numbers)', () => {
    const json = fc
      .jsonValue({ depthSize: 'small' })
      .map((value) => JSON.parse(JSON.stringify(value)) as unknown);
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), (record) => {
        expect(unmarshallItem(marshallItem(record))).toEqual(record);
      }),
    );
  });

  it('keeps "__proto__" an ordinary key', () => {
    const record = JSON.parse('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    const back = unmarshallItem(marshallItem(record));
    expect(Object.keys(back)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses what the table does not store', () => {
    expect(() => toAttributeValue(Number.NaN)).toThrow(TypeError);
    expect(() => toAttributeValue(() => 1)).toThrow(TypeError);
    expect(() => unmarshallItem({ x: { SS: ['a'] } })).toThrow('unsupported attribute value type SS');
  });
});
