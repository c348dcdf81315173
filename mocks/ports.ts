import { envInt } from '../harness/config/env';

/** Loopback ports of the bundled mocks: MOCK_PORT_BASE + offset. One process serves all five. */
const OFFSETS = { control: 0, jupyter: 1, etherpad: 2, coviu: 3, webida: 4, g4: 5 } as const;
export type MockName = Exclude<keyof typeof OFFSETS, 'control'>;

export function mockPort(name: keyof typeof OFFSETS): number {
  // Below Linux's ephemeral range (32768–60999), where an outgoing connection could hold a mock's port.
  return envInt('MOCK_PORT_BASE', 27300, 1024) + OFFSETS[name];
}

export function mockUrl(name: keyof typeof OFFSETS): string {
  return `http://127.0.0.1:${mockPort(name)}`;
}

/** The prefix under which a mock serves a fault mode with its own state: `<mock>/__fault/<fault>`. */
export function faultUrl(name: MockName, fault: string): string {
  return `${mockUrl(name)}/__fault/${fault}`;
}
