import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningRegistry, startRegistryServer } from '@charter/registry-server';

/** A real registry on 127.0.0.1 over a temporary directory. */
export async function tempRegistry(): Promise<{ registry: RunningRegistry; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'charter-cli-registry-'));
  const registry = await startRegistryServer({ dataDir: dir, port: 0, quiet: true });
  return {
    registry,
    async close() {
      await registry.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const projects: string[] = [];

/** Removes the directories `tempProject` made. */
export function removeTempProjects(): void {
  for (const dir of projects.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A project directory from file contents (remove with `removeTempProjects`). */
export function tempProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'charter-cli-project-'));
  projects.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

export async function getJson(url: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url);
  return { status: res.status, json: await res.json() };
}
