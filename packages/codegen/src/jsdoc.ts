/** A JSDoc block (or nothing) from paragraphs; `*\/` in docs cannot end the comment early. */
export function jsdoc(paragraphs: readonly (string | undefined)[], indent = ''): string {
  const lines: string[] = [];
  for (const p of paragraphs) {
    if (p === undefined || p.trim() === '') continue;
    if (lines.length > 0) lines.push('');
    lines.push(...p.replaceAll('*/', '*\\/').trim().split('\n'));
  }
  if (lines.length === 0) return '';
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => (l ? `${indent} * ${l.trimEnd()}` : `${indent} *`)).join('\n')}\n${indent} */\n`;
}
