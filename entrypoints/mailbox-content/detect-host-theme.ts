/** Light or dark, as the mailbox itself is shown: the page's background, else the system preference. */
export function detectHostTheme(doc: Document): 'light' | 'dark' {
  const view = doc.defaultView;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el || !view) continue;
    const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(view.getComputedStyle(el).backgroundColor);
    if (!rgb || (rgb[4] !== undefined && Number(rgb[4]) === 0)) continue;
    const [r, g, b] = [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
    const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    return luminance < 0.45 ? 'dark' : 'light';
  }
  return view?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
