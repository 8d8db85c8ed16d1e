"use client";

import { useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

/**
 * Tickets created and closed per day (the dashboard's last 30 days), from the statistics
 * table. recharts draws SVG with presentation attributes and style props, which the page
 * CSP allows (style-src; no script is evaluated). The figures are also in a table for
 * screen readers.
 */
export function CreatedClosedChart({
  data,
}: {
  data: { day: string; created: number; closed: number }[];
}) {
  const t = useTranslations("dashboard");
  const points = data.map((p) => ({ ...p, label: p.day.slice(5) }));
  return (
    <figure className="space-y-2">
      <div className="h-64 w-full" data-testid="created-closed-chart" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={points}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" fontSize={12} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip />
            <Legend />
            <Bar dataKey="created" name={t("chartCreated")} fill="#1d4ed8" />
            <Bar dataKey="closed" name={t("chartClosed")} fill="#16a34a" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer">{t("chartTable")}</summary>
        <table className="mt-2 text-left">
          <thead>
            <tr>
              <th className="pr-4">{t("chartDay")}</th>
              <th className="pr-4">{t("chartCreated")}</th>
              <th>{t("chartClosed")}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((p) => (
              <tr key={p.day}>
                <td className="pr-4">{p.day}</td>
                <td className="pr-4">{p.created}</td>
                <td>{p.closed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
