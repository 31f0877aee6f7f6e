import { listAllClusters } from "../api/lists.js"
import type { ClusterWire } from "../api/wire.js"
import { useSession } from "../auth/Session.js"
import { useLoad } from "../ui/useLoad.js"

/**
 * The zones the signed-in user may submit for: a submitter its own (read one by one), an admin every zone.
 * @example const { data: clusters, error } = useWritableClusters()
 */
export const useWritableClusters = () => {
  const { api, me } = useSession()
  return useLoad<ReadonlyArray<ClusterWire>>(
    () =>
      !me
        ? Promise.resolve([])
        : me.role === "submitter"
          ? Promise.all(me.cluster_ids.map((id) => api.getCluster({ params: { id } }).then((r) => r.data)))
          : listAllClusters(api),
    [api, me],
  )
}
