/**
 * A progress line on the terminal for work that takes over about a second; nothing when stderr is not a terminal
 * (a pipeline or a CI log keeps only the real messages).
 */
export function progressLine(stream: NodeJS.WriteStream = process.stderr): { say(text: string): void; done(): void } {
  const start = Date.now();
  let shown = false;
  return {
    say(text) {
      if (!stream.isTTY || Date.now() - start < 1000) return;
      stream.write(`\r\x1b[2K${text}`);
      shown = true;
    },
    done() {
      if (shown) stream.write("\r\x1b[2K");
    },
  };
}
