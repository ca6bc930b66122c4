/**
 * The lines of a text: `\n`, `\r\n` and a lone `\r` each end one. A lone `\r` with nothing before it
 * (a redraw at the start, `\r\r`) makes no empty line; a line break at the end makes no empty last
 * line. `''` is one empty line.
 */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  const pieces = text.split(/\r*\n/);
  if (pieces.length > 1 && pieces[pieces.length - 1] === '') pieces.pop();
  for (const piece of pieces) {
    if (!piece.includes('\r')) {
      out.push(piece);
      continue;
    }
    const redraws = piece.split('\r').filter((p) => p !== '');
    out.push(...(redraws.length ? redraws : ['']));
  }
  return out;
}
