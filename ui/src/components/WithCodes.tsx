/** Matches a grouped tracking code in any digits: `2933-4929-1854`, `۲۹۳۳-۴۹۲۹-۱۸۵۴`. */
const GROUPED_CODE = /([0-9۰-۹٠-٩]{4}-[0-9۰-۹٠-٩]{4}-[0-9۰-۹٠-٩]{4})/;

/**
 * Text from the core (a message's subject) with every tracking code in it kept whole and left to
 * right: a code must never break across lines at its dashes («۲۹۳۳-۴۹۲۹» / «-۱۸۵۴»).
 */
export function WithCodes({ text }: { text: string }) {
  return (
    <>
      {text.split(GROUPED_CODE).map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className="code">
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}
