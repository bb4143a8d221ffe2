'use client';
import type { GroupParticipant, SpeakerChoice } from '@/lib/import/mapping';
import { useI18n } from '../I18nProvider';

/** The select's value for a choice: "new", "moderator", "unknown" or "p:<participant id>". */
function choiceValue(c: SpeakerChoice): string {
  return c.kind === 'participant' ? `p:${c.participantId}` : c.kind;
}

/**
 * Who speaks under one label: a new participant (with a label to give it), the moderator,
 * an unknown speaker, or a participant of the group being imported into.
 */
export function SpeakerSelect({
  label,
  choice,
  participants,
  onChange,
  suggestedLabel,
  newLabelName,
}: {
  /** What the select is for, as a screen reader announces it. */
  label: string;
  /** What the new participant's label box is for, as a screen reader announces it. */
  newLabelName: string;
  choice: SpeakerChoice;
  participants: readonly GroupParticipant[];
  onChange: (choice: SpeakerChoice) => void;
  /** The new participant's label when "new" is picked. */
  suggestedLabel: string;
}) {
  const { t } = useI18n();
  const pick = (value: string) => {
    if (value === 'new') onChange({ kind: 'new', label: suggestedLabel });
    else if (value === 'moderator' || value === 'unknown') onChange({ kind: value });
    else onChange({ kind: 'participant', participantId: Number(value.slice(2)) });
  };
  return (
    <span className="speaker-select">
      <select aria-label={label} value={choiceValue(choice)} onChange={(e) => pick(e.target.value)}>
        <option value="new">{t('imports.map.new')}</option>
        <option value="moderator">{t('imports.map.moderator')}</option>
        <option value="unknown">{t('imports.map.unknown')}</option>
        {participants.length > 0 && (
          <optgroup label={t('imports.map.groupParticipants')}>
            {participants.map((p) => (
              <option key={p.id} value={`p:${p.id}`}>
                {p.label}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      {choice.kind === 'new' && (
        <input
          aria-label={newLabelName}
          value={choice.label}
          maxLength={64}
          size={10}
          onChange={(e) => onChange({ kind: 'new', label: e.target.value })}
        />
      )}
    </span>
  );
}
