import { OrderPlaced } from '@acme-events/order-placed';
import { EVENT_ID_HEADER, newEventId, readSchemaId, type Serde } from '@charter/serde';

/** A Kafka record as this example keeps it on disk: one JSON object per line, the value in base64. */
export interface StoredMessage {
  topic: string;
  key: string;
  /** Confluent wire format: magic byte, schema id, Avro binary. */
  value: string;
  headers: Record<string, string>;
}

export async function toMessage(serde: Serde, event: OrderPlaced): Promise<StoredMessage> {
  const value = await serde.serialize(OrderPlaced, event);
  return {
    topic: OrderPlaced.topic,
    key: event.orderId,
    value: value.toString('base64'),
    headers: { [EVENT_ID_HEADER]: newEventId() },
  };
}

/** The event in a message, resolved from the schema it was written with into this service's version. */
export async function fromMessage(
  serde: Serde,
  message: StoredMessage,
): Promise<{ event: OrderPlaced; writerSchemaId: number }> {
  const bytes = Buffer.from(message.value, 'base64');
  return { event: await serde.deserialize(OrderPlaced, bytes), writerSchemaId: readSchemaId(bytes) };
}
