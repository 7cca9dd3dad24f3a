import { describe, expect, it } from 'vitest';
import { optionalTextSchema } from '@/lib/inventory/schema-parts';

describe('optionalTextSchema', () => {
  const notes = optionalTextSchema('Notes', 10);

  it('counts a line break as one character, however the browser sent it', () => {
    expect(notes.parse('abcd\r\nefgh\r\n')).toBe('abcd\nefgh');
    expect(notes.parse('a\r\nb\rc\nd\r\ne')).toBe('a\nb\nc\nd\ne');
  });

  it('still refuses text past the limit, and stores blank text as null', () => {
    expect(notes.safeParse('0123456789X').success).toBe(false);
    expect(notes.parse('   ')).toBeNull();
    expect(notes.parse(undefined)).toBeNull();
  });
});
