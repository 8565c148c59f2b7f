// Headless entry point. Exit codes: 0 success, 1 a step or gate failed / a file was rejected,
// 2 invalid pipeline or bad usage.
// Each command is imported when it runs, so a command loads only what it needs: `validate` must
// not pay for the runner, ONNX or DuckDB (start-up bar: under 0.5 s, bench/cli-start.bench.ts).
import { UserError } from '../../engine/errors';
import { CliError } from './cli-error';

const USAGE = `Usage: pipeworks <command>

  setup                                   migrate the database and seed the sample project
  user add --email E --role R [--name N]  add a user; the password is read from stdin
  validate <pipeline.json> [--json]       print every compile issue (exit 2 when invalid)
  nodes [--json]                          list the node types
  nodes describe <type>[@version] [--json]
                                          ports, params (type, default, allowed values, description)
                                          and an example node to paste into a pipeline file
  run <pipeline.json> [--json] [--base N] [--gate]
                                          run on the server runner (exit 0 ok, 1 failed, 2 invalid or
                                          in conflict with edits saved since version N); --json gives
                                          each step's artifacts, metrics and gates; --gate prints every
                                          gate and exits 1 when any failed (data validation, schema,
                                          model quality, deploy), even one set to only report
  export <pipeline>... | --all [--out FILE|DIR] [--version N] [--schema PATH]
                                          pipelines as files for git: <id>.json each, readable JSON
                                          in a fixed key order (one pipeline without --out: stdout);
                                          --schema PATH adds "$schema" for editors
  import <file.json>... [--project P] [--base N]
                                          pipeline files as the next version of the pipeline each id
                                          names (based on the latest; --base N merges edits since N)
  promote <model>[@vN|@latest|@alias] --alias NAME --gate METRIC>=VALUE... [--champion METRIC[:MARGIN]]
         [--project P] [--comment C] [--json]
                                          point the alias at the version only when every gate passes
                                          on its recorded metrics (--champion: beats the version the
                                          alias names now); exit 1 naming each failed gate and its figures
  ingest <file|"pattern*.csv">... [--name N] [--json]
         [--delimiter ,|;|tab||] [--encoding utf-8|windows-1252] [--na TOKEN]... [--type COLUMN=TYPE]...
                                          import files in one process: each as a dataset named after
                                          the file, or with --name each as the next version of N
                                          (exit 0 all imported, 1 any rejected with the reason and
                                          line, the others kept, 2 usage)
  backup <file> [--json]                  copy the database with SQLite's online backup API (pg_dump
                                          on Postgres), safe while the server runs (docs/operations.md)
  export-onnx <model>[@latest|@vN|@alias] [--out FILE] [--project P] [--check DATASET]
                                          write a registered version as ONNX with its preprocessing;
                                          --check scores a dataset with onnxruntime-node and ours, exit 1
                                          when they differ by more than 1e-5
  restore <backup.db> [--artifacts DIR] [--json]
                                          put a backup in place of the database, with the server
                                          stopped (refused while anything has it open); the old one
                                          is moved aside, missing artifacts copied from DIR
  gc [--dry-run] [--grace-hours H] [--json]
                                          remove artifacts that no run, dataset or model version needs
                                          and that were released more than H hours ago
                                          (default PIPEWORKS_GC_GRACE_HOURS, 24); --dry-run only lists them

  simulate --endpoint E --requests N [--key K] [--rate R] [--drift 0..1] [--amount-scale X]
           [--new-categories SHARE] [--fraud-rate P] [--seed S] [--label-delay-ms MS | --no-labels]
                                          send card-fraud traffic with a chosen drift to a deployed
                                          endpoint through the serving process, and its labels later
                                          (key: --key or PIPEWORKS_ENDPOINT_KEY; see docs/monitoring.md)

  start [--no-serve]                      setup, then the studio (next start, built by npm run build) on PORT
                                          and the serving process beside it; stops both when either exits
  worker --server URL --token TOKEN [--concurrency N] [--redis URL]
                                          run queued steps on this machine (queue mode: the server has
                                          PIPEWORKS_REDIS_URL); an admin makes the token on the Workers
                                          page; Redis is where the server says unless --redis or
                                          PIPEWORKS_REDIS_URL is set here; no data directory needed
  serve [--port N]                        the serving process only (model endpoints: KServe V2 and MLflow
                                          /invocations) on PIPEWORKS_SERVING_PORT (default 3001)

Data lives in PIPEWORKS_DATA_DIR (default ./data).`;

/** Commands that never open the database (a worker talks to the server's API; simulate to an endpoint). */
const NO_DATABASE = new Set(['nodes', 'worker', 'simulate', 'help', '--help']);
/** Commands that must not hold the database open: restore swaps it (restore-pg.ts refuses while any session is connected). */
const NO_PREPARE = new Set(['restore']);

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    // On Postgres the database connects and migrates asynchronously, once, before a command reads it.
    if (process.env.PIPEWORKS_DATABASE_URL && command !== undefined && !NO_DATABASE.has(command) && !NO_PREPARE.has(command)) {
      await (await import('../db/client')).prepareDb();
    }
    switch (command) {
      case 'setup':
        return await (await import('./setup')).cmdSetup();
      case 'user':
        if (rest[0] === 'add') return await (await import('./user-add')).cmdUserAdd(rest.slice(1));
        break;
      case 'validate':
        return await (await import('./validate')).cmdValidate(rest);
      case 'nodes':
        return await (await import('./nodes')).cmdNodes(rest);
      case 'run':
        return await (await import('./run')).cmdRun(rest);
      case 'export':
        return await (await import('./export-pipeline')).cmdExportPipeline(rest);
      case 'import':
        return await (await import('./import-pipeline')).cmdImportPipeline(rest);
      case 'promote':
        return await (await import('./promote')).cmdPromote(rest);
      case 'ingest':
        return await (await import('./ingest')).cmdIngest(rest);
      case 'backup':
        return await (await import('./backup')).cmdBackup(rest);
      case 'restore':
        return await (await import('./restore')).cmdRestore(rest);
      case 'gc':
        return await (await import('./gc')).cmdGc(rest);
      case 'serve':
        return await (await import('./serve')).cmdServe(rest);
      case 'simulate':
        return await (await import('./simulate')).cmdSimulate(rest);
      case 'export-onnx':
        return await (await import('./export-onnx')).cmdExportOnnx(rest);
      case 'worker':
        return await (await import('./worker')).cmdWorker(rest);
      case 'start':
        return await (await import('./start')).cmdStart(rest);
      case undefined:
      case 'help':
      case '--help':
        console.log(USAGE);
        return command ? 0 : 2;
    }
    console.error(`Unknown command: ${argv.join(' ')}\n\n${USAGE}`);
    return 2;
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`error: ${error.message}`);
      return error.exitCode;
    }
    if (error instanceof UserError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    // Unexpected: the stack goes to the log only when asked for.
    console.error(`internal error: ${(error as Error).message ?? String(error)}`);
    if (process.env.PIPEWORKS_DEBUG) console.error(error);
    return 1;
  }
}
