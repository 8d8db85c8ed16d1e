import "./env";
import { bin, run } from "./run";

run(bin("next"), ["build"]).then((code) => process.exit(code));
