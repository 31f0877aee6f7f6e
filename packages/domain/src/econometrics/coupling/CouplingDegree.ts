/**
 * Coupling degree (耦合度) of n ≥ 2 subsystem levels U_s ≥ 0 (domain.md §3):
 * C = n·(Π U_s)^{1/n} / Σ U_s, which for two subsystems is C = 2√(U1·U2)/(U1 + U2).
 * All U zero gives C = 0 (no development, nothing coupled).
 * @example couplingDegree([0.25, 1]) // 2·√0.25/1.25 = 0.8
 */
export const couplingDegree = (u: ArrayLike<number>): number => {
  const n = u.length
  let sum = 0
  let logProduct = 0
  let anyZero = false
  for (let s = 0; s < n; s++) {
    const x = u[s]!
    sum += x
    if (x <= 0) anyZero = true
    else logProduct += Math.log(x)
  }
  if (sum <= 0 || anyZero) return 0
  // geometric mean through logs: no underflow for many small U
  return Math.min(1, (n * Math.exp(logProduct / n)) / sum)
}

/**
 * Corrected coupling degree of 王淑佳, 孔伟, 任亮, 治丹丹, 戴彬婷 (2021), 国内耦合协调度模型的误区及修正,
 * 自然资源学报 36(3): 793–810:
 *
 *   C = √{ [1 − Σ_{i>j} √((U_i − U_j)²) / Σ_{m=1}^{n−1} m] × [Π_{i=1}^{n} (U_i / max U)]^{1/(n−1)} }
 *
 * The first factor is one minus the mean absolute pairwise gap (Σ_{m=1}^{n−1} m = n(n−1)/2 is the number of
 * pairs); the second is the geometric mean of the n − 1 ratios U_i/max U other than the largest one (its own
 * ratio is 1). For two subsystems this is the paper's √{[1 − |U2 − U1|] × U_min/U_max}. The ratio reading
 * (rather than (Π U_i)/max U) is the one consistent with the paper's Table 8, where levels U ≤ 1 reproduce
 * both the original and corrected values. It spreads C over [0, 1] instead of crowding it near 1.
 * All U zero gives 0.
 * @example correctedCouplingDegree([0.25, 1]) // √((1 − 0.75)·0.25) = 0.25
 */
export const correctedCouplingDegree = (u: ArrayLike<number>): number => {
  const n = u.length
  let max = 0
  for (let s = 0; s < n; s++) max = Math.max(max, u[s]!)
  if (max <= 0 || n < 2) return 0
  let gaps = 0
  let logRatio = 0
  for (let i = 0; i < n; i++) {
    const ui = u[i]!
    if (ui <= 0) return 0
    logRatio += Math.log(ui / max)
    for (let j = 0; j < i; j++) gaps += Math.abs(ui - u[j]!)
  }
  const pairs = (n * (n - 1)) / 2
  const spread = Math.max(0, 1 - gaps / pairs)
  return Math.sqrt(spread * Math.exp(logRatio / (n - 1)))
}
