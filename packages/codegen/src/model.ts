import { isRecord, type NamedSchema, namedTypesOf, type RecordSchema } from '@charter/schema';
import type { Longs } from '@charter/serde';
import type { ContractSource } from './contract-source.js';
import { TypeNames } from './names.js';
import { TypeExpressions } from './type-expressions.js';

/** The naming and typing decisions for one event, shared by the module and README printers. */
export interface ContractModel {
  source: ContractSource;
  longs: Longs;
  types: NamedSchema[];
  names: TypeNames;
  expressions: TypeExpressions;
  /** Init type names of records that have one. */
  initNames: Map<RecordSchema, string>;
  /** Symbols-array constant names of enums. */
  symbolNames: Map<NamedSchema, string>;
  /** Name of the event's interface and contract constant. */
  eventName: string;
}

export function contractModel(source: ContractSource, longs: Longs): ContractModel {
  const types = namedTypesOf(source.schema);
  const names = new TypeNames(types);
  const records = types.filter(isRecord);
  const initNames = new Map<RecordSchema, string>();
  const expressions = new TypeExpressions(names, longs, records, initNames);
  for (const r of records) if (expressions.hasInit(r)) initNames.set(r, names.derived(`${names.of(r)}Init`));
  const symbolNames = new Map<NamedSchema, string>();
  for (const t of types) if (t.type === 'enum') symbolNames.set(t, names.derived(`${names.of(t)}Symbols`));
  return {
    source,
    longs,
    types,
    names,
    expressions,
    initNames,
    symbolNames,
    eventName: names.of(source.schema),
  };
}
