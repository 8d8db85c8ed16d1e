import { expect, it } from "vitest";
import { seedDatabase } from "../setup/seed";
import { createAgent } from "./create-agent";
import { authenticateAgent } from "./authenticate-agent";

it("signs in with the right password and stops guessing after ten tries", async () => {
  await seedDatabase();
  await createAgent({ email: "Guess@Example.org", name: "G", password: "right-password" });
  expect(
    await authenticateAgent("guess@example.org", "right-password", "198.51.100.1"),
  ).toMatchObject({
    email: "guess@example.org",
  });
  for (let i = 0; i < 9; i++)
    expect(await authenticateAgent("guess@example.org", `wrong-${i}`, "198.51.100.1")).toBeNull();
  // The eleventh attempt in the window fails even with the right password.
  expect(await authenticateAgent("GUESS@example.org", "right-password", "198.51.100.2")).toBeNull();
  // Other accounts are not affected.
  await createAgent({ email: "other@example.org", name: "O", password: "other-password" });
  expect(
    await authenticateAgent("other@example.org", "other-password", "198.51.100.1"),
  ).not.toBeNull();
});
