import { isDay, startOfDay } from "../reports/days";
import { UserFacingError } from "../errors";
import { setOutOfOffice } from "./out-of-office";
import { getSettings } from "../settings/get-settings";

/**
 * Out of office from the first day's midnight to the end of the last day, in the desk's
 * time zone ("YYYY-MM-DD" each; both null clears). Errors as setOutOfOffice.
 */
export async function setOwnOutOfOffice(options: {
  agentId: number;
  from: string | null;
  to: string | null;
}) {
  const { from, to } = options;
  if ((from && !isDay(from)) || (to && !isDay(to))) {
    throw new UserFacingError("Invalid day", "validation", { to: ["invalid day"] }, "invalid");
  }
  const zone = (await getSettings()).timeZone;
  return setOutOfOffice({
    agentId: options.agentId,
    from: from ? startOfDay(from, zone) : null,
    to: to ? new Date(startOfDay(to, zone, 1).getTime() - 1) : null,
  });
}
