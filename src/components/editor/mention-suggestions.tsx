'use client';

import type { Colleague } from '@/schemas/comment';

// While "@" and the start of a name are being typed at the end of a comment, the colleagues
// whose names fit, as buttons that complete the mention.

const MAX_SUGGESTIONS = 6;

/** The part after the last "@" (and where it starts), while it can still be the start of a name. */
function typedMention(text: string): { at: number; typed: string } | null {
  const match = /(?:^|\s)@([\p{L}\p{M} ]{0,40})$/u.exec(text);
  return match ? { at: text.length - match[1]!.length, typed: match[1]!.normalize('NFC').toLocaleLowerCase('vi') } : null;
}

export function MentionSuggestions({
  text,
  colleagues,
  onPick,
}: {
  text: string;
  colleagues: Colleague[];
  onPick: (text: string) => void;
}) {
  const mention = typedMention(text);
  if (mention === null) return null;
  const { at, typed } = mention;
  const matches = colleagues
    .filter((person) => person.name.normalize('NFC').toLocaleLowerCase('vi').startsWith(typed))
    .slice(0, MAX_SUGGESTIONS);
  if (matches.length === 0 || matches.some((person) => person.name.toLocaleLowerCase('vi') === typed.trimEnd())) return null;
  return (
    <div className="mention-suggestions" role="group" aria-label="Nhắc đồng nghiệp">
      {matches.map((person) => (
        <button
          key={person.id}
          type="button"
          className="admin-button admin-button--quiet"
          onClick={() => onPick(`${text.slice(0, at)}${person.name} `)}
        >
          @{person.name}
        </button>
      ))}
    </div>
  );
}
