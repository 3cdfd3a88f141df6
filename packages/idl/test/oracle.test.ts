import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { compileIdlFile } from '@charter/idl';
import { isJsonObject, type JsonValue, parseJsonWithPositions, stringifyJson } from '@charter/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempTree } from './helpers.js';

// Differential tests against Apache Avro's Java IDL compiler as Debian ships it (1.8.2, via
// ../shared/oracle/idl-oracle). The inputs only use what 1.8.2 does the same way as 1.12: no schema
// mode, forward references, T?, hex/octal numbers, octal escapes, dotted annotation names, annotated
// messages returning named types, or `*`-prefixed doc comments.
const oracle = resolve(import.meta.dirname, '../../../../shared/oracle/idl-oracle');
const haveJava = ['/usr/bin/java', '/usr/share/java/avro-compiler.jar'].every((p) => existsSync(p));
const available = existsSync(oracle) && haveJava;
const reason = !existsSync(oracle) ? '../shared/oracle is absent' : 'Java or libavro-compiler-java is absent';

const FILES: Record<string, string> = {
  'kitchen.avdl': `/** Kitchen sink. */
@version("2.1") @namespace("org.example.k")
protocol Kitchen {
  /** Colours. */
  @aliases(["org.old.Colour"])
  enum Colour { RED, GREEN, BLUE }
  fixed Hash(16);
  @namespace("org.example.other") fixed Other(4);
  error Oops { string message; int code = -1; }
  error Worse { Colour colour; }
  /** A record. */
  @java-class("x.Y")
  record Thing {
    /** The name. */ string @order("descending") name = "a\\tb\\n\\"c\\" \\u00e9 \\\\ \\' \\b\\f\\r";
    long count = 9223372036854775807;
    long negative = -16;
    long big = 3000000000;
    double ratio = -1.0e12;
    double half = .5;
    float f = 1e3;
    boolean flag = false;
    bytes raw = "\\u0000\\u00ff";
    union { null, string } maybe = null;
    array<Colour> colours = ["RED", "BLUE"];
    map<array<int>> grid = {"a": [1, 2], "b": []};
    Hash hash = "0000000000000000";
    org.example.other.Other other;
    @foo("x") long annotated;
    @logicalType("timestamp-millis") long ts;
    date day;
    time_ms time;
    timestamp_ms stamp;
    decimal(9, 2) amount;
    int @aliases(["old_a", "older_a"]) a = 1, b = 2;
    Thing \`record\`;
  }
  @namespace("org.example.other")
  record Elsewhere { org.example.k.Thing thing; Other o; }
  /** Say hi. */
  @prop("v") string hello(string greeting, int times = 3);
  Thing echo(Thing thing, org.example.other.Elsewhere e) throws Oops, Worse;
  void \`error\`();
  void fire(long at) oneway;
}
`,
  'imports.avdl': `@namespace("app")
protocol App {
  import idl "lib/common.avdl";
  import protocol "lib/remote.avpr";
  import schema "lib/point.avsc";
  record Shape { array<geo.Point> points; common.Meta meta; }
  common.Meta describe(Shape s);
}
`,
  'lib/common.avdl': `@namespace("common")
protocol Common {
  record Meta { string owner; map<string> tags = {}; }
  void audit(string who) oneway;
}
`,
  'lib/remote.avpr': `{"protocol": "Remote", "namespace": "app",
 "types": [{"type": "enum", "name": "Mode", "symbols": ["ON", "OFF"]},
           {"type": "record", "name": "Status", "fields": [{"name": "mode", "type": "Mode"}]}],
 "messages": {"status": {"request": [{"name": "id", "type": "long"}], "response": "Status"}}}
`,
  'lib/point.avsc': `{"type": "record", "name": "Point", "namespace": "geo",
 "fields": [{"name": "x", "type": "double", "default": 0.0}, {"name": "y", "type": "double"}]}
`,
  'recursion.avdl': `protocol Trees {
  record Leaf { string value; }
  record Node {
    union { null, Node } parent = null;
    array<Node> children = [];
    union { Leaf, Node } first;
    map<Node> byName;
  }
  record Forest { array<Node> trees; double nan = NaN; float neg = -Infinity; }
}
`,
  'docs.avdl': `/** One protocol. */
protocol Docs {
  /** A record. */
  record R {
    /** Field a. */ int a;
    string /** Only b. */ b;
    /** Default doc. */ long c;
  }
  /** A message. */
  void m(/** The param. */ int p);
}
`,
};

/** Compact JSON with doubles kept, so key order and int-versus-float are compared as Avro's test does. */
function normalise(value: JsonValue): string {
  if (isJsonObject(value) && value.namespace === null) {
    // Avro 1.8.2 writes "namespace": null for a protocol without one; 1.12 leaves the key out.
    const { namespace: _dropped, ...rest } = value;
    return stringifyJson(rest);
  }
  return stringifyJson(value);
}

describe.skipIf(!available)(
  `differential tests against Avro Java 1.8.2 (${available ? oracle : `skipped: ${reason}`})`,
  () => {
    const dir = available ? tempTree(FILES) : '';
    const expected = new Map<string, string>();

    beforeAll(async () => {
      const run = promisify(execFile);
      const inputs = Object.keys(FILES).filter((f) => f.endsWith('.avdl') && !f.startsWith('lib/'));
      await Promise.all(
        inputs.map(async (name) => {
          const { stdout } = await run(oracle, [join(dir, name)], { encoding: 'utf8' });
          const parsed = parseJsonWithPositions(stdout);
          if (parsed.value === undefined) throw new Error(`oracle output for ${name} is not JSON`);
          expected.set(name, normalise(parsed.value));
        }),
      );
    }, 120_000);

    for (const name of ['kitchen.avdl', 'imports.avdl', 'recursion.avdl', 'docs.avdl']) {
      it(`${name} compiles to what Avro Java prints`, () => {
        const result = compileIdlFile(join(dir, name));
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(normalise(result.json!)).toBe(expected.get(name));
      });
    }
  },
);
