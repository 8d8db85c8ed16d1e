// Placeholder until the outgoing-mail issue adds the job worker.
console.log("No background worker yet (see the outgoing-mail issue).");
