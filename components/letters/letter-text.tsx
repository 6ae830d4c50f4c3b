/**
 * A letter's or message's text as it was written: line breaks kept, in the reading font, marked
 * with its language for screen readers. Classes given add spacing or size; they are joined, not
 * merged, as tailwind-merge would drop leading-6 beside a text size.
 */
export function LetterText({
  text,
  language,
  className,
  ...pre
}: {
  text: string;
  language: string;
} & Omit<React.ComponentProps<"pre">, "lang" | "children">) {
  return (
    <pre
      className={`${className ?? ""} whitespace-pre-wrap font-sans leading-6`.trim()}
      lang={language}
      {...pre}
    >
      {text}
    </pre>
  );
}
