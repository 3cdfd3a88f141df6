// Writes a synthetic Avro IDL protocol for the IDL benchmark. Deterministic: the same arguments give the
// same file. Only uses what avsc 5.7 and Avro Java 1.8.2 also accept (types declared before use, decimal
// as annotations, explicit unions), so all three compilers can be timed on the same input.
//   node bench/idl/generate.mjs OUT.avdl [records=500] [fieldsPerRecord=10]
import { writeFileSync } from 'node:fs';

/** The IDL text of a protocol with `records` records of `fieldsPerRecord` fields each. */
export function generateIdl(records = 500, fieldsPerRecord = 10) {
  const enums = Math.max(1, Math.floor(records / 10));
  const fixeds = Math.max(1, Math.floor(records / 50));
  const out = [];
  out.push('/** Synthetic benchmark protocol. */');
  out.push('@namespace("bench.synthetic")');
  out.push('protocol Synthetic {');
  for (let e = 0; e < enums; e++) {
    out.push(`  /** Status values, set ${e}. */`);
    out.push(
      `  enum Status${e} { ${Array.from({ length: 4 + (e % 5) }, (_, s) => `S${e}_${s}`).join(', ')} }`,
    );
  }
  for (let f = 0; f < fixeds; f++) out.push(`  fixed Hash${f}(${16 + (f % 4) * 4});`);
  for (let r = 0; r < records; r++) {
    const earlier = r > 0 ? `Entity${(r * 7) % r}` : undefined;
    out.push(`  /** Entity number ${r}. */`);
    if (r % 9 === 0) out.push(`  @aliases(["OldEntity${r}"])`);
    out.push(`  record Entity${r} {`);
    for (let k = 0; k < fieldsPerRecord; k++) {
      const n = `f${k}`;
      switch ((r + k) % 12) {
        case 0:
          out.push(`    /** Identifier ${k}. */ string ${n};`);
          break;
        case 1:
          out.push(`    long ${n} = ${r * 1000 + k};`);
          break;
        case 2:
          out.push(`    Status${(r + k) % enums} ${n};`);
          break;
        case 3:
          out.push(`    union { null, string } ${n} = null;`);
          break;
        case 4:
          out.push(earlier ? `    union { null, ${earlier} } ${n} = null;` : `    int ${n} = -1;`);
          break;
        case 5:
          out.push(`    array<string> ${n} = [];`);
          break;
        case 6:
          out.push(`    map<long> ${n};`);
          break;
        case 7:
          out.push(earlier ? `    array<${earlier}> ${n};` : `    array<int> ${n};`);
          break;
        case 8:
          out.push(`    timestamp_ms ${n};`);
          break;
        case 9:
          out.push(`    @logicalType("decimal") @precision(12) @scale(3) bytes ${n};`);
          break;
        case 10:
          out.push(`    double ${n} = ${k}.5;`);
          break;
        default:
          out.push(`    Hash${(r + k) % fixeds} ${n};`);
      }
    }
    out.push('  }');
  }
  out.push('  error Failure { string message; int code = 500; }');
  for (let m = 0; m < 10; m++) {
    const r = Math.floor((m * records) / 10);
    out.push(`  /** Operation ${m}. */`);
    out.push(`  Entity${r} op${m}(string key, Entity${r} value, long version = 0) throws Failure;`);
  }
  out.push('  void ping() oneway;');
  out.push('}');
  return `${out.join('\n')}\n`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [outFile, records = '500', fields = '10'] = process.argv.slice(2);
  if (!outFile) {
    console.error('usage: node bench/idl/generate.mjs OUT.avdl [records] [fieldsPerRecord]');
    process.exit(2);
  }
  writeFileSync(outFile, generateIdl(Number(records), Number(fields)));
}
