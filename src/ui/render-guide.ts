// The guide's Markdown renderer arrives in its own chunk the first time the
// guide is opened; the shell hands it over and draws again.
let renderMarkdown: ((source: string, lang: string) => HTMLElement) | null = null;

export function useMarkdown(render: (source: string, lang: string) => HTMLElement): void {
  renderMarkdown = render;
}

export function hasMarkdown(): boolean {
  return renderMarkdown !== null;
}

/** The guide as DOM, or null until the renderer has arrived. */
export function guideBody(text: string, lang: string): HTMLElement | null {
  return renderMarkdown ? renderMarkdown(text, lang) : null;
}
