// `npm run worker`: the job worker on its own (any number of them, on
// PostgreSQL). Stops gracefully on SIGTERM/SIGINT.
import "./source-maps";
import "./env";
import { keepHeapSmall } from "./heap";
import { startBackgroundWorker } from "@/lib/jobs/background";

keepHeapSmall();
startBackgroundWorker({ exitWhenStopped: true });
