import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS, backendTitle } from './support/backends.js';
import { nonDecreasing, World } from './support/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.dispose();
  world = undefined;
});

const COUNT = 10;

/** Produces o0..o9, runs a member until it crashes as `arm` scripts, then restarts and drains. */
async function crashAndRestart(w: World, arm: (w: World) => void): Promise<{ before: string | undefined }> {
  for (let i = 0; i < COUNT; i++) w.produce({ orderId: `o${i}`, amount: i });
  arm(w);
  const first = await w.start('first');
  await first.consumer.poll();
  expect(first.consumer.isRunning).toBe(false);
  // The dead process committed nothing to Kafka after the crash; its store is closed as the OS would.
  await w.close(first);
  const before = await w.nextOffset();
  w.hooks.onHandle = undefined;
  w.hooks.onDecode = undefined;
  w.hooks.onEvent = undefined;
  await w.start('second');
  await w.drain();
  return { before };
}

async function expectExactlyOnce(w: World): Promise<void> {
  const effects = await w.effects();
  expect(effects.map((e) => e.orderId)).toEqual(Array.from({ length: COUNT }, (_, i) => `o${i}`));
  expect(await w.nextOffset()).toBe(String(COUNT));
  expect(w.committed()).toBe(String(COUNT));
  expect(nonDecreasing(w.commitHistory())).toBe(true);
}

describe.each(BACKENDS)('crash before commit on $name', (backend) => {
  const title = backendTitle(backend);

  for (const chunkSize of [1, 4, 100]) {
    it.skipIf(backend.skip)(`${title}: (a) inside the DB transaction, chunkSize ${chunkSize}`, async () => {
      world = await World.create(backend, { chunkSize });
      const { before } = await crashAndRestart(world, (w) => {
        w.hooks.onHandle = (event, _ctx, member) => {
          if (event.orderId === 'o3') member.crash();
        };
      });
      // The transaction that held o3 rolled back with the process.
      expect(before).toBe(chunkSize === 1 ? '3' : undefined);
      await expectExactlyOnce(world);
    });

    it.skipIf(backend.skip)(
      `${title}: (b) after the DB commit, before resolveOffset, chunkSize ${chunkSize}`,
      async () => {
        world = await World.create(backend, { chunkSize });
        const { before } = await crashAndRestart(world, (w) => {
          w.hooks.onEvent = (event, member) => {
            if (event.type === 'applied' && event.offset === '3') member.crash();
          };
        });
        expect(before).toBe(chunkSize === 100 ? '10' : '4');
        expect(world.events.filter((e) => e.type === 'already-durable').length).toBe(Number(before));
        await expectExactlyOnce(world);
      },
    );

    it.skipIf(backend.skip)(
      `${title}: (c, d) mid-batch, after resolving earlier records and before the client commit, chunkSize ${chunkSize}`,
      async () => {
        world = await World.create(backend, { chunkSize });
        const { before } = await crashAndRestart(world, (w) => {
          w.hooks.onDecode = (message, member) => {
            if (message.offset === '8') member.crash();
          };
        });
        expect(before).toBe(chunkSize === 100 ? undefined : '8');
        await expectExactlyOnce(world);
      },
    );
  }
});
