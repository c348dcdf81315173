import { config as loadDotenv } from 'dotenv';
import { resolve } from 'node:path';

/** A setting is wrong or missing: reported once, at the start, never as a hundred failing tests. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

let loaded = false;

/** Loads `.env` from the project root once. Variables already set in the environment win. */
export function loadEnv(): NodeJS.ProcessEnv {
  if (!loaded) {
    loadDotenv({ path: resolve(__dirname, '../../.env'), quiet: true });
    loaded = true;
  }
  return process.env;
}

export function envString(name: string): string | undefined {
  const v = loadEnv()[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

/** An http(s) URL, checked for a scheme and a host so a typo fails at the start. */
export function envUrl(name: string): string | undefined {
  const v = envString(name);
  if (v === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new ConfigError(`${name}="${v}" is not a URL; expected e.g. http://127.0.0.1:8888`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name}="${v}" must start with http:// or https://`);
  }
  if (url.username || url.password) throw new ConfigError(`${name} must not carry credentials; use the provider's secret variables`);
  return v.replace(/\/+$/, '');
}

export function envInt(name: string, fallback: number, min = 0): number {
  const v = envString(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name}="${v}" must be an integer ≥ ${min}`);
  return n;
}
