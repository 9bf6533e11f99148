import { banBody, isWholeReference, normaliseReference } from './ban-body';

describe('ban dialog values', () => {
  it('reads a reference as typed or pasted from a mail', () => {
    expect(normaliseReference('50f20d10')).toBe('50F20D10');
    expect(normaliseReference('依頼 50F2 0D10')).toBe('50F20D10');
    expect(normaliseReference(' #50F20D10 ')).toBe('50F20D10');
    expect(normaliseReference('   ')).toBe('');
  });

  it('takes only a whole reference (the API would also find requests by its start)', () => {
    expect(isWholeReference('50F20D10')).toBe(true);
    expect(isWholeReference('50F20D')).toBe(false);
    expect(isWholeReference('ZZZZZZZZ')).toBe(false);
  });

  it('sends exactly one of hospitalId or requestId, with the reason trimmed', () => {
    expect(banBody({ kind: 'hospital', hospitalId: 'h1', requestId: 'r1', reason: ' 相性 \n' })).toEqual({
      hospitalId: 'h1',
      reason: '相性',
    });
    expect(banBody({ kind: 'patient', hospitalId: 'h1', requestId: 'r1', reason: '患者の希望' })).toEqual({
      requestId: 'r1',
      reason: '患者の希望',
    });
  });
});
