/**
 * Collects the functions and constants of one compiled codec and turns them into a closure with
 * `new Function`. Generated code is specialised per schema (one function per record, fields read and
 * written by name), which is what makes it faster than an interpreter walking the schema.
 */
export class SourceBuilder {
  private readonly constants: unknown[] = [];
  private readonly functions: string[] = [];
  private counter = 0;

  /** A name bound to `value` inside the generated code. */
  constant(value: unknown): string {
    this.constants.push(value);
    return `k${this.constants.length - 1}`;
  }

  /** A fresh function name with a readable prefix. */
  name(prefix: string): string {
    return `${prefix}${this.counter++}`;
  }

  define(name: string, params: string, body: string): void {
    this.functions.push(`function ${name}(${params}) {\n${body}\n}`);
  }

  /** Compiles everything into the function named `entry`. */
  build<F>(entry: string): F {
    const bindings = this.constants.map((_, i) => `const k${i} = K[${i}];`).join('\n');
    const source = `'use strict';\n${bindings}\n${this.functions.join('\n')}\nreturn ${entry};`;
    return new Function('K', source)(this.constants) as F;
  }

  /** The generated source, for debugging. */
  toString(): string {
    return this.functions.join('\n');
  }
}

/** A JavaScript string literal. */
export function lit(value: string): string {
  return JSON.stringify(value);
}
