import { type LoadedMap, loadMap } from "../../charts/henanMap.js"
import { useLoad } from "../../ui/useLoad.js"

/**
 * The boundary map of Henan ("410000") or of one prefecture city, loaded and registered with ECharts.
 * @example const { data: map } = useMapOf("410000")
 */
export const useMapOf = (code: string) => useLoad<LoadedMap>(() => loadMap(code), [code])
