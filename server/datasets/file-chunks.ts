// Reads a file in chunks through one reused buffer: a read stream allocates a fresh buffer per
// chunk, which for a 200 MB import is 200 MB of garbage the GC frees late (and RSS shows).
// Each chunk is valid only until the next is asked for; readCsv copies what it keeps.
import { open } from 'node:fs/promises';

export async function* fileChunks(file: string, chunkSize = 1024 * 1024): AsyncGenerator<Uint8Array> {
  const handle = await open(file, 'r');
  const buffer = new Uint8Array(chunkSize);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, chunkSize, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}
