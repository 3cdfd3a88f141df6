/** Avro Java's default name rule: a letter or `_`, then letters, digits or `_` (Unicode letters allowed). */
const NAME = /^[\p{L}_][\p{L}\p{Nd}_]*$/u;

export function isValidName(name: string): boolean {
  return NAME.test(name);
}

const validNamespaces = new Map<string, boolean>();

export function isValidNamespace(namespace: string): boolean {
  let valid = validNamespaces.get(namespace);
  if (valid === undefined) {
    valid = namespace === '' || namespace.split('.').every(isValidName);
    if (validNamespaces.size < 10_000) validNamespaces.set(namespace, valid);
  }
  return valid;
}

export interface QualifiedName {
  name: string;
  namespace: string | undefined;
  fullName: string;
}

/**
 * Splits a name as Avro does: a dotted name carries its own namespace; otherwise the given namespace
 * (or the enclosing one) applies. An empty namespace is the null namespace.
 */
export function qualifyName(name: string, namespace: string | undefined): QualifiedName {
  const dot = name.lastIndexOf('.');
  if (dot >= 0) {
    const space = name.slice(0, dot);
    const simple = name.slice(dot + 1);
    return {
      name: simple,
      namespace: space === '' ? undefined : space,
      fullName: space === '' ? simple : name,
    };
  }
  const space = namespace === '' ? undefined : namespace;
  return { name, namespace: space, fullName: space === undefined ? name : `${space}.${name}` };
}

/** The name as written relative to `namespace`: the simple name when the namespace matches. */
export function relativeName(fullName: string, namespace: string | undefined): string {
  const dot = fullName.lastIndexOf('.');
  if (dot < 0) return fullName;
  return fullName.slice(0, dot) === namespace ? fullName.slice(dot + 1) : fullName;
}

export function namespaceOf(fullName: string): string | undefined {
  const dot = fullName.lastIndexOf('.');
  return dot < 0 ? undefined : fullName.slice(0, dot);
}

export function simpleNameOf(fullName: string): string {
  return fullName.slice(fullName.lastIndexOf('.') + 1);
}
