import { registerDecorator, type ValidationArguments } from 'class-validator';

/**
 * SPEC §9: names are plain text. Refused: control characters (NUL, C0 and C1, tab and newlines included), unpaired
 * surrogates (not text at all; they break UTF-8 in the database and in every export) and the bidirectional controls
 * (U+202A-U+202E overrides and embeddings, U+2066-U+2069 isolates, U+200E/U+200F/U+061C marks), which make a name
 * display as something other than what it is. Line and paragraph separators are refused with the controls.
 */
const UNSAFE = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/u;
// With the u flag a well-formed pair is one code point, so only a surrogate on its own matches.
const LONE_SURROGATE = /\p{Cs}/u;

export function unsafeTextReason(value: string): string | null {
  if (LONE_SURROGATE.test(value)) return 'must not contain unpaired surrogates';
  const match = UNSAFE.exec(value);
  if (!match) return null;
  const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `must not contain control or bidirectional formatting characters (found U+${code})`;
}

/** class-validator decorator for the rule above (strings only; the type is checked by IsString). */
export function IsSafeText(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isSafeText',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || unsafeTextReason(value) === null,
        defaultMessage: (args?: ValidationArguments) => `${args?.property} ${unsafeTextReason(String(args?.value)) ?? 'is not plain text'}`,
      },
    });
}
