import type { SnippetPart } from "@/lib/search/snippet-parts";

/** A search snippet as text, the matched words in <mark> (never rendered as HTML). */
export function SearchSnippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <p className="text-sm text-zinc-600 dark:text-zinc-400">
      {parts.map((part, index) =>
        part.match ? (
          <mark
            key={index}
            className="rounded bg-yellow-200 px-0.5 text-inherit dark:bg-yellow-800"
          >
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}
