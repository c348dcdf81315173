import { envInt } from '../config/env';
import { providerFiles } from './discover';

/**
 * Loopback ports of the bundled mocks: MOCK_PORT_BASE is the mock server's control port, and each provider's
 * mock has the next ones, in the order of the providers' names.
 */
export function mockPortBase(): number {
  // Below Linux's ephemeral range (32768–60999), where an outgoing connection could hold a mock's port.
  return envInt('MOCK_PORT_BASE', 27300, 1024);
}

export function controlPort(): number {
  return mockPortBase();
}

export function mockPort(provider: string, names: readonly string[] = providerFiles().map((p) => p.name)): number {
  const index = names.indexOf(provider);
  if (index < 0) throw new Error(`no provider "${provider}" among ${names.join(', ')}`);
  return mockPortBase() + 1 + index;
}

export function mockUrl(provider: string, names?: readonly string[]): string {
  return `http://127.0.0.1:${mockPort(provider, names)}`;
}

/** The prefix under which a mock serves a fault mode with its own state: `<mock>/__fault/<fault>`. */
export function faultUrl(provider: string, fault: string, names?: readonly string[]): string {
  return `${mockUrl(provider, names)}/__fault/${fault}`;
}
