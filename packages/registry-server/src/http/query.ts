/** Query parameters, parsed only when a handler asks. Booleans are JAX-RS booleans: only `true` is true. */
export class Query {
  private params: URLSearchParams | undefined;

  constructor(private readonly search: string) {}

  private get all(): URLSearchParams {
    this.params ??= new URLSearchParams(this.search);
    return this.params;
  }

  get(name: string): string | undefined {
    if (this.search === '') return undefined;
    return this.all.get(name) ?? undefined;
  }

  getAll(name: string): string[] {
    return this.search === '' ? [] : this.all.getAll(name);
  }

  flag(name: string): boolean {
    return this.get(name)?.trim().toLowerCase() === 'true';
  }

  int(name: string, fallback: number): number {
    const value = this.get(name);
    if (value === undefined || !/^-?[0-9]+$/.test(value.trim())) return fallback;
    return Number(value);
  }

  page(defaultLimit = -1): { offset: number; limit: number } {
    return { offset: this.int('offset', 0), limit: this.int('limit', defaultLimit) };
  }
}
