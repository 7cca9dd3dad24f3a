import { z } from 'zod';

/**
 * The one rule for text that crosses the boundary (API bodies and queries, forms), the same on
 * both engines. PostgreSQL cannot store a NUL at all, and SQLite stores it silently: a name with
 * an invisible NUL, escape sequence or bell prints differently in every tool that reads it. So
 * control characters are refused, never stripped, with a message naming the field.
 *
 * - `line`: one line of text (references, phone numbers): no control character at all.
 * - `multiline`: text typed in a text area (descriptions, notes): tab and line breaks allowed.
 * - `name`: a name that must be unique, which must also look unique: a line, and no zero-width
 *   or text-direction characters either, so that "Tools\u200B" cannot sit beside "Tools".
 */
export type TextKind = 'line' | 'multiline' | 'name';

/** Unicode Cc: C0 controls, DEL and C1 controls. */
const ANY_CONTROL = /\p{Cc}/u;
/** Cc except tab, line feed and carriage return. */
const CONTROL_EXCEPT_LINE_BREAKS = /[^\P{Cc}\t\n\r]/u;
/** Half of a UTF-16 surrogate pair without its other half: no encoding can store it. */
const LONE_SURROGATE = /\p{Cs}/u;
/**
 * Zero-width characters (U+200B-U+200D, U+2060, U+FEFF) and bidirectional controls (U+061C,
 * U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), except a zero-width joiner inside an emoji
 * sequence such as "👩‍🍳", where it is part of the picture and visible as such.
 */
const INVISIBLE = /[\u200B\u200C\u2060\uFEFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]|(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])\u200D|\u200D(?!\p{Extended_Pictographic})/u;

/** What is wrong with `text` as text of this kind, as a sentence starting with `label`; undefined when nothing is. */
export function textProblem(text: string, kind: TextKind, label: string): string | undefined {
  if (text.includes('\u0000')) return `${label} must not contain the NUL character`;
  if ((kind === 'multiline' ? CONTROL_EXCEPT_LINE_BREAKS : ANY_CONTROL).test(text)) {
    return kind === 'multiline'
      ? `${label} must not contain control characters`
      : `${label} must be one line without control characters (no tabs or line breaks)`;
  }
  if (LONE_SURROGATE.test(text)) return `${label} contains a broken character (half of a UTF-16 pair)`;
  if (kind === 'name' && INVISIBLE.test(text)) return `${label} must not contain invisible characters (zero-width or text-direction marks)`;
  return undefined;
}

/** A string schema that refuses what `textProblem` refuses, checked on the text as sent (before any trimming). */
export function plainTextSchema(kind: TextKind, label: string, typeMessage = `${label} must be text`) {
  return z.string({ message: typeMessage }).check((context) => {
    const problem = textProblem(context.value, kind, label);
    if (problem) context.issues.push({ code: 'custom', message: problem, input: context.value });
  });
}
