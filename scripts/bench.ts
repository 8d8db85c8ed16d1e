// Placeholder until the benchmark issue: benchmarks measure speed; tests never assert it.
console.log("No benchmarks yet (see the benchmark issue).");
