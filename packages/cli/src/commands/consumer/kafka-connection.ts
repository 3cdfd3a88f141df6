import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { KafkaPort } from '@charter/consumer';
import { type Diagnostic, DiagnosticError } from '@charter/diagnostics';
import { ConsumerCode } from './codes.js';

/** What a `--kafka-module` exports (default or `createKafka`): a kafkajs-shaped `Kafka`, e.g. with SASL. */
export type KafkaFactory = (options: {
  brokers: string[];
  clientId: string;
}) => KafkaPort | Promise<KafkaPort>;

export function noKafkaDiagnostic(): Diagnostic {
  return {
    code: ConsumerCode.NoKafka,
    severity: 'error',
    message: 'no Kafka cluster given',
    hint: 'pass --brokers host:port[,host:port] (or set CHARTER_KAFKA_BROKERS), or --kafka-module FILE',
  };
}

function moduleError(message: string, hint: string): DiagnosticError {
  return new DiagnosticError([{ code: ConsumerCode.KafkaModule, severity: 'error', message, hint }]);
}

async function importFactory(specifier: string, what: string): Promise<KafkaFactory> {
  let mod: { default?: unknown; createKafka?: unknown };
  try {
    mod = (await import(specifier)) as typeof mod;
  } catch (error) {
    throw moduleError(
      `cannot load ${what}: ${(error as Error).message}`,
      'check the path and that it is ESM',
    );
  }
  const factory = typeof mod.createKafka === 'function' ? mod.createKafka : mod.default;
  if (typeof factory !== 'function') {
    throw moduleError(
      `${what} exports no Kafka factory`,
      'export default (or export createKafka) a function ({ brokers, clientId }) => kafkajs Kafka',
    );
  }
  return factory as KafkaFactory;
}

/**
 * The cluster for a command: from `--kafka-module` (any kafkajs-shaped client, SASL/SSL included, or a
 * test double), else kafkajs resolved from the project (`npm i kafkajs`) with `--brokers`.
 */
export async function connectKafka(options: {
  cwd: string;
  brokers: string[];
  kafkaModule: string | undefined;
  clientId: string;
}): Promise<KafkaPort> {
  const { cwd, brokers, clientId } = options;
  if (options.kafkaModule) {
    const file = resolve(cwd, options.kafkaModule);
    const factory = await importFactory(pathToFileURL(file).href, options.kafkaModule);
    return factory({ brokers, clientId });
  }
  if (brokers.length === 0) throw new DiagnosticError([noKafkaDiagnostic()]);
  let entry: string;
  try {
    entry = createRequire(join(cwd, 'package.json')).resolve('kafkajs');
  } catch {
    throw moduleError(
      'kafkajs is not installed in this project',
      'npm install kafkajs@2.2.4, or pass --kafka-module FILE exporting a kafkajs-shaped client',
    );
  }
  type KafkaCtor = new (config: {
    clientId: string;
    brokers: string[];
    logLevel: number;
    retry: { retries: number; initialRetryTime: number };
  }) => KafkaPort;
  const kafkajs = (await import(pathToFileURL(entry).href)) as {
    Kafka?: KafkaCtor;
    default?: { Kafka?: KafkaCtor };
  };
  const Kafka = kafkajs.Kafka ?? kafkajs.default?.Kafka;
  if (!Kafka) throw moduleError(`${entry} does not export Kafka`, 'install kafkajs 2.x');
  // Quiet (failures become one diagnostic) and quick to give up on unreachable brokers.
  return new Kafka({ clientId, brokers, logLevel: 0, retry: { retries: 2, initialRetryTime: 200 } });
}
