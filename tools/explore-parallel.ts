// Runs exploreScenario on every core, each worker taking a share of the seeds,
// and merges the parts: the report equals a single-threaded run. Used by the
// explore CLI and the benchmark; the engine itself stays single-threaded and pure.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { mergeExploreReports, type ExploreReport } from '../src/engine/index.ts';

export interface ParallelExplore {
  dir: string;
  scenario: string;
  seeds: number;
  threads?: number;
}

const WORKER = new URL('./explore-worker.mjs', import.meta.url);

export async function exploreInParallel(job: ParallelExplore): Promise<ExploreReport> {
  const threads = Math.max(1, Math.min(job.threads ?? availableParallelism(), job.seeds));
  const size = Math.ceil(job.seeds / threads);
  const parts = Array.from({ length: threads }, (_, i) => ({ from: i * size + 1, to: Math.min(job.seeds, (i + 1) * size) })).filter((p) => p.from <= p.to);
  const reports = await Promise.all(
    parts.map(
      (part) =>
        new Promise<ExploreReport>((resolve, reject) => {
          // Workers do not inherit tsx's loader: explore-worker.mjs registers it again.
          const worker = new Worker(WORKER, { workerData: { ...job, part } });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`explore worker exited with ${code}`)));
        }),
    ),
  );
  return mergeExploreReports(reports);
}
