// The CSV benchmark's DuckDB side, in its own process so its peak RSS is its own: read_csv of the
// whole file into an in-memory table (typed columns in memory), with the thread count given
// (`default` leaves DuckDB's own choice, one per core). Prints one JSON line.
import { DuckDBInstance, version } from '@duckdb/node-api';

const [file, threads = 'default'] = process.argv.slice(2);
const startMb = process.memoryUsage().rss / 2 ** 20;
const instance = await DuckDBInstance.create(':memory:', threads === 'default' ? {} : { threads });
const connection = await instance.connect();
const used = (await connection.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjects()[0].t;
const start = performance.now();
await connection.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}')`);
const seconds = (performance.now() - start) / 1000;
const counted = (await connection.runAndReadAll('SELECT count(*) AS n FROM t')).getRowObjects()[0].n;
const columns = (await connection.runAndReadAll("SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 't'")).getRowObjects()[0].n;
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ rows: Number(counted), columns: Number(columns), seconds, peakMb, startMb, version: version(), threads: String(used) }));
