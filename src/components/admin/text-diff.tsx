import { diffWordsWithSpace } from 'diff';

/** Words removed are <del>, words added are <ins>; unchanged text reads as it is. */
export function TextDiff({
  label,
  before,
  after,
  heading: Heading = 'h3',
}: {
  label: string;
  before: string;
  after: string;
  heading?: 'h2' | 'h3';
}) {
  const parts = diffWordsWithSpace(before, after);
  const changed = parts.some((part) => part.added || part.removed);
  return (
    <section className="revision-diff" aria-label={label}>
      <Heading>{label}</Heading>
      {changed ? (
        <div className="revision-diff__text">
          {parts.map((part, index) =>
            part.added ? (
              <ins key={index}>{part.value}</ins>
            ) : part.removed ? (
              <del key={index}>{part.value}</del>
            ) : (
              <span key={index}>{part.value}</span>
            ),
          )}
        </div>
      ) : (
        <p className="revision-diff__same">Không thay đổi.</p>
      )}
    </section>
  );
}
