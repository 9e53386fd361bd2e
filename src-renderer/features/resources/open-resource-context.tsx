import { type ReactNode, createContext, useContext, useMemo } from 'react';
import type { ServerId } from '../../../src-shared/api/schemas/common';
import type { ResourceContents } from '../../../src-shared/api/schemas/resource';
import { useActions } from '../../app-context';

/** Opens a URI of the current server in the Resources tab: from a resource_link, or an embedded resource with its contents. */
export interface ResourceOpener {
  open(uri: string, embedded?: ResourceContents): void;
}

const OpenResourceContext = createContext<ResourceOpener | null>(null);

/** Around a server's views: content blocks inside get an "Open" button (none outside, e.g. in tests). */
export function OpenResourceProvider({ serverId, children }: { serverId: ServerId; children: ReactNode }) {
  const { openResource } = useActions();
  const value = useMemo<ResourceOpener>(
    () => ({ open: (uri, embedded) => openResource(serverId, uri, embedded) }),
    [openResource, serverId],
  );
  return <OpenResourceContext.Provider value={value}>{children}</OpenResourceContext.Provider>;
}

export function useResourceOpener(): ResourceOpener | null {
  return useContext(OpenResourceContext);
}
