import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import type { ConnectionView } from '../../../preload/contract';
import { ConnectionCard } from './connection-card';

/** A card's height before it is measured; real heights replace it as cards render. */
const ESTIMATED_CARD_PX = 285;
/** The space between cards, as .connection-window sets it. */
const CARD_GAP_PX = 18;

interface ListProps {
  connections: readonly ConnectionView[];
  now: number;
  onReconnect(connection: ConnectionView): void;
  onDisconnect(connection: ConnectionView): void;
}

/**
 * The connection cards, windowed: only those near the screen are in the page, so a home screen with
 * hundreds of connections renders as fast as one with a handful (README "Benchmark").
 */
export function ConnectionList({ connections, now, onReconnect, onDisconnect }: ListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  // Where the list starts in the page; panels and messages above it move it.
  useLayoutEffect(() => {
    const top = Math.round((listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
    if (top !== offset) setOffset(top);
  });
  const virtualizer = useWindowVirtualizer({
    count: connections.length,
    estimateSize: () => ESTIMATED_CARD_PX,
    overscan: 4,
    scrollMargin: offset,
    gap: CARD_GAP_PX,
    // The window's size from the start, so the first render already holds the cards on screen
    // rather than none until the window has been measured.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
  });
  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={listRef}
      className="connection-list"
      data-connection-count={connections.length}
      style={{ height: virtualizer.getTotalSize() }}
    >
      <div className="connection-window" style={{ transform: `translateY(${(items[0]?.start ?? offset) - offset}px)` }}>
        {items.map((item) => {
          const connection = connections[item.index]!;
          return (
            <div key={connection.id} data-index={item.index} ref={virtualizer.measureElement}>
              <ConnectionCard connection={connection} now={now} onReconnect={onReconnect} onDisconnect={onDisconnect} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
