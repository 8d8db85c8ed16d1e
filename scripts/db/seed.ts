import "../env";
import { seedDatabase } from "@/lib/setup/seed";

seedDatabase().then(
  (result) => {
    console.log(
      `seeded; admin ${result.adminEmail}${result.generatedPassword ? ` password ${result.generatedPassword}` : ""}`,
    );
    process.exit(0);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
