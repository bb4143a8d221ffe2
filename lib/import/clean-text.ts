/**
 * Tidies one line of transcript text: Unicode NFC (so "й" typed as и + breve matches "й"),
 * characters that break lines (\n \v \f \r U+0085 U+2028 U+2029) turned into spaces, other
 * control characters except tab removed, surrounding whitespace trimmed. Never returns a
 * string containing a line break.
 */
export function cleanLine(text: string): string {
  return (
    text
      .normalize('NFC')
       
      .replace(/[\n\v\f\r\u0085\u2028\u2029]/g, ' ')
       
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '')
      .trim()
  );
}
