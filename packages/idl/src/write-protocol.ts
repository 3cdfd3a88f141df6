import {
  fieldToAvroJson,
  type JsonObject,
  type JsonValue,
  newWriteContext,
  type Properties,
  toAvroJson,
} from '@charter/schema';
import { setJsonKey } from './json-literal.js';
import type { IdlMessage, IdlProtocol } from './protocol.js';

function addProps(out: JsonObject, props: Properties): void {
  for (const [k, v] of props) setJsonKey(out, k, v);
}

/**
 * Avro Java's `Protocol.toJson`: `protocol`, `namespace`, `doc`, properties, `types` (each named type in
 * full at its first use, so types already written inline are skipped), then `messages`, all sharing one
 * set of written names.
 */
export function protocolToJson(protocol: IdlProtocol): JsonObject {
  const out: JsonObject = { protocol: protocol.name };
  if (protocol.namespace !== undefined) out.namespace = protocol.namespace;
  if (protocol.doc !== undefined) out.doc = protocol.doc;
  addProps(out, protocol.props);
  const ctx = newWriteContext(protocol.namespace);
  const types: JsonValue[] = [];
  for (const type of protocol.types) {
    if (!ctx.written.has(type.fullName)) types.push(toAvroJson(type, ctx));
  }
  out.types = types;
  const messages: JsonObject = {};
  for (const [name, message] of protocol.messages) setJsonKey(messages, name, messageToJson(message, ctx));
  out.messages = messages;
  return out;
}

function messageToJson(message: IdlMessage, ctx: ReturnType<typeof newWriteContext>): JsonObject {
  const out: JsonObject = {};
  if (message.doc !== undefined) out.doc = message.doc;
  addProps(out, message.props);
  out.request = message.request.map((f) => fieldToAvroJson(f, ctx));
  if (message.oneWay) {
    out.response = 'null';
    out['one-way'] = true;
  } else {
    out.response = toAvroJson(message.response, ctx);
    if (message.errors.length > 0) out.errors = message.errors.map((e) => toAvroJson(e, ctx));
  }
  return out;
}
