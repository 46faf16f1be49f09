import { blankLine } from 'micromark-core-commonmark';
import { factorySpace } from 'micromark-factory-space';
import type {
  Code,
  Construct,
  ContainerState,
  Effects,
  Extension,
  State,
  TokenizeContext,
} from 'micromark-util-types';
import { itemIalOnlyLine } from './micromark-kramdown-item-ial-line.js';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    kramdownDefinition: 'kramdownDefinition';
    kramdownDefinitionMarker: 'kramdownDefinitionMarker';
    kramdownDefinitionIndent: 'kramdownDefinitionIndent';
  }
  interface ContainerState {
    kramdownDefinitionIndent?: number;
  }
}

const colon = 58;
const isLineEnding = (code: Code): boolean => code !== null && code < -2;
const isSpace = (code: Code): boolean => code === 32 || code === -2 || code === -1;

/**
 * kramdown definitions: a line starting with `:` and white space (after up to three spaces) opens
 * a container, like a list item, whose lines continue while indented as far as its text (or
 * lazily, for a paragraph). It may interrupt a paragraph: that paragraph holds the terms.
 */
export function kramdownDefinition(): Extension {
  const construct: Construct = {
    name: 'kramdownDefinition',
    tokenize: tokenizeStart,
    continuation: { tokenize: tokenizeContinuation },
    exit: (effects: Effects) => {
      effects.exit('kramdownDefinition');
    },
  };
  return { document: { [colon]: construct } };
}

function tokenizeStart(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  self.containerState ??= {} as ContainerState;
  const state = self.containerState;
  let width = 0;
  return start;

  function start(code: Code): State | undefined {
    if (code !== colon) return nok(code);
    // Only at the start of a line (up to three spaces, already eaten by the document).
    const tail = self.events[self.events.length - 1];
    const prefix = tail?.[1].type === 'linePrefix' ? tail[2].sliceSerialize(tail[1], true).length : 0;
    if (prefix > 3) return nok(code);
    effects.enter('kramdownDefinition', { _container: true });
    effects.enter('kramdownDefinitionMarker');
    effects.consume(code);
    width = prefix + 1;
    return afterColon;
  }

  function afterColon(code: Code): State | undefined {
    if (!isSpace(code)) return nok(code);
    return spaces(code);
  }

  function spaces(code: Code): State | undefined {
    if (isSpace(code)) {
      effects.consume(code);
      width += 1;
      return spaces;
    }
    effects.exit('kramdownDefinitionMarker');
    // `: ` alone is an empty definition; its content, if any, is indented as for `: text`.
    state.kramdownDefinitionIndent = code === null || isLineEnding(code) ? 2 : Math.min(width, 4);
    return effects.check(itemIalOnlyLine, ialOnly, ok)(code);
  }

  /** `: {:.cls}` alone: the content is indented by four, as kramdown's `parse_first_list_line` does. */
  function ialOnly(code: Code): State | undefined {
    state.kramdownDefinitionIndent = 4;
    return ok(code);
  }
}

function tokenizeContinuation(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  const size = self.containerState?.kramdownDefinitionIndent ?? 2;
  return effects.check(blankLine, ok, indented);

  function indented(code: Code): State | undefined {
    return factorySpace(effects, afterIndent, 'kramdownDefinitionIndent', size + 1)(code);
  }

  function afterIndent(code: Code): State | undefined {
    const tail = self.events[self.events.length - 1];
    return tail &&
      tail[1].type === 'kramdownDefinitionIndent' &&
      tail[2].sliceSerialize(tail[1], true).length >= size
      ? ok(code)
      : nok(code);
  }
}
