import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The local Apache Avro oracles of ../shared/oracle (python3-avro 1.11.1, Avro Java 1.8.2). */
export const ORACLE_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'oracle');

const PYTHON = process.env.AVRO_PYTHON ?? '/usr/bin/python3';
const JAVA_LIBS = process.env.JAVA_LIBS ?? '/usr/share/java';
const JARS = [
  'avro',
  'jackson-core-asl',
  'jackson-mapper-asl',
  'commons-compress',
  'slf4j-api',
  'paranamer',
  'xz',
  'snappy-java',
  'avro-guava-dependencies',
  'guava',
].map((j) => join(JAVA_LIBS, `${j}.jar`));

export interface OraclePair {
  id: string;
  reader: unknown;
  writer: unknown;
}

export type Verdicts = Map<string, boolean | null>;

function works(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0;
}

export function pythonOracleAvailable(): boolean {
  return (
    existsSync(join(ORACLE_DIR, 'compat_oracle.py')) && works(PYTHON, ['-c', 'import avro.compatibility'])
  );
}

export function javaOracleAvailable(): boolean {
  return (
    existsSync(join(ORACLE_DIR, 'CompatOracle.java')) &&
    JARS.every((j) => existsSync(j)) &&
    works('javac', ['-version'])
  );
}

function parseVerdicts(stdout: string): Verdicts {
  const out: Verdicts = new Map();
  for (const line of stdout.split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as { id: string; compatible: boolean | null };
    out.set(o.id, o.compatible);
  }
  return out;
}

function jsonl(pairs: readonly OraclePair[]): string {
  return `${pairs.map((p) => JSON.stringify(p)).join('\n')}\n`;
}

export function runPythonOracle(pairs: readonly OraclePair[]): Verdicts {
  const r = spawnSync(PYTHON, [join(ORACLE_DIR, 'compat_oracle.py')], {
    input: jsonl(pairs),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`python oracle failed: ${r.stderr}`);
  return parseVerdicts(r.stdout);
}

export function runJavaOracle(pairs: readonly OraclePair[]): Verdicts {
  const classes = mkdtempSync(join(tmpdir(), 'compat-oracle-'));
  try {
    const cp = JARS.join(delimiter);
    execFileSync('javac', ['-cp', cp, '-d', classes, join(ORACLE_DIR, 'CompatOracle.java')], {
      stdio: 'pipe',
    });
    const r = spawnSync('java', ['-cp', `${cp}${delimiter}${classes}`, 'CompatOracle'], {
      input: jsonl(pairs),
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    if (r.status !== 0) throw new Error(`java oracle failed: ${r.stderr}`);
    return parseVerdicts(r.stdout);
  } finally {
    rmSync(classes, { recursive: true, force: true });
  }
}
