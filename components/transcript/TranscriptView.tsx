import type { TurnView } from '@/db/queries/documents';

export interface SpeakerInfo {
  id: number;
  label: string;
  attributes: Record<string, string>;
}

/**
 * A read-only transcript: one block per turn, the speaker label beside it (structure, not
 * text) and the participant's attributes on hover. Turns off screen skip layout and paint
 * (content-visibility), so a transcript of thousands of turns scrolls smoothly.
 */
export function TranscriptView({
  turns,
  participants,
  labels,
}: {
  turns: TurnView[];
  participants: SpeakerInfo[];
  labels: { moderator: string; unknown: string };
}) {
  const byId = new Map(participants.map((p) => [p.id, p]));
  return (
    <ol className="transcript" data-testid="transcript">
      {turns.map((turn) => {
        const person = turn.participantId != null ? byId.get(turn.participantId) : undefined;
        const name =
          turn.speakerKind === 'moderator'
            ? labels.moderator
            : turn.speakerKind === 'unknown'
              ? turn.speakerLabel || labels.unknown
              : (person?.label ?? turn.speakerLabel);
        const attrs = person ? Object.entries(person.attributes).map(([k, v]) => `${k}: ${v}`) : [];
        return (
          <li key={turn.id} className={`turn turn-${turn.speakerKind}`} data-turn={turn.seq}>
            <span className="speaker" tabIndex={attrs.length ? 0 : undefined}>
              {name}
              {attrs.length > 0 && (
                <span className="speaker-card" role="tooltip">
                  <strong>{name}</strong>
                  {attrs.map((a) => (
                    <span key={a}>{a}</span>
                  ))}
                </span>
              )}
            </span>
            {turn.timestamp && <span className="timestamp">{turn.timestamp}</span>}
            <span className="turn-text">{turn.text}</span>
          </li>
        );
      })}
    </ol>
  );
}
