/**
 * A sample thread shown as an email conversation: each message with its sender, recipient and
 * time, its own words as paragraphs and its quoted history as a quote. Text nodes only.
 */
import { Fragment, type Ref } from 'preact';
import type { ConversationMessage, MessageSection } from '../../utils/practice/message-sections';
import type { PracticeThread } from '../../utils/practice/types';
import { HOST_LABEL } from './practice-words';

const address = (party: { name: string; email: string }) => `${party.name} <${party.email}>`;

/** Consecutive non-blank lines form a paragraph; a single newline is a line break. */
function paragraphsOf(lines: string[]): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

function Lines({ lines }: { lines: string[] }) {
  return (
    <>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </>
  );
}

function Section({ section }: { section: MessageSection }) {
  if (section.kind === 'text') {
    return (
      <div class="message-text">
        {paragraphsOf(section.lines).map((p, i) => (
          <p key={i}>
            <Lines lines={p} />
          </p>
        ))}
      </div>
    );
  }
  return (
    <div class="quoted-history">
      <p class="quote-header">
        <Lines lines={section.header} />
      </p>
      <blockquote class="quote">
        {paragraphsOf(section.lines).map((p, i) => (
          <p key={i}>
            <Lines lines={p} />
          </p>
        ))}
      </blockquote>
    </div>
  );
}

export interface ThreadViewProps {
  thread: PracticeThread;
  messages: ConversationMessage[];
  formatTime: (iso: string) => string;
  headingId: string;
  /** Receives the subject heading (focus moves there when a thread opens). */
  headingRef?: Ref<HTMLHeadingElement> | undefined;
}

export function ThreadView({ thread, messages, formatTime, headingId, headingRef }: ThreadViewProps) {
  return (
    <article class="thread" aria-labelledby={headingId} data-testid="practice-thread" data-thread-id={thread.id}>
      <h2 id={headingId} tabIndex={-1} ref={headingRef} data-testid="thread-subject">
        {thread.subject}
      </h2>
      <p class="muted">
        {`${messages.length === 1 ? '1 message' : `${messages.length} messages`} in ${HOST_LABEL[thread.host]}, customer ${address(thread.customer)}`}
        {thread.reference ? `, reference ${thread.reference}` : ''}
      </p>
      <ol class="messages">
        {messages.map((m, i) => (
          <li key={m.id} class={`message ${m.direction}`}>
            <article aria-labelledby={`${headingId}-m${i}`}>
              <header class="message-head">
                <h3 id={`${headingId}-m${i}`} class="message-from">
                  {m.from.name}
                  <span class="visually-hidden">{m.direction === 'outbound' ? ' (our agent)' : ' (customer)'}</span>
                </h3>
                <p class="message-meta">
                  <span class="email">{`<${m.from.email}>`}</span>
                  {m.direction === 'outbound' ? <span class="badge">Our reply</span> : null}
                  <span>{`to ${address(m.to)}`}</span>
                  <time dateTime={m.sentAt}>{formatTime(m.sentAt)}</time>
                </p>
              </header>
              {m.sections.map((s, j) => (
                <Section key={j} section={s} />
              ))}
            </article>
          </li>
        ))}
      </ol>
    </article>
  );
}
