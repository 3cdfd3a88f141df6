import { codeFrame, formatDiagnostic, LineIndex } from '@charter/diagnostics';
import { describe, expect, it } from 'vitest';

const source = 'protocol P {\n  record Order {\n    strng id;\n  }\n}\n';

describe('LineIndex', () => {
  it('maps offsets to 1-based lines and columns across \\n and \\r\\n', () => {
    const index = new LineIndex('ab\r\ncd\nef');
    expect(index.positionAt(0)).toEqual({ offset: 0, line: 1, column: 1 });
    expect(index.positionAt(4)).toEqual({ offset: 4, line: 2, column: 1 });
    expect(index.positionAt(8)).toEqual({ offset: 8, line: 3, column: 2 });
    expect(index.lineText(1)).toBe('ab');
  });
});

describe('formatDiagnostic', () => {
  it('prints file:line:col, severity, code, a code frame and the hint', () => {
    const start = source.indexOf('strng');
    const range = new LineIndex(source).rangeOf(start, start + 5);
    const text = formatDiagnostic(
      {
        code: 'IDL004',
        severity: 'error',
        message: 'undefined name: strng',
        file: 'a.avdl',
        range,
        hint: 'did you mean `string`?',
      },
      { source },
    );
    expect(text).toBe(
      [
        'a.avdl:3:5: error IDL004: undefined name: strng',
        '  1 | protocol P {',
        '  2 |   record Order {',
        '> 3 |     strng id;',
        '    |     ^^^^^',
        '  4 |   }',
        '  5 | }',
        '  hint: did you mean `string`?',
      ].join('\n'),
    );
  });

  it('marks every line of a multi-line range', () => {
    const index = new LineIndex(source);
    const frame = codeFrame(index, index.rangeOf(source.indexOf('record'), source.indexOf('id;')), {
      context: 0,
    });
    expect(frame.split('\n').filter((l) => l.startsWith('>'))).toHaveLength(2);
  });
});
