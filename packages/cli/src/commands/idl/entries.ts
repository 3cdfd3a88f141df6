import type { CommandEntry } from '../index.js';

/** Commands of this area, merged into the command table by ../index.ts. */
export const ENTRIES: CommandEntry[] = [
  {
    name: 'idl',
    summary: "Compile an Avro IDL file to the protocol or schema JSON Avro's idl tool prints",
    load: () => import('./idl-command.js'),
  },
  {
    name: 'idl2schemata',
    summary: 'Write one .avsc file per named type of an Avro IDL file, as avro-tools idl2schemata',
    load: () => import('./idl2schemata-command.js'),
  },
];
