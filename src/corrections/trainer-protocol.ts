// The messages between the server and its trainer process.
import type { ModelFileT } from '../core/model/model-file.js';
import type { TeachingCorrection } from './teaching.js';

export interface TrainJob {
  readonly id: number;
  readonly dataDir: string;
  readonly cacheDir: string | null;
  /** The catalog the server answers from: the trainer refuses to train against another. */
  readonly catalogVersion: string;
  readonly set: readonly TeachingCorrection[];
}

export type TrainReply =
  | { readonly id: number; readonly ok: true; readonly model: ModelFileT; readonly source: 'cache' | 'trained'; readonly ms: number; readonly cpuMs: number }
  | { readonly id: number; readonly ok: false; readonly message: string };
