import type { Matrix } from "../linalg/Matrix.js"
import type { ImpactTerm } from "./impacts.js"
import type { LogDetMethod } from "./LogDeterminant.js"
import type { VarianceMethod } from "./stacked.js"

/** One estimated parameter with its asymptotic standard error, z = estimate/se and two-sided normal p. */
export interface Estimate {
  readonly estimate: number
  readonly se: number
  readonly z: number
  readonly p: number
}

/** Average direct, indirect (spillover) and total effect of one explanatory variable in a lag model. */
export interface Impact {
  readonly direct: number
  readonly indirect: number
  readonly total: number
}

/**
 * How impacts were computed: "exact" traces of (I − ρW)⁻¹ (dense inverse, eigenvalues, selected inversion
 * of the sparse Cholesky factor or sparse LU solves), or "linear" (SLX, SDEM: direct = β, indirect = θ).
 */
export type ImpactsMethod = "exact" | "linear"

/** Covariance of the estimated parameters: the spatial parameter(s) first, then the coefficients. */
export interface ParameterCovariance {
  readonly names: ReadonlyArray<string>
  readonly matrix: Matrix
}

/**
 * What a spatial ML fit reports (cross-section or panel). `variance` says how standard errors were obtained:
 * "information" = inverse of the asymptotic information matrix (Anselin 1988; spatialreg with method
 * "eigen"), with exact traces at every n; "hessian" = inverse of the observed Hessian of the concentrated
 * log-likelihood in (ρ and/or λ, β), as spatialreg's numerical fdHess for large n (here: exact derivatives
 * of the sum of squares; d²log|I − ρW|/dρ² exact from eigenvalues, or a five-point difference).
 */
export interface SpatialFitBase {
  readonly coefficients: Readonly<Record<string, Estimate>>
  /** ML error variance e'e/n (n·T for panels). */
  readonly sigma2: number
  readonly logLik: number
  /** −2·logLik + 2·(k + 2): β, the spatial parameter and σ². */
  readonly aic: number
  /** Log-likelihood of the non-spatial model (OLS, or the within model for panels). */
  readonly logLikOLS: number
  /** Likelihood-ratio test of ρ = 0 (or λ = 0; both for SAC, df 2) against the non-spatial model. */
  readonly lr: { readonly statistic: number; readonly p: number; readonly df?: number }
  /** How log|I − ρW| was computed. */
  readonly method: LogDetMethod
  readonly variance: VarianceMethod
  /** Covariance of (spatial parameter(s), coefficients), from the same matrix as the standard errors. */
  readonly covariance: ParameterCovariance
  /** Search interval for the spatial parameter. */
  readonly interval: readonly [number, number]
  readonly n: number
  readonly k: number
  readonly residuals: Float64Array
  readonly fitted: Float64Array
  /** Problems that do not stop the fit, e.g. code "spatial_parameter_at_bound" (results should not be used). */
  readonly warnings: ReadonlyArray<{ readonly code: string; readonly en: string; readonly zh: string }>
}

/** Spatial lag model y = ρWy + Xβ + ε. */
export interface SpatialLagFit extends SpatialFitBase {
  readonly model: "lag"
  readonly rho: Estimate
  /** Impacts per explanatory variable (intercept excluded), as spatialreg impacts(). */
  readonly impacts: Readonly<Record<string, Impact>>
  readonly impactsMethod: ImpactsMethod
  /** Which coefficients make up each variable's impacts (β, and θ in Durbin models). */
  readonly impactTerms: ReadonlyArray<ImpactTerm>
}

/** Spatial Durbin model y = ρWy + Xβ + WX_dθ + ε (SDM; spatialreg lagsarlm(Durbin = TRUE)). */
export interface SpatialDurbinFit extends Omit<SpatialLagFit, "model"> {
  readonly model: "durbin"
  /** Number of regressors before the WX columns were appended. */
  readonly kX: number
}

/** SAC / SARAR model y = ρWy + Xβ + u, u = λWu + ε (spatialreg sacsarlm). */
export interface SacFit extends Omit<SpatialLagFit, "model"> {
  readonly model: "sac"
  readonly lambda: Estimate
}

/** An impact with its standard error (SLX and SDEM: linear combinations of coefficients). */
export interface LinearImpacts {
  readonly impacts: Readonly<Record<string, Impact>>
  readonly se: Readonly<Record<string, Impact>>
}

/** Spatial error model y = Xβ + u, u = λWu + ε. */
export interface SpatialErrorFit extends SpatialFitBase {
  readonly model: "error"
  readonly lambda: Estimate
}

/** Spatial Durbin error model y = Xβ + WX_dθ + u, u = λWu + ε (SDEM; errorsarlm(Durbin = TRUE)). */
export interface SpatialDurbinErrorFit extends Omit<SpatialErrorFit, "model"> {
  readonly model: "sdem"
  readonly kX: number
  /** direct = β, indirect = θ, total = β + θ, with standard errors as spatialreg (see fitSpatialDurbinError). */
  readonly impacts: Readonly<Record<string, Impact>>
  readonly impactsSe: Readonly<Record<string, Impact>>
  readonly impactsMethod: "linear"
}
