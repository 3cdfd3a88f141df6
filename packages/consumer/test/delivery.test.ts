import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS, backendTitle } from './support/backends.js';
import { World } from './support/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

describe.each(BACKENDS)('delivery on $name', (backend) => {
  const title = backendTitle(backend);

  it.skipIf(backend.skip)(
    `${title}: applies each event once, resolves in order and commits the end`,
    async () => {
      world = await World.create(backend, { chunkSize: 4, maxBatchSize: 10 });
      for (let i = 0; i < 25; i++) world.produce({ orderId: `o${i}`, amount: i });
      await world.start();
      await world.drain();
      const effects = await world.effects();
      expect(effects.map((e) => e.orderId)).toEqual(Array.from({ length: 25 }, (_, i) => `o${i}`));
      expect(await world.nextOffset()).toBe('25');
      expect(world.committed()).toBe('25');
      const ledger = await world.ledger();
      expect(ledger).toHaveLength(25);
      expect(ledger.every((r) => r.outcome === 'applied')).toBe(true);
    },
  );

  it.skipIf(backend.skip)(`${title}: per-record mode (chunkSize 1) gives the same outcome`, async () => {
    world = await World.create(backend, { chunkSize: 1, maxBatchSize: 7 });
    for (let i = 0; i < 12; i++) world.produce({ orderId: `o${i}`, amount: i });
    await world.start();
    await world.drain();
    expect((await world.effects()).map((e) => e.offset)).toEqual(
      Array.from({ length: 12 }, (_, i) => String(i)),
    );
    expect(await world.nextOffset()).toBe('12');
    expect(world.committed()).toBe('12');
  });
});
