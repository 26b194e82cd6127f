package dev.mlplan.workload;

/**
 * A model preset's context window as the workload parser checks it: the most tokens the model
 * attends to at once, and which of a request's tokens fill it. A decoder's prompt and output share
 * the window; an encoder reads only its input; an encoder-decoder such as Whisper fills its decoder's
 * window with the output alone (its input is audio frames, not tokens of that window).
 *
 * @param tokens the context length, from the preset's model card or config
 * @param countsTokensIn whether {@code tokens_in} (and a training sequence) fills the window
 * @param countsTokensOut whether {@code tokens_out} fills the window: the model generates tokens (a
 *     decode loop, timed by {@code ttft_p99} and {@code tpot_p99})
 */
public record PresetContext(int tokens, boolean countsTokensIn, boolean countsTokensOut) {}
