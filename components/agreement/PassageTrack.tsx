/** One layer's view of a passage: the text around it, with that layer's ranges marked in its colour. */
import type { PassagePiece } from '@/lib/agreement/passage';

export function PassageTrack({ label, color, pieces, empty, testId }: { label: string; color: string; pieces: PassagePiece[]; empty?: string; testId?: string }) {
  return (
    <div className="passage-track" style={{ borderLeftColor: color }} data-testid={testId}>
      <div className="passage-label" style={{ color }}>
        {label}
        {empty && <span className="muted"> — {empty}</span>}
      </div>
      <p className="passage-text">
        {pieces.map((p) =>
          p.marked ? (
            <mark key={p.start} style={{ background: `${color}33`, borderBottom: `2px solid ${color}` }}>
              {p.text}
            </mark>
          ) : (
            <span key={p.start}>{p.text}</span>
          ),
        )}
      </p>
    </div>
  );
}
