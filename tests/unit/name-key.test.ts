import { describe, expect, it } from 'vitest';
import { nameKey } from '@/lib/name-key';

describe('nameKey: NFC plus case folding, the uniqueness key of names', () => {
  it('folds case and composes accents, whatever form they were typed in', () => {
    const forms = ['Épicerie', 'ÉPICERIE', 'épicerie', 'E\u0301picerie', 'e\u0301PICERIE'];
    expect(new Set(forms.map(nameKey))).toEqual(new Set(['épicerie']));
    expect(nameKey('E\u0301')).toBe('\u00e9');
  });

  it('folds as full case folding does beyond ASCII, where toLowerCase alone would not', () => {
    expect(nameKey('Straße')).toBe(nameKey('STRASSE'));
    expect(nameKey('GROẞ')).toBe(nameKey('gross'));
    expect(nameKey('ﬁsh')).toBe(nameKey('FISH'));
    expect(nameKey('\u212a')).toBe('k');
    expect(nameKey('ΣΊΣΥΦΟΣ')).toBe(nameKey('σίσυφοσ'));
    expect(nameKey('Ǆ')).toBe(nameKey('ǅ'));
  });

  it('keeps different names apart: accents, compatibility forms and spacing still count', () => {
    expect(nameKey('Epicerie')).not.toBe(nameKey('Épicerie'));
    expect(nameKey('ＡＢＣ')).not.toBe(nameKey('ABC'));
    expect(nameKey('Tools')).not.toBe(nameKey('Tool s'));
  });

  it('is idempotent and leaves ASCII as lower case', () => {
    for (const name of ['Back-Room_1.A', 'Épicerie fine', 'Straße', 'İstanbul']) expect(nameKey(nameKey(name))).toBe(nameKey(name));
    expect(nameKey('MAIN-01.b')).toBe('main-01.b');
  });
});
