/** `KEY=value` lines → an object, or a message saying which line is wrong. */
export function parseEnv(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq > 0 ? line.slice(0, eq).trim() : '';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key))
      return `Line ${i + 1}: write KEY=value (letters, digits and _ in the key).`;
    out[key] = line.slice(eq + 1);
  }
  return out;
}
