#!/usr/bin/env node
// order-service produce --registry URL --checkouts FILE.json --out FILE.jsonl
// order-service consume --registry URL --in FILE.jsonl     (one JSON line per event on stdout)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { OrderPlaced } from '@acme-events/order-placed';
import { Serde } from '@charter/serde';
import { type Checkout, orderPlaced } from './checkout.js';
import { eventJson } from './json.js';
import { fromMessage, type StoredMessage, toMessage } from './messages.js';
import { pickList } from './pick-list.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    registry: { type: 'string' },
    checkouts: { type: 'string' },
    out: { type: 'string' },
    in: { type: 'string' },
  },
});

/** The version of the contract package this service runs with. */
const contractVersion = (
  createRequire(import.meta.url)(`${OrderPlaced.package}/package.json`) as { version: string }
).version;

function usage(message: string): never {
  process.stderr.write(`order-service: ${message}\n`);
  process.exit(2);
}

const registry = values.registry ?? process.env.CHARTER_REGISTRY_URL ?? usage('--registry URL is required');
const serde = new Serde({ registry });

switch (positionals[0]) {
  case 'produce': {
    const checkouts = JSON.parse(
      readFileSync(values.checkouts ?? usage('--checkouts FILE'), 'utf8'),
    ) as Checkout[];
    const lines: string[] = [];
    for (const checkout of checkouts) {
      lines.push(JSON.stringify(await toMessage(serde, orderPlaced(checkout, new Date()))));
    }
    writeFileSync(values.out ?? usage('--out FILE'), `${lines.join('\n')}\n`);
    process.stdout.write(
      `${checkouts.length} OrderPlaced events written with ${OrderPlaced.package}@${contractVersion}\n`,
    );
    break;
  }
  case 'consume': {
    const text = readFileSync(values.in ?? usage('--in FILE'), 'utf8');
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      const { event, writerSchemaId } = await fromMessage(serde, JSON.parse(line) as StoredMessage);
      process.stdout.write(
        `${eventJson({ reader: contractVersion, writerSchemaId, pickList: pickList(event), event })}\n`,
      );
    }
    break;
  }
  default:
    usage('expected produce or consume');
}
