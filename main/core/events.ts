import type { EventChannel, EventPayload } from '../../preload/contract';

/** A listener for every main → renderer event; the shells forward what it receives. */
export type EventSink = <E extends EventChannel>(channel: E, payload: EventPayload<E>) => void;

/** A tiny typed hub for pushes to the renderer: the core emits, each shell subscribes once and forwards. */
export class EventHub {
  private readonly sinks = new Set<EventSink>();

  subscribe(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => void this.sinks.delete(sink);
  }

  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    for (const sink of this.sinks) sink(channel, payload);
  }
}
