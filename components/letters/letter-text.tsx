import { cn } from "@/components/ui/cn";

/**
 * A letter's or message's text as it was written: line breaks kept, in the reading font, marked
 * with its language for screen readers. Classes given add spacing or size.
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
      className={cn("whitespace-pre-wrap font-sans leading-6", className)}
      lang={language}
      {...pre}
    >
      {text}
    </pre>
  );
}
