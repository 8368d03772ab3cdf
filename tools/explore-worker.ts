// One share of the seeds of an exploration (see explore-parallel.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { exploreScenario, compileScenario } from '../src/engine/index.ts';
import { loadBundleOrExit } from './content-files.ts';

const job = workerData as { dir: string; scenario: string; seeds: number; part: { from: number; to: number } };
const bundle = loadBundleOrExit(job.dir);
const scenario = bundle.scenarios.find((s) => s.id === job.scenario)!;
parentPort!.postMessage(exploreScenario(compileScenario(scenario, bundle.shared), { seeds: job.seeds, part: job.part }));
