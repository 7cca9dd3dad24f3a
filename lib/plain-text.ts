import { z } from 'zod';

/**
 * The one rule for text that crosses the boundary (API bodies and queries, forms), the same on
 * both engines. PostgreSQL cannot store a NUL at all, and SQLite stores it silently: a name with
 * an invisible NUL, escape sequence or bell prints differently in every tool that reads it. So
 * control characters are refused, never stripped, with a message naming the field.
 *
 * - `line`: one line of text (references, phone numbers): no control character at all.
 * - `multiline`: text typed in a text area (descriptions, notes): tab and line breaks allowed.
 * - `name`: a name that must be unique, which must also look unique: a line, and no hidden
 *   characters either, so that "Tools\u200B" cannot sit beside "Tools".
 */
export type TextKind = 'line' | 'multiline' | 'name';

/** Unicode Cc: C0 controls, DEL and C1 controls. */
const ANY_CONTROL = /\p{Cc}/u;
/** Cc except tab, line feed and carriage return. */
const CONTROL_EXCEPT_LINE_BREAKS = /[^\P{Cc}\t\n\r]/u;
/** Half of a UTF-16 surrogate pair without its other half: no encoding can store it. */
const LONE_SURROGATE = /\p{Cs}/u;
/**
 * Characters a renderer hides (Unicode's Default_Ignorable_Code_Point: zero-width spaces and
 * joiners, text-direction marks, the soft hyphen, Hangul fillers, invisible operators, ...),
 * except where they are part of something visible: a zero-width joiner inside an emoji
 * sequence such as "👩‍🍳", a variation selector right after the character it restyles ("❤️",
 * ideographic variants), and tag characters completing a subdivision flag ("🏴󠁧󠁢󠁥󠁮󠁧󠁿").
 */
const HIDDEN = /\p{Default_Ignorable_Code_Point}/gu;
const ZERO_WIDTH_JOINER = '\u200D';
const EMOJI_BEFORE_JOINER = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]$/u;
const EMOJI_AFTER_JOINER = /^\p{Extended_Pictographic}/u;
const VARIATION_SELECTOR = /^[\u180B-\u180D\u180F\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;
const VISIBLE_LAST = /[^\p{Default_Ignorable_Code_Point}\s]$/u;
const TAG = /^[\u{E0020}-\u{E007F}]$/u;
const FLAG_TAGS_BEFORE = /\u{1F3F4}[\u{E0020}-\u{E007E}]*$/u;

function hidesSomething(text: string): boolean {
  for (const match of text.matchAll(HIDDEN)) {
    const hidden = match[0];
    const before = text.slice(0, match.index);
    const after = text.slice(match.index + hidden.length);
    if (hidden === ZERO_WIDTH_JOINER && EMOJI_BEFORE_JOINER.test(before) && EMOJI_AFTER_JOINER.test(after)) continue;
    if (VARIATION_SELECTOR.test(hidden) && VISIBLE_LAST.test(before)) continue;
    if (TAG.test(hidden) && FLAG_TAGS_BEFORE.test(before)) continue;
    return true;
  }
  return false;
}

/** What is wrong with `text` as text of this kind, as a sentence starting with `label`; undefined when nothing is. */
export function textProblem(text: string, kind: TextKind, label: string): string | undefined {
  if (text.includes('\u0000')) return `${label} must not contain the NUL character`;
  if ((kind === 'multiline' ? CONTROL_EXCEPT_LINE_BREAKS : ANY_CONTROL).test(text)) {
    return kind === 'multiline'
      ? `${label} must not contain control characters`
      : `${label} must be one line without control characters (no tabs or line breaks)`;
  }
  if (LONE_SURROGATE.test(text)) return `${label} contains a broken character (half of a UTF-16 pair)`;
  if (kind === 'name' && hidesSomething(text)) return `${label} must not contain invisible characters (zero-width or text-direction marks, soft hyphens, fillers)`;
  return undefined;
}

/** A string schema that refuses what `textProblem` refuses, checked on the text as sent (before any trimming). */
export function plainTextSchema(kind: TextKind, label: string, typeMessage = `${label} must be text`) {
  return z.string({ message: typeMessage }).check((context) => {
    const problem = textProblem(context.value, kind, label);
    if (problem) context.issues.push({ code: 'custom', message: problem, input: context.value });
  });
}
