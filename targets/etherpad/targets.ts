import type { RealTarget } from '../types';
import { etherpadLauncher, ETHERPAD_BASELINE, ETHERPAD_VERSION } from './launcher';

/** Etherpad from npm, pinned. */
export const targets: readonly RealTarget[] = [
  { ...etherpadLauncher, id: ETHERPAD_BASELINE, provider: 'etherpad', version: ETHERPAD_VERSION, baseline: ETHERPAD_BASELINE },
];
