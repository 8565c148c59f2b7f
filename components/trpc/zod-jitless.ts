// zod 4 compiles object parsers with `new Function` where it may, and its probe for that
// (`new Function("")` in a try) is itself a script-src violation under the studio's strict policy.
// In the browser zod parses without compiling; the server keeps the compiled fast path.
import { z } from 'zod';

if (typeof window !== 'undefined') z.config({ jitless: true });
