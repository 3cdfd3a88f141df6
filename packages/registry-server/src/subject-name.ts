/** Confluent's `QualifiedSubject.isValidSubject`: no control characters, not a reserved name. */
export function isValidSubject(subject: string): boolean {
  if (subject.length === 0) return false;
  if (subject === '__GLOBAL' || subject === '__EMPTY') return false;
  for (let i = 0; i < subject.length; i++) {
    const c = subject.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return false;
  }
  return true;
}
